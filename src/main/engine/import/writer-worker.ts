/**
 * The writer thread (see batch-sink.ts): commits the import's batches on its own connection, which
 * it opens with the first batch (the thread may start loading before the vault is migrated).
 */
import type { Database } from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, tuneForImport } from '../db/open-database';
import { describeError } from '../errors';
import type { WriterReply, WriterRequest, WriterWorkerData } from './batch-sink';
import { VaultWriter } from './vault-writer';
import { WriterCheckpoints } from './wal-checkpoints';

const port = parentPort;
if (port === null) throw new Error('The writer must run in a worker thread.');
const data = workerData as WriterWorkerData;
type Opened = { db: Database; writer: VaultWriter; checkpoints: WriterCheckpoints };
let opened: Opened | null = null;

function open(): Opened {
  if (opened === null) {
    const db = openDatabase(data.databaseFile, { nativeBinding: data.nativeBinding });
    tuneForImport(db);
    opened = { db, writer: new VaultWriter(db), checkpoints: new WriterCheckpoints(db) };
  }
  return opened;
}

port.on('message', (request: WriterRequest) => {
  if (request.type === 'close') {
    opened?.db.close();
    port.close();
    return;
  }
  let reply: WriterReply;
  try {
    const outcome = open().writer.commitColumns(request.columns, request.archiveId, request.job);
    reply = { type: 'committed', seq: request.seq, outcome };
  } catch (error) {
    const { code, message } = describeError(error);
    reply = { type: 'failed', seq: request.seq, code, message };
  }
  port.postMessage(reply);
  // After the reply, so the reading thread goes on.
  if (reply.type === 'committed') {
    try {
      opened?.checkpoints.committed();
    } catch {
      // A restart that fails loses nothing (the log keeps every commit); the next one tries again.
    }
  }
});
