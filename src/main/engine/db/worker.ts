/**
 * The database thread: owns the SQLite connection so no query ever runs on a UI or main thread.
 * Migrates on start (unless it is a read-only search thread), then answers named queries one at a
 * time in arrival order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { describeError } from '../errors';
import { migrate, schemaVersion } from './migrate';
import { MIGRATIONS } from './migrations';
import { openDatabase } from './open-database';
import { queries } from './queries';
import type { DbReply, DbRequest, DbWorkerData } from './worker-protocol';

const port = parentPort;
if (port === null) throw new Error('The database worker must run in a worker thread.');

const data = workerData as DbWorkerData;
const post = (reply: DbReply): void => port.postMessage(reply);

let db: Database;
try {
  const readOnly = data.readOnly ?? false;
  db = openDatabase(data.file, { nativeBinding: data.nativeBinding, readonly: readOnly });
  const version = readOnly ? schemaVersion(db) : migrate(db, MIGRATIONS, data.file);
  post({ type: 'ready', schemaVersion: version });
} catch (error) {
  post({ type: 'fatal', error: describeError(error) });
  process.exit(1);
}

port.on('message', (request: DbRequest) => {
  if (request.type === 'close') {
    db.close();
    port.close();
    return;
  }
  try {
    const query = queries[request.name] as (db: Database, ...args: readonly unknown[]) => unknown;
    post({ type: 'result', id: request.id, value: query(db, ...request.args) });
  } catch (error) {
    post({ type: 'error', id: request.id, error: describeError(error) });
  }
});
