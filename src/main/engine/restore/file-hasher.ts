/**
 * Checks a file a restore has just written: reads it back, takes its SHA-256, and flushes it to disk
 * (so it can be given its final name). In this thread (hashInThread), or spread over a pool of
 * worker threads (HashPool, hash-worker.ts) so a restore of many files uses every core, and the
 * waits for the disk do not hold up libuv's four shared I/O threads that the copies need.
 */
import { createHash } from 'node:crypto';
import { closeSync, fdatasyncSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { VaultError } from '../errors';
import { isErrno } from '../output/output-errors';

export type FileHash = Readonly<{ sha256: string; bytes: number }>;

/**
 * Hashes one file and flushes it to disk; `onBytes` hears how far it got; rejects with CANCELLED
 * when `signal` fires.
 */
export type FileHasher = (
  file: string,
  signal?: AbortSignal,
  onBytes?: (bytes: number) => void,
) => Promise<FileHash>;

export const READ_BYTES = 1024 * 1024;

/**
 * A file is opened for writing to be flushed, since Windows flushes only such a file; one the copy
 * left read-only (a read-only blob's mode is copied) is opened for reading, which POSIX can flush.
 */
const isReadOnly = (error: unknown): boolean => isErrno(error, 'EACCES', 'EPERM');

export function cancelledRestore(): VaultError {
  return new VaultError('CANCELLED', 'The restore was cancelled; nothing was left half-written.');
}

/** Reads `file` in 1 MB pieces into one reused buffer, hashing as it goes, then syncs it. */
export async function hashFileHere(
  file: string,
  isCancelled: () => boolean,
  onBytes?: (bytes: number) => void,
): Promise<FileHash> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(READ_BYTES);
  const handle = await open(file, 'r+').catch((error: unknown) => {
    if (isReadOnly(error)) return open(file, 'r');
    throw error;
  });
  let bytes = 0;
  try {
    for (;;) {
      if (isCancelled()) throw cancelledRestore();
      const { bytesRead } = await handle.read(buffer, 0, READ_BYTES, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
      onBytes?.(bytes);
    }
    await handle.datasync();
  } finally {
    await handle.close();
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Bytes a hashing thread reads between looks at its messages (a cancel, the next file). */
const BYTES_BETWEEN_YIELDS = 32 * 1024 * 1024;
const yieldToMessages = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * hashFileHere for a thread that does nothing else (hash-worker.ts): blocking reads into one buffer
 * kept for every file, so a small file costs a few system calls rather than a trip through libuv's
 * four shared I/O threads for each; it still stops now and then to hear a cancel.
 */
export async function hashFileBlocking(
  file: string,
  buffer: Buffer,
  isCancelled: () => boolean,
  onBytes?: (bytes: number) => void,
): Promise<FileHash> {
  const hash = createHash('sha256');
  let fd: number;
  try {
    fd = openSync(file, 'r+');
  } catch (error) {
    if (!isReadOnly(error)) throw error;
    fd = openSync(file, 'r');
  }
  let bytes = 0;
  let sinceYield = 0;
  try {
    for (;;) {
      if (sinceYield >= BYTES_BETWEEN_YIELDS) {
        sinceYield = 0;
        await yieldToMessages();
      }
      if (isCancelled()) throw cancelledRestore();
      const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
      sinceYield += bytesRead;
      onBytes?.(bytes);
    }
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), bytes };
}

export const hashInThread: FileHasher = (file, signal, onBytes) =>
  hashFileHere(file, () => signal?.aborted === true, onBytes);

export type HashRequest =
  Readonly<{ type: 'hash'; id: number; file: string }> | Readonly<{ type: 'cancel'; id: number }>;

export type HashReply =
  | Readonly<{ type: 'progress'; id: number; bytes: number }>
  | Readonly<{ type: 'done'; id: number; sha256: string; bytes: number }>
  | Readonly<{ type: 'failed'; id: number; code: string; message: string }>;

type Job = {
  readonly id: number;
  readonly file: string;
  readonly resolve: (hash: FileHash) => void;
  readonly reject: (error: Error) => void;
  readonly onBytes: ((bytes: number) => void) | undefined;
  worker: Worker | null;
};

/** Worker threads that hash files, started on first use, one job per worker at a time. */
export class HashPool {
  readonly #workerPath: string;
  readonly #size: number;
  readonly #idle: Worker[] = [];
  readonly #all: Worker[] = [];
  readonly #queue: Job[] = [];
  readonly #running = new Map<number, Job>();
  #nextId = 1;

  /**
   * More threads than cores: for the many small files of a chat export a thread mostly waits for
   * the disk to take a file (measured on 2 cores, 5,000 files: 2 threads 3.9 s, 8 threads 2.4 s).
   */
  constructor(workerPath: string, size = 8) {
    this.#workerPath = workerPath;
    this.#size = Math.max(1, size);
  }

  readonly hash: FileHasher = (file, signal, onBytes) => {
    if (signal?.aborted === true) return Promise.reject(cancelledRestore());
    return new Promise<FileHash>((resolve, reject) => {
      const job: Job = { id: this.#nextId++, file, resolve, reject, onBytes, worker: null };
      signal?.addEventListener(
        'abort',
        () => {
          const queued = this.#queue.indexOf(job);
          if (queued !== -1) this.#queue.splice(queued, 1);
          job.worker?.postMessage({ type: 'cancel', id: job.id } satisfies HashRequest);
          reject(cancelledRestore());
        },
        { once: true },
      );
      this.#queue.push(job);
      this.#pump();
    });
  };

  #pump(): void {
    while (this.#queue.length > 0) {
      let worker = this.#idle.pop();
      if (worker === undefined && this.#all.length < this.#size) worker = this.#start();
      if (worker === undefined) return;
      const job = this.#queue.shift();
      if (job === undefined) {
        this.#idle.push(worker);
        return;
      }
      job.worker = worker;
      this.#running.set(job.id, job);
      worker.postMessage({ type: 'hash', id: job.id, file: job.file } satisfies HashRequest);
    }
  }

  #start(): Worker {
    const worker = new Worker(this.#workerPath);
    this.#all.push(worker);
    worker.on('message', (reply: HashReply) => {
      const job = this.#running.get(reply.id);
      if (job === undefined) return;
      if (reply.type === 'progress') {
        job.onBytes?.(reply.bytes);
        return;
      }
      this.#running.delete(reply.id);
      this.#idle.push(worker);
      if (reply.type === 'done') job.resolve({ sha256: reply.sha256, bytes: reply.bytes });
      else job.reject(new VaultError(reply.code, reply.message, { file: job.file }));
      this.#pump();
    });
    worker.on('error', (error) => {
      for (const job of this.#running.values()) if (job.worker === worker) job.reject(error);
    });
    return worker;
  }

  async close(): Promise<void> {
    await Promise.all(this.#all.map((worker) => worker.terminate()));
    this.#all.length = 0;
    this.#idle.length = 0;
  }
}
