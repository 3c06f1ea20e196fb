/**
 * The desktop shell's lifecycle: one instance, one hardened window on `app://chat-vault/`, one engine
 * on `<userData>/Vault` served over IPC. Decisions live in the pure modules imported below.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, nativeTheme, protocol, shell } from 'electron';
import { importBatches } from '../../shared/contract';
import { IPC_CHANNELS, type MenuCommand, type PickKind } from '../../shared/desktop-bridge';
import type { EventEnvelope } from '../../shared/wire';
import { dispatch } from '../engine/dispatch';
import { openEngine, type Engine } from '../engine/engine';
import { describeError } from '../engine/errors';
import { VAULT_DIR_NAME } from '../engine/vault/default-vault-dir';
import { createAppProtocolHandler } from './app-protocol';
import { APP_NAME, openFolder, showAbout, showError, showPickDialog } from './dialogs';
import { bindIpc } from './ipc';
import { importPathsFromArgv } from './launch-args';
import { menuTemplate } from './menu';
import { electronNativeBinding, missingBindingHint, workersDir } from './native-binding';
import { APP_INDEX_URL, APP_SCHEME, hardenWebContents } from './security';
import { windowOptions } from './window-options';

declare const __APP_VERSION__: string;

const isMac = process.platform === 'darwin';
/** The watched import folder, created on first run in the user's documents. */
const IMPORT_FOLDER_NAME = 'Chat Vault Import';
const bundleDir = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(bundleDir, '..', 'renderer');

let mainWindow: BrowserWindow | null = null;
let engine: Engine | null = null;
/** Files asked for (command line, Finder, second launch) before the engine was open. */
const pendingImports: string[] = [];
let quitState: 'running' | 'closing' | 'closed' = 'running';

function createWindow(): BrowserWindow {
  const preloadPath = path.join(bundleDir, 'preload.cjs');
  const win = new BrowserWindow(
    windowOptions({ preloadPath, darkTheme: nativeTheme.shouldUseDarkColors }),
  );
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win
    .loadURL(APP_INDEX_URL)
    .catch((error: unknown) => console.error('The window could not load the app:', error));
  return win;
}

function focusWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    if (engine !== null) mainWindow = createWindow();
  } else {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
}

/** Sends a menu command to the window, once its page has loaded. */
function sendMenuCommand(command: MenuCommand): void {
  if (mainWindow === null || mainWindow.isDestroyed()) return;
  const contents = mainWindow.webContents;
  if (contents.isLoading())
    contents.once('did-finish-load', () => contents.send(IPC_CHANNELS.menu, command));
  else contents.send(IPC_CHANNELS.menu, command);
}

/** Engine events go to every window as event envelopes. */
function forwardEvent(envelope: EventEnvelope): void {
  for (const { webContents } of BrowserWindow.getAllWindows())
    webContents.send(IPC_CHANNELS.event, envelope);
}

/** Queues files as imports (through the same validation as the renderer's requests) and shows them. */
function submitImports(paths: readonly string[]): void {
  if (paths.length === 0) return;
  const open = engine;
  if (open === null) {
    pendingImports.push(...paths);
    return;
  }
  Promise.all(
    importBatches(paths).map((batch) => dispatch(open.handlers, 'import.submit', { paths: batch })),
  )
    .then((outcomes) => {
      const failed = outcomes.find((outcome) => !outcome.ok);
      if (failed !== undefined && !failed.ok)
        showError('The import could not start', failed.error.message);
    })
    .catch((error: unknown) => console.error('Submitting imports failed:', error));
}

function pickAndImport(kind: PickKind): void {
  showPickDialog(mainWindow, kind)
    .then(submitImports)
    .catch((error: unknown) => console.error('The open dialog failed:', error));
}

/** Opens the vault, or explains why it cannot (e.g. VAULT_FROM_FUTURE) and returns null. */
async function openVault(): Promise<Engine | null> {
  const nativeBinding = electronNativeBinding({
    appRoot: app.getAppPath(),
    isPackaged: app.isPackaged,
  });
  try {
    return await openEngine({
      vaultDir: path.join(app.getPath('userData'), VAULT_DIR_NAME),
      workersDir: workersDir(bundleDir),
      nativeBinding,
      appVersion: __APP_VERSION__,
      defaultImportFolder: path.join(app.getPath('documents'), IMPORT_FOLDER_NAME),
    });
  } catch (error) {
    const { code, message } = describeError(error);
    const hint = nativeBinding === undefined && !app.isPackaged ? `\n\n${missingBindingHint}` : '';
    showError(`${APP_NAME} could not open its vault`, `${message}${hint}\n\n(${code})`);
    return null;
  }
}

async function start(): Promise<void> {
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler(rendererDir, () => engine?.vaultDir ?? null),
  );
  const actions = {
    importFiles: () => pickAndImport('files'),
    importFolder: () => pickAndImport('folder'),
    openSettings: () => sendMenuCommand('open-settings'),
    openVaultFolder: () => {
      if (engine !== null) openFolder(engine.vaultDir);
    },
    showAbout: () => showAbout(mainWindow),
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate({ isMac, appName: APP_NAME }, actions)),
  );

  const opened = await openVault();
  if (opened === null) {
    app.exit(1);
    return;
  }
  engine = opened;
  bindIpc(ipcMain, opened.handlers, (kind, sender) =>
    showPickDialog(BrowserWindow.fromWebContents(sender), kind),
  );
  opened.subscribe(({ event, payload }) => forwardEvent({ type: 'event', event, payload }));
  mainWindow = createWindow();
  submitImports([
    ...pendingImports.splice(0),
    ...importPathsFromArgv(process.argv, { cwd: process.cwd(), isPackaged: app.isPackaged }),
  ]);
}

app.setName(APP_NAME);
// The command line finds the same vault (`default-vault-dir.ts`): `<appData>/Chat Vault/Vault`.
app.setPath('userData', path.join(app.getPath('appData'), APP_NAME));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, (url) => shell.openExternal(url)),
  );
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow();
    submitImports(importPathsFromArgv(argv, { cwd: workingDirectory, isPackaged: app.isPackaged }));
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    submitImports([file]);
  });
  app.on('activate', focusWindow);
  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });
  app.on('will-quit', (event) => {
    if (engine === null || quitState === 'closed') return;
    event.preventDefault();
    if (quitState === 'closing') return;
    quitState = 'closing';
    engine
      .close()
      .catch((error: unknown) => console.error('The vault did not close cleanly:', error))
      .finally(() => {
        quitState = 'closed';
        app.quit();
      });
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      showError(`${APP_NAME} could not start`, describeError(error).message);
      app.exit(1);
    });
}
