import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  aboutDialogOptions,
  menuTemplate,
  type MenuActions,
} from '../../../src/main/electron/menu';

type ActionName = keyof MenuActions;

function recordingActions(called: ActionName[] = []): MenuActions {
  return {
    importFiles: () => called.push('importFiles'),
    importFolder: () => called.push('importFolder'),
    openSettings: () => called.push('openSettings'),
    openVaultFolder: () => called.push('openVaultFolder'),
    showAbout: () => called.push('showAbout'),
  };
}

const linux = { isMac: false, appName: 'Chat Vault' };
const mac = { isMac: true, appName: 'Chat Vault' };

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(item?.submenu) ? item.submenu : [];
}

function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((top) => [top, ...allItems(submenu(top))]);
}

function itemLabelled(
  template: MenuItemConstructorOptions[],
  label: string,
): MenuItemConstructorOptions | undefined {
  return allItems(template).find((item) => item.label === label);
}

function click(item: MenuItemConstructorOptions | undefined): void {
  // The actions ignore their arguments, so the click is called without Electron's objects.
  (item?.click as (() => void) | undefined)?.();
}

describe('application menu', () => {
  it('has File, Edit, View, Window and Help menus off macOS', () => {
    expect(menuTemplate(linux, recordingActions()).map((item) => item.label)).toEqual([
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
  });

  it('starts with the app menu on macOS', () => {
    expect(menuTemplate(mac, recordingActions())[0]?.label).toBe('Chat Vault');
  });

  it('has no app menu off macOS', () => {
    expect(
      menuTemplate(linux, recordingActions()).some((item) => item.label === 'Chat Vault'),
    ).toBe(false);
  });

  it('imports files from the File menu', () => {
    const called: ActionName[] = [];
    const file = menuTemplate(linux, recordingActions(called)).find(
      (item) => item.label === 'File',
    );
    click(submenu(file).find((item) => item.label === 'Import Files…'));
    expect(called).toEqual(['importFiles']);
  });

  it('imports a folder from the File menu', () => {
    const called: ActionName[] = [];
    const file = menuTemplate(linux, recordingActions(called)).find(
      (item) => item.label === 'File',
    );
    click(submenu(file).find((item) => item.label === 'Import Folder…'));
    expect(called).toEqual(['importFolder']);
  });

  it('opens Settings with Ctrl+, or Cmd+,', () => {
    for (const platform of [linux, mac]) {
      expect(
        itemLabelled(menuTemplate(platform, recordingActions()), 'Settings…')?.accelerator,
      ).toBe('CmdOrCtrl+,');
    }
  });

  it('asks the renderer for settings when Settings is chosen', () => {
    const called: ActionName[] = [];
    click(itemLabelled(menuTemplate(linux, recordingActions(called)), 'Settings…'));
    expect(called).toEqual(['openSettings']);
  });

  it('opens the vault folder from the File menu', () => {
    const called: ActionName[] = [];
    click(itemLabelled(menuTemplate(linux, recordingActions(called)), 'Open Vault Folder'));
    expect(called).toEqual(['openVaultFolder']);
  });

  it('shows About from the Help menu off macOS', () => {
    const called: ActionName[] = [];
    const help = menuTemplate(linux, recordingActions(called)).find(
      (item) => item.label === 'Help',
    );
    click(submenu(help).find((item) => item.label === 'About Chat Vault'));
    expect(called).toEqual(['showAbout']);
  });

  it('shows About from the app menu on macOS', () => {
    const called: ActionName[] = [];
    click(
      submenu(menuTemplate(mac, recordingActions(called))[0]).find(
        (item) => item.label === 'About Chat Vault',
      ),
    );
    expect(called).toEqual(['showAbout']);
  });

  it('quits from the File menu off macOS', () => {
    const file = menuTemplate(linux, recordingActions()).find((item) => item.label === 'File');
    expect(submenu(file).some((item) => item.role === 'quit')).toBe(true);
  });

  it('quits from the app menu, not the File menu, on macOS', () => {
    const template = menuTemplate(mac, recordingActions());
    expect(submenu(template[0]).some((item) => item.role === 'quit')).toBe(true);
    expect(
      submenu(template.find((item) => item.label === 'File')).some((item) => item.role === 'quit'),
    ).toBe(false);
  });

  it('offers zoom, full screen and developer tools in the View menu', () => {
    const view = menuTemplate(linux, recordingActions()).find((item) => item.label === 'View');
    const roles = submenu(view).map((item) => item.role);
    expect(roles).toEqual(
      expect.arrayContaining([
        'zoomIn',
        'zoomOut',
        'resetZoom',
        'togglefullscreen',
        'toggleDevTools',
      ]),
    );
  });

  it('offers the standard editing commands', () => {
    const edit = menuTemplate(linux, recordingActions()).find((item) => item.label === 'Edit');
    expect(submenu(edit).map((item) => item.role)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
  });
});

describe('About dialog', () => {
  it('names the app and its version', () => {
    expect(aboutDialogOptions('Chat Vault', '1.2.3', { node: '22.0.0' }).message).toBe(
      'Chat Vault 1.2.3',
    );
  });

  it('lists the runtime versions for bug reports', () => {
    const detail = aboutDialogOptions('Chat Vault', '1.2.3', {
      electron: '45.5.0',
      chrome: '140.0',
      node: '22.0.0',
    }).detail;
    expect(detail).toContain('Electron 45.5.0');
    expect(detail).toContain('Chromium 140.0');
  });
});
