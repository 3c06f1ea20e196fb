/**
 * The engine's handle on the database worker: typed async calls derived from the synchronous
 * query map, matched to replies by sequence number.
 */
import { Worker } from 'node:worker_threads';
import { VaultError } from '../errors';
import type { QueryName } from './queries';
import type {
  DbReply,
  DbRequest,
  DbWorkerData,
  QueryArgs,
  QueryResult,
  SerializedError,
} from './worker-protocol';

type Pending = Readonly<{ resolve: (value: unknown) => void; reject: (error: Error) => void }>;

const toError = (error: SerializedError): VaultError =>
  new VaultError(
    error.code,
    error.message,
    error.file === undefined ? undefined : { file: error.file },
  );

export type DbClient = Readonly<{
  schemaVersion: number;
  call<K extends QueryName>(name: K, ...args: QueryArgs<K>): Promise<QueryResult<K>>;
  close(): Promise<void>;
  /** Stops the thread at once, even in the middle of a query (a long read that can be redone). */
  terminate(): Promise<void>;
}>;

export async function startDbWorker(workerPath: string, data: DbWorkerData): Promise<DbClient> {
  const worker = new Worker(workerPath, {
    workerData: data,
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closed = false;

  const failAll = (error: Error): void => {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  };

  const schemaVersion = await new Promise<number>((resolve, reject) => {
    const onMessage = (reply: DbReply): void => {
      if (reply.type === 'ready') resolve(reply.schemaVersion);
      else if (reply.type === 'fatal') reject(toError(reply.error));
    };
    worker.once('message', onMessage);
    worker.once('error', reject);
  });

  worker.on('message', (reply: DbReply) => {
    if (reply.type !== 'result' && reply.type !== 'error') return;
    const entry = pending.get(reply.id);
    if (entry === undefined) return;
    pending.delete(reply.id);
    if (reply.type === 'result') entry.resolve(reply.value);
    else entry.reject(toError(reply.error));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', () => {
    closed = true;
    failAll(new VaultError('DATABASE_CLOSED', 'The vault database is closed.'));
  });

  return {
    schemaVersion,
    call<K extends QueryName>(name: K, ...args: QueryArgs<K>): Promise<QueryResult<K>> {
      if (closed)
        return Promise.reject(new VaultError('DATABASE_CLOSED', 'The vault database is closed.'));
      const id = nextId++;
      return new Promise<QueryResult<K>>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        const request: DbRequest = { type: 'query', id, name, args };
        worker.postMessage(request);
      });
    },
    async close(): Promise<void> {
      if (closed) return;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      const request: DbRequest = { type: 'close' };
      worker.postMessage(request);
      await exited;
    },
    async terminate(): Promise<void> {
      if (!closed) await worker.terminate();
    },
  };
}
