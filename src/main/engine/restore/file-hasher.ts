/**
 * SHA-256 of files, for checking what a restore wrote: in this thread (readFileHash), or spread over
 * a pool of worker threads (HashPool, hash-worker.ts) so a restore of many files uses every core —
 * hashing, not copying, is what limits a restore.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { VaultError } from '../errors';

export type FileHash = Readonly<{ sha256: string; bytes: number }>;

/** Hashes one file; `onBytes` hears how far it got; rejects with CANCELLED when `signal` fires. */
export type FileHasher = (
  file: string,
  signal?: AbortSignal,
  onBytes?: (bytes: number) => void,
) => Promise<FileHash>;

export const READ_BYTES = 1024 * 1024;

export function cancelledRestore(): VaultError {
  return new VaultError('CANCELLED', 'The restore was cancelled; nothing was left half-written.');
}

/** Reads `file` in 1 MB pieces into one reused buffer, hashing as it goes. */
export async function hashFileHere(
  file: string,
  isCancelled: () => boolean,
  onBytes?: (bytes: number) => void,
): Promise<FileHash> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(READ_BYTES);
  const handle = await open(file, 'r');
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
  } finally {
    await handle.close();
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

  constructor(workerPath: string, size = Math.min(4, os.availableParallelism())) {
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
