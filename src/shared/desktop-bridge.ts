/**
 * The one object the Electron preload exposes to the renderer (as `window.chatVault`). It carries the
 * contract's envelopes unchanged; the renderer and the main process both validate them. The file type
 * is a parameter because this folder knows no DOM: the renderer binds it to `File`.
 */
export const BRIDGE_GLOBAL = 'chatVault';

/** IPC channel names, shared by the preload and the main process. */
export const IPC_CHANNELS = {
  request: 'chat-vault:request',
  event: 'chat-vault:event',
  menu: 'chat-vault:menu',
  pick: 'chat-vault:pick',
} as const;

export const MENU_COMMANDS = ['open-settings'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** `files` and `folder` choose exports to import; `watch-folder` the folder to watch for new
 * exports; `destination` a folder to restore or export into. */
export const PICK_KINDS = ['files', 'folder', 'watch-folder', 'destination'] as const;
export type PickKind = (typeof PICK_KINDS)[number];

export type DesktopBridge<FileLike> = Readonly<{
  /** Sends one request envelope; resolves with the response envelope (never rejects on app errors). */
  request(method: string, params: unknown): Promise<unknown>;
  /** Event envelopes pushed by the engine. Returns an unsubscribe function. */
  onEvent(listener: (message: unknown) => void): () => void;
  /** Commands chosen in the application menu. Returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** The absolute path of a dropped file or folder. */
  pathForFile(file: FileLike): string;
  /** Shows the native open dialog; resolves with the chosen paths (empty when cancelled). */
  pick(kind: PickKind): Promise<readonly string[]>;
}>;
