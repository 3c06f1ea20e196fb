import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/engine/db/migrate';
import { MIGRATIONS } from '../../../src/main/engine/db/migrations';
import { VAULT_PAGE_SIZE, openDatabase } from '../../../src/main/engine/db/open-database';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

const pageSize = (db: Database.Database): unknown => db.pragma('page_size', { simple: true });

describe('openDatabase', () => {
  it('makes a new vault with 16 KiB pages in WAL mode', async () => {
    const file = path.join(await tempDir(), 'vault.db');
    const db = openDatabase(file);
    migrate(db, MIGRATIONS, file);
    expect(pageSize(db)).toBe(VAULT_PAGE_SIZE);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const reopened = new Database(file, { readonly: true });
    expect(pageSize(reopened)).toBe(VAULT_PAGE_SIZE);
    reopened.close();
  });

  it('keeps the page size of a vault made before, and its rows', async () => {
    const file = path.join(await tempDir(), 'vault.db');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec("CREATE TABLE kept (value TEXT); INSERT INTO kept VALUES ('still here')");
    expect(pageSize(old)).toBe(4096);
    old.close();

    const db = openDatabase(file);
    expect(pageSize(db)).toBe(4096);
    expect(db.prepare('SELECT value FROM kept').pluck().get()).toBe('still here');
    db.exec("INSERT INTO kept VALUES ('added')");
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
