/**
 * The import queue: paths from drops, dialogs, the watch folder and the command line wait here and
 * are imported one at a time by the import thread. Every change of state reaches every UI.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImportItem } from '../../../shared/contract';
import type { ImportProgress, ImportResult } from './import-result';
import type { ImportReply, ImportRequest, ImportWorkerData } from './import-worker-protocol';
import { IMPORT_THREAD_LIMITS } from './thread-limits';

export type ImportListener = (item: ImportItem) => void;

type Tracked = {
  item: ImportItem;
  startedAt: number | null;
  done: () => void;
  finished: Promise<void>;
};

function withRate(progress: ImportProgress, startedAt: number): ImportItem['progress'] {
  const seconds = (performance.now() - startedAt) / 1000;
  const bytesPerSecond = seconds > 0 ? progress.bytesDone / seconds : 0;
  const left = Math.max(0, progress.bytesTotal - progress.bytesDone);
  return {
    ...progress,
    bytesPerSecond,
    etaSeconds: bytesPerSecond > 0 ? left / bytesPerSecond : null,
  };
}

function finalItem(item: ImportItem, result: ImportResult): ImportItem {
  return {
    ...item,
    status: result.status,
    format: result.format,
    archiveId: result.archiveId,
    conversations: result.conversations,
    messagesAdded: result.messagesAdded,
    messagesExisting: result.messagesExisting,
    warnings: [...result.warnings],
    error: result.error,
    progress:
      item.progress === null
        ? null
        : { ...item.progress, bytesDone: item.progress.bytesTotal, etaSeconds: 0 },
  };
}

/** A path just queued: nothing known about it yet. */
export function queuedImportItem(id: string, itemPath: string): ImportItem {
  return {
    id,
    path: itemPath,
    name: path.basename(itemPath),
    status: 'queued',
    format: null,
    archiveId: null,
    progress: null,
    conversations: 0,
    messagesAdded: 0,
    messagesExisting: 0,
    warnings: [],
    error: null,
  };
}

/**
 * The import thread (and its writer thread) start with the first import, so commands and windows
 * that only read never pay for them.
 */
export class ImportQueue {
  readonly #items = new Map<string, Tracked>();
  readonly #workerPath: string;
  readonly #workerData: ImportWorkerData;
  readonly #listener: ImportListener;
  readonly #onCommitted: () => void;
  /** The zone for zoneless times, asked at each submit (the settings may change it). */
  readonly #timeZone: () => string | undefined;
  #worker: Worker | null = null;

  constructor(
    workerPath: string,
    data: ImportWorkerData,
    listener: ImportListener,
    onCommitted: () => void,
    timeZone: () => string | undefined = () => undefined,
  ) {
    this.#workerPath = workerPath;
    this.#workerData = data;
    this.#listener = listener;
    this.#onCommitted = onCommitted;
    this.#timeZone = timeZone;
  }

  /**
   * Starts the import thread now rather than with the first import: for the command line's
   * `import`, which knows one is coming, the threads load while the vault is being opened.
   */
  start(): void {
    this.#importer();
  }

  /** The import thread, started on first use; requests posted before it is ready wait in its port. */
  #importer(): Worker {
    if (this.#worker !== null) return this.#worker;
    const worker = new Worker(this.#workerPath, {
      workerData: this.#workerData,
      resourceLimits: IMPORT_THREAD_LIMITS,
    });
    worker.on('message', (reply: ImportReply) => {
      if (reply.type === 'fatal')
        this.#failPending(`the importer could not start: ${reply.message}`);
      else this.#receive(reply);
    });
    worker.on('error', (error) => this.#failPending(error.message));
    worker.on('exit', (code) => {
      if (code !== 0) this.#failPending(`the importer stopped (exit code ${code})`);
    });
    this.#worker = worker;
    return worker;
  }

  /** The import thread died: nothing pending will finish. What was committed stays committed. */
  #failPending(reason: string): void {
    for (const tracked of this.#items.values()) {
      if (tracked.item.status !== 'queued' && tracked.item.status !== 'importing') continue;
      this.#update(tracked, {
        ...tracked.item,
        status: 'failed',
        error: {
          code: 'IMPORTER_FAILED',
          message: `The import of ${tracked.item.name} stopped because ${reason}. What was read before is kept; import it again to continue.`,
          file: tracked.item.path,
        },
      });
      tracked.done();
    }
  }

  /** Queues each path, unless it is already waiting or importing (then that item stands for it). */
  submit(paths: readonly string[]): ImportItem[] {
    return paths.map((rawPath) => {
      const absolute = path.resolve(rawPath);
      const pending = [...this.#items.values()].find(
        (tracked) =>
          tracked.item.path === absolute &&
          (tracked.item.status === 'queued' || tracked.item.status === 'importing'),
      );
      if (pending !== undefined) return pending.item;
      const item = queuedImportItem(randomUUID(), absolute);
      let done = (): void => undefined;
      const finished = new Promise<void>((resolve) => (done = resolve));
      this.#items.set(item.id, { item, startedAt: null, done, finished });
      this.#listener(item);
      const timeZone = this.#timeZone();
      const request: ImportRequest = {
        type: 'run',
        id: item.id,
        path: absolute,
        ...(timeZone === undefined ? {} : { timeZone }),
      };
      this.#importer().postMessage(request);
      return item;
    });
  }

  cancel(id: string): boolean {
    const tracked = this.#items.get(id);
    if (
      tracked === undefined ||
      (tracked.item.status !== 'queued' && tracked.item.status !== 'importing')
    )
      return false;
    const request: ImportRequest = { type: 'cancel', id };
    this.#importer().postMessage(request);
    return true;
  }

  list(): ImportItem[] {
    return [...this.#items.values()].map((tracked) => tracked.item);
  }

  /** Resolves with the final state of these imports once all of them have finished. */
  async settled(ids: readonly string[]): Promise<ImportItem[]> {
    const tracked = ids.map((id) => this.#items.get(id)).filter((entry) => entry !== undefined);
    await Promise.all(tracked.map((entry) => entry.finished));
    return tracked.map((entry) => entry.item);
  }

  /** Resolves once every submitted path has been handled. */
  async idle(): Promise<void> {
    await Promise.all([...this.#items.values()].map((entry) => entry.finished));
  }

  async close(): Promise<void> {
    await this.idle();
    const worker = this.#worker;
    if (worker === null) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const request: ImportRequest = { type: 'close' };
    worker.postMessage(request);
    await exited;
  }

  #receive(reply: ImportReply): void {
    if (reply.type === 'ready' || reply.type === 'fatal') return;
    const tracked = this.#items.get(reply.id);
    if (tracked === undefined) return;
    switch (reply.type) {
      case 'progress':
        tracked.startedAt ??= performance.now();
        this.#update(tracked, {
          ...tracked.item,
          status: 'importing',
          progress: withRate(reply.progress, tracked.startedAt),
        });
        return;
      case 'committed':
        this.#onCommitted();
        return;
      case 'done':
        this.#update(tracked, finalItem(tracked.item, reply.result));
        tracked.done();
        return;
    }
  }

  #update(tracked: Tracked, item: ImportItem): void {
    tracked.item = item;
    this.#listener(item);
  }
}
