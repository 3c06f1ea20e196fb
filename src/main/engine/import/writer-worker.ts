/**
 * The writer thread (see batch-sink.ts): commits the import's batches on its own connection, which
 * it opens with the first batch (the thread may start loading before the vault is migrated).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { connectionOnFirstUse, tuneForImport } from '../db/open-database';
import { describeError } from '../errors';
import type { WriterReply, WriterRequest, WriterWorkerData } from './batch-sink';
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
  try {
    const outcome = writer().commitColumns(request.columns, request.archiveId, request.job);
    reply = { type: 'committed', seq: request.seq, outcome };
  } catch (error) {
    const { code, message } = describeError(error);
    reply = { type: 'failed', seq: request.seq, code, message };
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
