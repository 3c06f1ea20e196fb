/**
 * The thread that stores an import's original (see original-thread.ts): at background priority, it
 * copies the file, then reads the copy back with blocking reads, hashing it, and syncs it to disk.
 * Blocking calls keep the work on this thread, rather than on libuv's I/O threads, which run at the
 * priority of everything else.
 */
import { chmodSync, copyFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { VaultError } from '../errors';
import { hashFileBlocking, READ_BYTES } from '../restore/file-hasher';
import { lowerThisThreadPriority } from '../thread-priority';
import { BLOB_MODE, COPY_FLAGS } from '../vault/blob-store';
import type { OriginalJob, OriginalReply } from './original-thread';

const port = parentPort;
if (port === null) throw new Error('The original worker must run in a worker thread.');
const { from, to } = workerData as OriginalJob;
const post = (reply: OriginalReply): void => port.postMessage(reply);

lowerThisThreadPriority();
try {
  copyFileSync(from, to, COPY_FLAGS);
  chmodSync(to, BLOB_MODE);
  const hash = await hashFileBlocking(to, Buffer.allocUnsafe(READ_BYTES), () => false);
  post({ type: 'stored', blob: hash });
} catch (error) {
  // The system's own words (ENOENT: no such file…), as when the original is stored in-thread.
  const errno = (error as NodeJS.ErrnoException).code;
  post({
    type: 'failed',
    code: error instanceof VaultError ? error.code : (errno ?? 'INTERNAL'),
    message: error instanceof Error ? error.message : String(error),
  });
}
