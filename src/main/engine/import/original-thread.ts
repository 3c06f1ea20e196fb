/**
 * Stores an import's original on a thread of its own, at background priority (original-worker.ts).
 *
 * The copy and hash of a large export (a 291 MB result.json: some 0.5 s of processor time) used to
 * run beside the import on libuv's I/O threads and the reading thread, taking turns with the
 * reading and writing threads on a busy machine. At background priority they wait for a free
 * processor instead, and the reading thread waits for the writer often enough to leave one. On
 * two cores, a 1M-message Telegram import took about 0.1 s less beyond the writer's own work (lower
 * in 8 of 10 alternating pairs). On a machine kept busy by other programs, the import's end waits
 * longer for its original.
 */
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { VaultError } from '../errors';
import { copyAndHashHere, type CopyAndHash, type StoredBlob } from '../vault/blob-store';

/**
 * Originals smaller than this are copied and hashed on the calling thread: starting a thread
 * (25–30 ms on a busy machine) would cost a small import more than it spares.
 */
export const OWN_THREAD_BYTES = 16 * 1024 * 1024;

/** What the thread is given: the file to store and the new temp file to copy it to. */
export type OriginalJob = Readonly<{ from: string; to: string }>;

export type OriginalReply =
  | Readonly<{ type: 'stored'; blob: StoredBlob }>
  | Readonly<{ type: 'failed'; code: string; message: string }>;

/** CopyAndHash on a new thread from `workerPath` (original-worker.mjs), one per file. */
export function copyAndHashOnThread(workerPath: string): CopyAndHash {
  return (from, to) =>
    new Promise<StoredBlob>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        outcome();
      };
      const job: OriginalJob = { from, to };
      const worker = new Worker(workerPath, {
        workerData: job,
        resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 64 },
      });
      worker.once('message', (reply: OriginalReply) =>
        settle(() =>
          reply.type === 'stored'
            ? resolve(reply.blob)
            : reject(new VaultError(reply.code, reply.message, { file: from })),
        ),
      );
      worker.once('error', (error) =>
        settle(() => reject(new VaultError('ORIGINAL_NOT_STORED', error.message, { file: from }))),
      );
      worker.once('exit', (exitCode) =>
        settle(() =>
          reject(
            new VaultError(
              'ORIGINAL_NOT_STORED',
              `The thread storing ${from} stopped (exit code ${exitCode}) before it was done.`,
              { file: from },
            ),
          ),
        ),
      );
    });
}

/** copyAndHashOnThread for originals of OWN_THREAD_BYTES or more, copyAndHashHere for the rest. */
export function copyAndHashBySize(workerPath: string): CopyAndHash {
  const onThread = copyAndHashOnThread(workerPath);
  return async (from, to) =>
    (await stat(from)).size >= OWN_THREAD_BYTES ? onThread(from, to) : copyAndHashHere(from, to);
}
