/**
 * The application menu as data. Pure: what each item does comes in as `MenuActions`, so the
 * template can be checked without Electron; `main.ts` builds it with `Menu.buildFromTemplate`.
 */
import type { MenuItemConstructorOptions, MessageBoxOptions } from 'electron';

export type MenuPlatform = Readonly<{ isMac: boolean; appName: string }>;

export type MenuActions = Readonly<{
  /** Native dialog for export files, then submit them as imports. */
  importFiles(): void;
  /** Native dialog for an export folder, then submit it as an import. */
  importFolder(): void;
  /** Ask the renderer to open its settings. */
  openSettings(): void;
  /** Show the vault folder in the system file manager. */
  openVaultFolder(): void;
  /** The About dialog, with the version. */
  showAbout(): void;
}>;

export const SETTINGS_ACCELERATOR = 'CmdOrCtrl+,';

function macAppMenu(appName: string, actions: MenuActions): MenuItemConstructorOptions {
  return {
    label: appName,
    submenu: [
      { label: `About ${appName}`, click: () => actions.showAbout() },
      { type: 'separator' },
      {
        label: 'Settings…',
        accelerator: SETTINGS_ACCELERATOR,
        click: () => actions.openSettings(),
      },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
}

function fileMenu({ isMac }: MenuPlatform, actions: MenuActions): MenuItemConstructorOptions {
  const settings: MenuItemConstructorOptions[] = isMac
    ? []
    : [
        {
          label: 'Settings…',
          accelerator: SETTINGS_ACCELERATOR,
          click: () => actions.openSettings(),
        },
      ];
  return {
    label: 'File',
    submenu: [
      { label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
      {
        label: 'Import Folder…',
        accelerator: 'CmdOrCtrl+Shift+O',
        click: () => actions.importFolder(),
      },
      { type: 'separator' },
      { label: 'Open Vault Folder', click: () => actions.openVaultFolder() },
      ...settings,
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
}

function editMenu({ isMac }: MenuPlatform): MenuItemConstructorOptions {
  return {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? ([{ role: 'pasteAndMatchStyle' }] as const) : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };
}

const viewMenu: MenuItemConstructorOptions = {
  label: 'View',
  submenu: [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
    { type: 'separator' },
    { role: 'toggleDevTools' },
  ],
};

function windowMenu({ isMac }: MenuPlatform): MenuItemConstructorOptions {
  return {
    label: 'Window',
    role: 'windowMenu',
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };
}

function helpMenu({ appName }: MenuPlatform, actions: MenuActions): MenuItemConstructorOptions {
  return {
    label: 'Help',
    submenu: [{ label: `About ${appName}`, click: () => actions.showAbout() }],
  };
}

/**
 * File, Edit, View, Window, Help; on macOS the app menu comes first and holds About, Settings and
 * Quit, as macOS people expect; elsewhere Settings and Quit live in File and About in Help.
 */
export function menuTemplate(
  platform: MenuPlatform,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  return [
    ...(platform.isMac ? [macAppMenu(platform.appName, actions)] : []),
    fileMenu(platform, actions),
    editMenu(platform),
    viewMenu,
    windowMenu(platform),
    ...(platform.isMac ? [] : [helpMenu(platform, actions)]),
  ];
}

export type RuntimeVersions = Readonly<{ electron?: string; chrome?: string; node: string }>;

/** Help > About: the app's version, and the runtime's for bug reports. */
export function aboutDialogOptions(
  appName: string,
  appVersion: string,
  runtime: RuntimeVersions,
): MessageBoxOptions {
  const parts = [
    `Electron ${runtime.electron ?? '?'}`,
    `Chromium ${runtime.chrome ?? '?'}`,
    `Node ${runtime.node}`,
  ];
  return {
    type: 'info',
    title: `About ${appName}`,
    message: `${appName} ${appVersion}`,
    detail: `Keeps exported chat histories safe.\n\n${parts.join(' · ')}`,
    buttons: ['OK'],
  };
}
