/**
 * Which host the renderer runs in, and the few things that differ between them: how the contract
 * travels, how picked or dropped files reach the engine, and whether native dialogs exist.
 */
import { importBatches, type Api } from '../../shared/contract';
import { BRIDGE_GLOBAL, type PickKind } from '../../shared/desktop-bridge';
import { bridgeApi, type Bridge } from './bridge-api';
import { connectSocketApi } from './socket-api';
import { uploadFile } from './upload';

export type Host = Readonly<{
  kind: 'desktop' | 'web';
  api: Api;
  /** Hands dropped or chosen files to the engine's import queue. */
  importFiles(files: readonly File[]): Promise<void>;
  /** Native open dialog (desktop only). */
  pick: ((kind: PickKind) => Promise<void>) | null;
  /** Native dialog choosing the folder to watch for exports (desktop only; null when cancelled). */
  chooseImportFolder: (() => Promise<string | null>) | null;
  /** Native folder picker for where to restore or export (desktop only); null when cancelled. */
  chooseFolder: (() => Promise<string | null>) | null;
  onConnectionLost(listener: () => void): void;
  onMenuCommand(listener: (command: string) => void): () => void;
}>;

function findBridge(): Bridge | undefined {
  return (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_GLOBAL];
}

export async function connectHost(): Promise<Host> {
  const bridge = findBridge();
  if (bridge !== undefined) {
    const api = bridgeApi(bridge);
    const submit = async (paths: readonly string[]): Promise<void> => {
      for (const batch of importBatches(paths)) await api.call('import.submit', { paths: batch });
    };
    return {
      kind: 'desktop',
      api,
      importFiles: (files) =>
        submit(files.map((file) => bridge.pathForFile(file)).filter((p) => p !== '')),
      pick: async (kind) => submit(await bridge.pick(kind)),
      chooseImportFolder: async () => (await bridge.pick('watch-folder'))[0] ?? null,
      chooseFolder: async () => (await bridge.pick('destination'))[0] ?? null,
      onConnectionLost: () => undefined,
      onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    };
  }
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const api = await connectSocketApi(
    `${scheme}://${window.location.host}/api/socket?token=${encodeURIComponent(token)}`,
  );
  return {
    kind: 'web',
    api,
    importFiles: async (files) => {
      for (const file of files) await uploadFile(file, token);
    },
    pick: null,
    chooseImportFolder: null,
    chooseFolder: null,
    onConnectionLost: (listener) => api.onClose(listener),
    onMenuCommand: () => () => undefined,
  };
}
