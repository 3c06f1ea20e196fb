import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { migrate } from '../../src/main/engine/db/migrate';
import { MIGRATIONS } from '../../src/main/engine/db/migrations';
import { openDatabase } from '../../src/main/engine/db/open-database';
import type { MessageRow } from '../../src/main/engine/import/vault-writer';

/** A migrated vault database in `vaultDir`, opened on this thread (tests only). */
export function openVaultDb(vaultDir: string): Database {
  const file = path.join(vaultDir, 'vault.db');
  const db = openDatabase(file);
  migrate(db, MIGRATIONS, file);
  return db;
}

/** The archive (id 1) and import job (id 1) that writes in a test belong to. */
export function insertTestArchiveAndJob(db: Database): void {
  db.prepare(
    "INSERT INTO archives (public_id, name, source_path, format, container, status, started_at) VALUES ('a', 'test', 'test', 'test', 'file', 'importing', 0)",
  ).run();
  db.prepare(
    "INSERT INTO import_jobs (path, archive_id, state, records_done, updated_at) VALUES ('test', 1, 'running', 0, 0)",
  ).run();
}

export const count = (db: Database, sql: string, ...params: unknown[]): number =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

/** A text message row for the writer, by Ana in conversation c1 unless told otherwise. */
export function textMessageRow(
  fields: Pick<MessageRow, 'key' | 'sentAt' | 'text'> & Partial<MessageRow>,
): MessageRow {
  return {
    conversationId: 'c1',
    externalId: null,
    sender: 'Ana',
    kind: 'text',
    replyTo: null,
    forwardedFrom: null,
    editedAt: null,
    reactionsJson: null,
    entitiesJson: null,
    attachments: [],
    ...fields,
  };
}
