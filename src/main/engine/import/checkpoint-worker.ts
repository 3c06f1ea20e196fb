/**
 * The checkpoint thread (see batch-sink.ts and wal-checkpoints.ts): after each commit of the
 * writer, copies the committed pages from the log into the database file on a connection of its
 * own, while the writer goes on with the next batch. It opens that connection with the first
 * commit (the thread may start loading before the vault is migrated).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { connectionOnFirstUse } from '../db/open-database';
import type { CheckpointRequest, WriterWorkerData } from './batch-sink';
import { passiveCheckpoint } from './wal-checkpoints';

const port = parentPort;
if (port === null) throw new Error('The checkpoints must run in a worker thread.');
const data = workerData as WriterWorkerData;
const connection = connectionOnFirstUse(data.databaseFile, { nativeBinding: data.nativeBinding });

port.on('message', (request: CheckpointRequest) => {
  switch (request) {
    case 'checkpoint':
      try {
        passiveCheckpoint(connection.get());
      } catch {
        // Nothing is lost: the log keeps every committed page, and the next checkpoint (or the
        // last connection to close) copies them.
      }
      return;
    case 'close':
      connection.close();
      port.close();
      return;
  }
});
