/**
 * The engine: one vault folder, its query worker, its import worker and the handlers of the
 * contract. Plain Node, no Electron; every host (desktop shell, command line, web) opens one.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Handlers, ImportItem } from '../../shared/contract';
import type { Task } from '../../shared/task-contract';
import { startDbWorker, type DbClient } from './db/client';
import { VaultError } from './errors';
import { EventHub, type EventListener } from './events';
import { ImportQueue } from './import/import-queue';
import { monthDayBoundaries } from './browse/month-days';
import { HashPool, type FileHasher } from './restore/file-hasher';
import { BitmapUpkeep } from './search/bitmaps/bitmap-upkeep';
import { DEFAULT_BITMAP_POLICY, type BitmapPolicy } from './search/bitmaps/build-bitmaps';
import { SearchThreads, searchThreadCount } from './search/search-threads';
import { EngineSettings } from './settings/engine-settings';
import { taskHandlers } from './tasks/task-handlers';
import { TaskRunner } from './tasks/task-runner';
import { watchImportFolder } from './watch/import-folder-watcher';
import { collectYoungGenerationsOnOneThread } from './young-collections';

export type EngineOptions = Readonly<{
  vaultDir: string;
  /** The folder of the bundled workers (`db-worker.mjs`, `import-worker.mjs`). */
  workersDir: string;
  /** better-sqlite3 binary for the running runtime, when it is not the one in node_modules. */
  nativeBinding?: string | undefined;
  appVersion: string;
  /** IANA zone for exports whose times carry none; default: the machine's. */
  timeZone?: string;
  /** Resume imports a crash interrupted (default true). */
  resumeImports?: boolean;
  /** A folder to watch: exports saved into it are imported once they stop growing. */
  importFolder?: string;
  /**
   * Start the import threads at once, while the vault is being opened, rather than with the first
   * import (the `import` command: its first messages are in sooner).
   */
  startImporter?: boolean;
  /**
   * A folder to watch until the person chooses another in the settings (the desktop app's); the
   * choice is saved in the vault. Ignored when `importFolder` is given.
   */
  defaultImportFolder?: string;
  /** How long a file in the import folder must stay the same size before it is imported. */
  importFolderStableMs?: number;
  /** Where exports and restores go unless a folder is chosen (default: Documents/Chat Vault Exports). */
  exportFolder?: string;
  /** Read-only threads that count searches' hits beside the query thread (default: by cores). */
  searchThreads?: number;
  /** Which vaults and tokens get search bitmaps (default: DEFAULT_BITMAP_POLICY). */
  searchBitmaps?: BitmapPolicy;
  /**
   * Build the search bitmaps in the background when they are due (default true). A command that
   * does one thing and exits turns it off: its end would only stop the build.
   */
  keepSearchBitmaps?: boolean;
}>;

export type Engine = Readonly<{
  vaultDir: string;
  handlers: Handlers;
  /** Direct read access for the command line (the same queries the handlers use). */
  db: DbClient;
  /** Submits paths and resolves with their final states. */
  importAndWait(paths: readonly string[]): Promise<ImportItem[]>;
  /** Resolves with the final state of these submitted imports once they have all finished. */
  settled(ids: readonly string[]): Promise<ImportItem[]>;
  subscribe(listener: EventListener): () => void;
  /** Hashes files on a pool of threads (restores check every file they write with it). */
  fileHasher: FileHasher;
  /** Resolves with the final state of a restore, export or verify task. */
  taskSettled(id: string): Promise<Task>;
  /** Starts the search threads, resolving once they have (or failed to: searches use fewer). */
  searchThreadsStarted(): Promise<void>;
  /** Resolves once no build of the search bitmaps is running or due. */
  searchBitmapsBuilt(): Promise<void>;
  /** Resolves once the import folder (if any) is being watched. */
  watcherReady: Promise<void>;
  close(): Promise<void>;
}>;

