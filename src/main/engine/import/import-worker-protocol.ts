import type { ImportProgress, ImportResult } from './import-result';

export type ImportWorkerData = Readonly<{
  vaultDir: string;
  databaseFile: string;
  nativeBinding: string | undefined;
  /**
   * The bundles of the writer thread (`writer-worker.mjs`), the checkpoint thread and the thread
   * that stores an original (`original-worker.mjs`).
   */
  workerPaths: Readonly<{ writer: string; checkpoints: string; original: string }>;
}>;

export type ImportRequest =
  | Readonly<{ type: 'run'; id: string; path: string; timeZone?: string }>
  | Readonly<{ type: 'cancel'; id: string }>
  | Readonly<{ type: 'close' }>;

export type ImportReply =
  | Readonly<{ type: 'ready' }>
  | Readonly<{ type: 'fatal'; message: string }>
  | Readonly<{ type: 'progress'; id: string; progress: ImportProgress }>
  | Readonly<{ type: 'committed'; id: string }>
  | Readonly<{ type: 'done'; id: string; result: ImportResult }>;
