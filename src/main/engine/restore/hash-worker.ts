/** A hashing thread for restores (see file-hasher.ts): one file at a time, cancellable. */
import { parentPort } from 'node:worker_threads';
import { describeError } from '../errors';
import { hashFileBlocking, READ_BYTES, type HashReply, type HashRequest } from './file-hasher';

const port = parentPort;
if (port === null) throw new Error('The hash worker must run in a worker thread.');

const PROGRESS_BYTES = 8 * 1024 * 1024;
const cancelled = new Set<number>();
/** One job at a time (see HashPool), so one buffer serves every file. */
const buffer = Buffer.allocUnsafe(READ_BYTES);
const post = (reply: HashReply): void => port.postMessage(reply);

port.on('message', (request: HashRequest) => {
  if (request.type === 'cancel') {
    cancelled.add(request.id);
    return;
  }
  const { id, file } = request;
  let reported = 0;
  hashFileBlocking(
    file,
    buffer,
    () => cancelled.has(id),
    (bytes) => {
      if (bytes - reported < PROGRESS_BYTES) return;
      reported = bytes;
      post({ type: 'progress', id, bytes });
    },
  ).then(
    (hash) => {
      cancelled.delete(id);
      post({ type: 'done', id, ...hash });
    },
    (error: unknown) => {
      cancelled.delete(id);
      const { code, message } = describeError(error);
      post({ type: 'failed', id, code, message });
    },
  );
});