export const DATABASE_FILE = 'vault.db';
/** How often, at most, UIs are told to refresh their conversation lists while an import commits. */
const CHANGE_EVENT_INTERVAL_MS = 250;

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
  // Before any of the engine's threads starts.
  collectYoungGenerationsOnOneThread();
  const vaultDir = path.resolve(options.vaultDir);
  await ensureVaultDir(vaultDir);
  const databaseFile = path.join(vaultDir, DATABASE_FILE);
  const hub = new EventHub();
  let lastChange = 0;
  let changeTimer: NodeJS.Timeout | undefined;
  const announceChange = (): void => {
    const wait = lastChange + CHANGE_EVENT_INTERVAL_MS - Date.now();
    if (changeTimer !== undefined) return;
    changeTimer = setTimeout(
      () => {
        changeTimer = undefined;
        lastChange = Date.now();
        hub.emit({ event: 'conversations.changed', payload: {} });
      },
      Math.max(0, wait),
    );
  };
  /**
   * Once the vault is open: an import stops a build of the search bitmaps, and they are brought
   * up to date when no import is left.
   */
  let importRunning = (): void => undefined;
  let importEnded = (): void => undefined;
  /** The zone for zoneless times: the settings', once they are read. */
  let timeZone: () => string | undefined = () => undefined;
  const imports = new ImportQueue(
    path.join(options.workersDir, 'import-worker.mjs'),
    {
      vaultDir,
      databaseFile,
      nativeBinding: options.nativeBinding,
      workerPaths: {
        writer: path.join(options.workersDir, 'writer-worker.mjs'),
        checkpoints: path.join(options.workersDir, 'checkpoint-worker.mjs'),
        original: path.join(options.workersDir, 'original-worker.mjs'),
      },
    },
    (item) => {
      hub.emit({ event: 'import.updated', payload: item });
      if (item.status === 'importing') importRunning();
      else if (item.status !== 'queued') {
        announceChange();
        importEnded();
      }
    },
    announceChange,
    () => timeZone(),
  );
  // The import threads load while the query worker opens (and migrates) the vault; they open the
  // database only with the first import, which is submitted once it is.
  if (options.startImporter === true) imports.start();
  let db: DbClient;
  try {
    db = await startDbWorker(path.join(options.workersDir, 'db-worker.mjs'), {
      file: databaseFile,
      nativeBinding: options.nativeBinding,
    });
  } catch (error) {
    await imports.close();
    throw error;
  }
  // Made once the query thread has migrated the vault (they only read it); started by a search.
  const searchThreads = new SearchThreads(
    path.join(options.workersDir, 'db-worker.mjs'),
    { file: databaseFile, nativeBinding: options.nativeBinding },
    options.searchThreads ?? searchThreadCount(),
  );
  const bitmapPolicy = options.searchBitmaps ?? DEFAULT_BITMAP_POLICY;
  const bitmaps = new BitmapUpkeep({
    policy: bitmapPolicy,
    stale: () => db.call('searchBitmapsStale', bitmapPolicy),
    startThread: () =>
      startDbWorker(path.join(options.workersDir, 'db-worker.mjs'), {
        file: databaseFile,
        nativeBinding: options.nativeBinding,
      }),
  });
  const keepBitmaps = options.keepSearchBitmaps ?? true;
  importRunning = () => void bitmaps.stop();
  importEnded = () => {
    const running = imports
      .list()
      .some((item) => item.status === 'queued' || item.status === 'importing');
    if (keepBitmaps && !running) bitmaps.request();
  };
  // The settings hold the import folder's watcher, which hands files to the queue through `submit`.
  let submit: (file: string) => void = () => undefined;
  const settings = await EngineSettings.open({
    vaultDir,
    fixedImportFolder: options.importFolder,
    defaultImportFolder: options.defaultImportFolder,
    defaultTimeZone: options.timeZone,
    startWatcher: (folder) =>
      watchImportFolder({
        folder,
        ...(options.importFolderStableMs === undefined
          ? {}
          : { stableMilliseconds: options.importFolderStableMs }),
        alreadyImported: (file, bytes, modifiedMs) =>
          db.call('alreadyImported', { path: file, bytes, modifiedMs }),
        submit: (file) => submit(file),
      }),
    onChange: (payload) => hub.emit({ event: 'settings.changed', payload }),
  });
  timeZone = () => settings.timeZone;
  submit = (file) => imports.submit([file]);
  if (options.resumeImports ?? true) {
    const interrupted = await db.call('interruptedImports');
    if (interrupted.length > 0) imports.submit(interrupted);
  }
  // Bitmaps missing or of fewer messages (a crash, an older version): built in the background.
  if (keepBitmaps && imports.list().length === 0) bitmaps.request();

  const hashPool = new HashPool(path.join(options.workersDir, 'hash-worker.mjs'));
  const tasks = new TaskRunner((task) => hub.emit({ event: 'task.updated', payload: task }));
  const handlers: Handlers = {
    'vault.info': () =>
      Promise.resolve({
        dir: vaultDir,
        schemaVersion: db.schemaVersion,
        appVersion: options.appVersion,
        importFolder: settings.importFolder,
      }),
    'conversations.list': () => db.call('listConversations'),
    'messages.page': (request) => db.call('pageMessages', request),
    'messages.around': ({ conversationId, target, limit }) =>
      db.call('pageAround', {
        conversationId,
        limit,
        target: target.kind === 'time' ? { kind: 'time', at: Date.parse(target.at) } : target,
      }),
    'messages.days': async ({ conversationId, year, month, timeZone }) => {
      const indexes = await db.call('daysWithMessages', {
        conversationId,
        boundaries: monthDayBoundaries(year, month, timeZone),
      });
      return { days: indexes.map((index) => index + 1) };
    },
    'import.submit': ({ paths }) => Promise.resolve({ items: imports.submit(paths) }),
    'import.list': () => Promise.resolve({ items: imports.list() }),
    'import.cancel': ({ id }) => Promise.resolve({ cancelled: imports.cancel(id) }),
    'search.messages': (request) =>
      searchThreads.search(db, { ...request, timeZone: settings.timeZone }),
    'settings.get': () => Promise.resolve(settings.current()),
    'settings.update': (change) => settings.update(change),
    ...taskHandlers({
      vaultDir,
      db,
      runner: tasks,
      hasher: hashPool.hash,
      appVersion: options.appVersion,
      exportFolder: options.exportFolder,
    }),
  };

  return {
    vaultDir,
    handlers,
    db,
    importAndWait: (paths) => imports.settled(imports.submit(paths).map((item) => item.id)),
    settled: (ids) => imports.settled(ids),
    subscribe: (listener) => hub.subscribe(listener),
    fileHasher: hashPool.hash,
    taskSettled: (id) => tasks.settled(id),
    searchThreadsStarted: () => searchThreads.started(),
    searchBitmapsBuilt: () => bitmaps.idle(),
    get watcherReady() {
      return settings.watcherReady;
    },
    async close() {
      await settings.close();
      await tasks.close();
      await hashPool.close();
      await bitmaps.close();
      await imports.close();
      if (changeTimer !== undefined) clearTimeout(changeTimer);
      await searchThreads.close();
      await db.close();
    },
  };
}
