/**
 * How the main window is made. Pure: the caller passes in the preload path and the theme, so the
 * security flags can be checked by a test without Electron.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = 'Chat Vault';

/** The page background before the renderer paints; matches the renderer's dark and light themes. */
export const WINDOW_BACKGROUND = { dark: '#16181d', light: '#f7f7f8' } as const;

export type WindowOptionsInput = Readonly<{
  /** Absolute path of the bundled preload (`preload.cjs` beside the main bundle). */
  preloadPath: string;
  /** `nativeTheme.shouldUseDarkColors` at the time the window is made. */
  darkTheme: boolean;
  /** The window icon (Linux and Windows; macOS takes it from the bundle). */
  iconPath?: string | undefined;
}>;

export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    // Shown on 'ready-to-show', so the window never flashes an empty frame.
    show: false,
    backgroundColor: input.darkTheme ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    ...(input.iconPath === undefined ? {} : { icon: input.iconPath }),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}
