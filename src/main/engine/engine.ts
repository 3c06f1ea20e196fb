/**
 * The engine: one vault folder, its database worker and the handlers of the contract. Plain Node,
 * no Electron; every host (desktop shell, command line, web) opens one of these.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Handlers } from '../../shared/contract';
import { startDbWorker } from './db/client';
import { VaultError } from './errors';
import { EventHub, type EventListener } from './events';
import { ImportQueue } from './import/import-queue';

export type EngineOptions = Readonly<{
  vaultDir: string;
  /** The bundled database worker script (`db-worker.mjs` beside the host's bundle). */
  workerPath: string;
  /** better-sqlite3 binary for the running runtime, when it is not the one in node_modules. */
  nativeBinding?: string | undefined;
  appVersion: string;
}>;

export type Engine = Readonly<{
  vaultDir: string;
  handlers: Handlers;
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}>;

export const DATABASE_FILE = 'vault.db';

async function ensureVaultDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new VaultError(
      'VAULT_DIR_UNAVAILABLE',
      `The vault folder could not be created (${error instanceof Error ? error.message : String(error)}). Choose a folder you can write to.`,
      { file: dir, cause: error },
    );
  }
}

export async function openEngine(options: EngineOptions): Promise<Engine> {
  const vaultDir = path.resolve(options.vaultDir);
  await ensureVaultDir(vaultDir);
  const db = await startDbWorker(options.workerPath, {
    file: path.join(vaultDir, DATABASE_FILE),
    nativeBinding: options.nativeBinding,
  });
  const hub = new EventHub();
  const imports = new ImportQueue((item) => hub.emit({ event: 'import.updated', payload: item }));

  const handlers: Handlers = {
    'vault.info': () =>
      Promise.resolve({
        dir: vaultDir,
        schemaVersion: db.schemaVersion,
        appVersion: options.appVersion,
      }),
    'conversations.list': () => db.call('listConversations'),
    'import.submit': ({ paths }) => Promise.resolve({ items: imports.submit(paths) }),
    'import.list': () => Promise.resolve({ items: imports.list() }),
  };

  return {
    vaultDir,
    handlers,
    subscribe: (listener) => hub.subscribe(listener),
    async close() {
      await imports.idle();
      await db.close();
    },
  };
}
