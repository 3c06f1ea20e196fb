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

const port = parentPort;
if (port === null) throw new Error('The writer must run in a worker thread.');
const data = workerData as WriterWorkerData;
let opened: { db: Database; writer: VaultWriter } | null = null;

function writer(): VaultWriter {
  if (opened === null) {
    const db = openDatabase(data.databaseFile, { nativeBinding: data.nativeBinding });
    tuneForImport(db);
    opened = { db, writer: new VaultWriter(db) };
  }
  return opened.writer;
}

port.on('message', (request: WriterRequest) => {
  if (request.type === 'close') {
    opened?.db.close();
    port.close();
    return;
  }
  let reply: WriterReply;
  try {
    reply = {
      type: 'committed',
      seq: request.seq,
      outcome: writer().commitColumns(request.columns, request.archiveId, request.job),
    };
  } catch (error) {
    const { code, message } = describeError(error);
    reply = { type: 'failed', seq: request.seq, code, message };
  }
  port.postMessage(reply);
});
