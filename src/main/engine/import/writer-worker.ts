/**
 * The writer thread (see batch-sink.ts): commits the import's batches on its own connection, which
 * it opens with the first batch (the thread may start loading before the vault is migrated).
 *
 * An import sends its next batch before the last one is committed; a batch that follows one that
 * failed fails the same way, unwritten, so a job's checkpoint never moves past records that were
 * not written.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { connectionOnFirstUse, tuneForImport } from '../db/open-database';
import { describeError } from '../errors';
import type { WriterReply, WriterRequest, WriterWorkerData } from './batch-sink';
import { unpackBatch } from './batch-columns';
import { VaultWriter } from './vault-writer';
import { WriterCheckpoints } from './wal-checkpoints';

const port = parentPort;
if (port === null) throw new Error('The writer must run in a worker thread.');
const data = workerData as WriterWorkerData;
const connection = connectionOnFirstUse(
  data.databaseFile,
  { nativeBinding: data.nativeBinding },
  tuneForImport,
);
let writing: { writer: VaultWriter; checkpoints: WriterCheckpoints } | null = null;
/** The failures of batches that a later batch may follow, by seq. */
const failures = new Map<number, Readonly<{ code: string; message: string }>>();

function writer(): VaultWriter {
  writing ??= {
    writer: new VaultWriter(connection.get()),
    checkpoints: new WriterCheckpoints(connection.get()),
  };
  return writing.writer;
}

port.on('message', (request: WriterRequest) => {
  if (request.type === 'close') {
    connection.close();
    port.close();
    return;
  }
  let reply: WriterReply;
  const failedBefore = failures.get(request.after);
  failures.delete(request.after);
  if (failedBefore !== undefined) reply = { type: 'failed', seq: request.seq, ...failedBefore };
  else {
    try {
      const outcome = writer().commitColumns(
        unpackBatch(request.batch),
        request.archiveId,
        request.job,
      );
      reply = { type: 'committed', seq: request.seq, outcome };
    } catch (error) {
      const { code, message } = describeError(error);
      reply = { type: 'failed', seq: request.seq, code, message };
    }
  }
  if (reply.type === 'failed') {
    // A failure no batch followed is forgotten in time.
    if (failures.size >= 64) failures.delete(failures.keys().next().value ?? 0);
    failures.set(request.seq, { code: reply.code, message: reply.message });
  }
  port.postMessage(reply);
  // After the reply, so the reading thread goes on.
  if (reply.type === 'committed') {
    try {
      writing?.checkpoints.committed();
    } catch {
      // A restart that fails loses nothing (the log keeps every commit); the next one tries again.
    }
  }
});
