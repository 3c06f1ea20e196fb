import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { migrate } from '../../src/main/engine/db/migrate';
import { MIGRATIONS } from '../../src/main/engine/db/migrations';
import { openDatabase } from '../../src/main/engine/db/open-database';

/** A migrated vault database in `vaultDir`, opened on this thread (tests only). */
export function openVaultDb(vaultDir: string): Database {
  const file = path.join(vaultDir, 'vault.db');
  const db = openDatabase(file);
  migrate(db, MIGRATIONS, file);
  return db;
}

export const count = (db: Database, sql: string, ...params: unknown[]): number =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
