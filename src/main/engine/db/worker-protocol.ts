import type { Database } from 'better-sqlite3';
import type { Queries, QueryName } from './queries';

/** What the database worker is started with. */
export type DbWorkerData = Readonly<{
  file: string;
  nativeBinding: string | undefined;
  /**
   * A reading thread beside the query thread (search-threads.ts): opens the vault read-only and
   * leaves migrating to the query thread, which has done it before any such thread starts.
   */
  readOnly?: boolean;
}>;

export type QueryArgs<K extends QueryName> =
  Parameters<Queries[K]> extends [Database, ...infer Rest] ? Rest : never;
export type QueryResult<K extends QueryName> = ReturnType<Queries[K]>;

export type DbRequest =
  | Readonly<{ type: 'query'; id: number; name: QueryName; args: readonly unknown[] }>
  | Readonly<{ type: 'close' }>;

export type DbReply =
  | Readonly<{ type: 'ready'; schemaVersion: number }>
  | Readonly<{ type: 'fatal'; error: SerializedError }>
  | Readonly<{ type: 'result'; id: number; value: unknown }>
  | Readonly<{ type: 'error'; id: number; error: SerializedError }>;

export type SerializedError = Readonly<{ code: string; message: string; file?: string }>;
