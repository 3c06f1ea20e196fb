import { describe, expect, it } from 'vitest';
import { WINDOW_BACKGROUND, windowOptions } from '../../../src/main/electron/window-options';

const preloadPath = '/app/out/main/preload.cjs';

describe('main window options', () => {
  it('isolates the page from Node and from the preload', () => {
    const prefs = windowOptions({ preloadPath, darkTheme: false }).webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('loads the given preload', () => {
    expect(windowOptions({ preloadPath, darkTheme: false }).webPreferences?.preload).toBe(
      preloadPath,
    );
  });

  it('turns spellcheck off, so typed text is not sent to a spelling service', () => {
    expect(windowOptions({ preloadPath, darkTheme: false }).webPreferences?.spellcheck).toBe(false);
  });

  it('stays hidden until the page is ready to show', () => {
    expect(windowOptions({ preloadPath, darkTheme: false }).show).toBe(false);
  });

  it('is titled Chat Vault', () => {
    expect(windowOptions({ preloadPath, darkTheme: false }).title).toBe('Chat Vault');
  });

  it('has a minimum size no larger than its default size', () => {
    const options = windowOptions({ preloadPath, darkTheme: false });
    expect(options.minWidth).toBeLessThanOrEqual(options.width ?? 0);
    expect(options.minHeight).toBeLessThanOrEqual(options.height ?? 0);
  });

  it('paints the dark background when the system theme is dark', () => {
    expect(windowOptions({ preloadPath, darkTheme: true }).backgroundColor).toBe(
      WINDOW_BACKGROUND.dark,
    );
  });

  it('paints the light background when the system theme is light', () => {
    expect(windowOptions({ preloadPath, darkTheme: false }).backgroundColor).toBe(
      WINDOW_BACKGROUND.light,
    );
  });

  it('sets no icon unless one is given', () => {
    expect(windowOptions({ preloadPath, darkTheme: false })).not.toHaveProperty('icon');
    expect(windowOptions({ preloadPath, darkTheme: false, iconPath: '/i.png' }).icon).toBe(
      '/i.png',
    );
  });
});
