/**
 * The preload: runs sandboxed beside the renderer and exposes exactly one object, `window.chatVault`
 * (`DesktopBridge<File>`). It carries envelopes unchanged and hides `ipcRenderer` and its events; the
 * renderer and the main process both validate what crosses. Bundled for the browser: it may import
 * only `electron` and `src/shared`.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_GLOBAL,
  IPC_CHANNELS,
  MENU_COMMANDS,
  type DesktopBridge,
  type MenuCommand,
  type PickKind,
} from '../../shared/desktop-bridge';

function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Subscribes to one channel, passing only the message on; the returned function removes just it. */
function listen(channel: string, forward: (message: unknown) => void): () => void {
  const listener = (_event: IpcRendererEvent, message: unknown): void => forward(message);
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}

const bridge = {
  request: (method: string, params: unknown): Promise<unknown> =>
    ipcRenderer.invoke(IPC_CHANNELS.request, method, params),
  onEvent: (listener: (message: unknown) => void): (() => void) =>
    listen(IPC_CHANNELS.event, (message) => listener(message)),
  onMenuCommand: (listener: (command: MenuCommand) => void): (() => void) =>
    listen(IPC_CHANNELS.menu, (message) => {
      if (isMenuCommand(message)) listener(message);
    }),
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
  pick: async (kind: PickKind): Promise<readonly string[]> => {
    const paths: unknown = await ipcRenderer.invoke(IPC_CHANNELS.pick, kind);
    return isStringList(paths) ? [...paths] : [];
  },
} satisfies DesktopBridge<File>;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
