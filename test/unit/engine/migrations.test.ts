import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/engine/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src/main/engine/db/migrations';
import { openDatabase } from '../../../src/main/engine/db/open-database';
import { LIST_CONVERSATIONS_SQL } from '../../../src/main/engine/db/queries/conversations';
import { LIST_MESSAGES_SQL, PAGE_SQL } from '../../../src/main/engine/db/queries/messages';
import { VaultError } from '../../../src/main/engine/errors';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

async function freshDatabase() {
  const file = path.join(await tempDir(), 'vault.db');
  return { file, db: openDatabase(file) };
}

const tableNames = (db: ReturnType<typeof openDatabase>): string[] =>
  db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
    )
    .all()
    .map((row) => row.name);

describe('migrations', () => {
  it('are numbered 1, 2, 3… in order', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(
      MIGRATIONS.map((_migration, index) => index + 1),
    );
  });

  it('bring a new database to the latest version', async () => {
    const { file, db } = await freshDatabase();
    expect(migrate(db, MIGRATIONS, file)).toBe(LATEST_SCHEMA_VERSION);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('run again on a current database change nothing', async () => {
    const { file, db } = await freshDatabase();
    migrate(db, MIGRATIONS, file);
    db.prepare("INSERT INTO settings (key, value) VALUES ('kept', 'yes')").run();
    expect(migrate(db, MIGRATIONS, file)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT value FROM settings').pluck().get()).toBe('yes');
    db.close();
  });

  it('refuse a database written by a newer Chat Vault and leave it untouched', async () => {
    const { file, db } = await freshDatabase();
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    const before = tableNames(db);
    let caught: unknown;
    try {
      migrate(db, MIGRATIONS, file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(VaultError);
    expect((caught as VaultError).code).toBe('VAULT_FROM_FUTURE');
    expect((caught as VaultError).file).toBe(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION + 5);
    expect(tableNames(db)).toEqual(before);
    db.close();
  });

  it('roll back a migration that fails half-way, keeping the previous version', async () => {
    const { file, db } = await freshDatabase();
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        up: (database: typeof db) => {
          database.exec('CREATE TABLE half_done (x INTEGER)');
          database.exec('THIS IS NOT SQL');
        },
      },
    ];
    expect(() => migrate(db, broken, file)).toThrow();
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tableNames(db)).not.toContain('half_done');
    db.close();
  });
});

describe('migration 1 (initial)', () => {
  it('creates settings, conversations and participants', async () => {
    const { db } = await freshDatabase();
    MIGRATIONS[0]?.up(db);
    expect(tableNames(db)).toEqual(['conversations', 'participants', 'settings']);
    db.close();
  });

  it('removes participants with their conversation and refuses a negative message count', async () => {
    const { db } = await freshDatabase();
    MIGRATIONS[0]?.up(db);
    db.prepare(
      "INSERT INTO conversations (id, platform, title) VALUES ('c1', 'whatsapp', 'Family')",
    ).run();
    db.prepare("INSERT INTO participants (conversation_id, name) VALUES ('c1', 'Ana')").run();
    db.prepare("DELETE FROM conversations WHERE id = 'c1'").run();
    expect(db.prepare('SELECT count(*) FROM participants').pluck().get()).toBe(0);
    expect(() =>
      db
        .prepare(
          "INSERT INTO conversations (id, platform, title, message_count) VALUES ('c2', 'qq', 'x', -1)",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 2 (archives and messages)', () => {
  async function atVersion2() {
    const { db } = await freshDatabase();
    MIGRATIONS[0]?.up(db);
    MIGRATIONS[1]?.up(db);
    db.prepare(
      "INSERT INTO conversations (id, platform, title) VALUES ('c1', 'whatsapp', 'Family')",
    ).run();
    db.prepare(
      "INSERT INTO archives (public_id, name, source_path, format, container, status, started_at) VALUES ('a1', 'x.zip', '/x.zip', 'whatsapp-zip', 'zip', 'importing', 0)",
    ).run();
    return db;
  }
  const insertMessage = (db: ReturnType<typeof openDatabase>, key: string, kind = 'text') =>
    db
      .prepare(
        "INSERT INTO messages (conversation_id, key, sent_at, kind, text, archive_id) VALUES ('c1', ?, 0, ?, 'hi', 1)",
      )
      .run(key, kind);

  it('adds the vault tables and the full-text index', async () => {
    const db = await atVersion2();
    expect(tableNames(db)).toEqual(
      expect.arrayContaining([
        'blobs',
        'archives',
        'archive_files',
        'messages',
        'attachments',
        'import_jobs',
        'messages_fts',
      ]),
    );
    db.close();
  });

  it('keeps one message per key in a conversation', async () => {
    const db = await atVersion2();
    insertMessage(db, 'k1');
    expect(() => insertMessage(db, 'k1')).toThrow(/UNIQUE/);
    db.close();
  });

  it('refuses an unknown message kind and an archive in an unknown state', async () => {
    const db = await atVersion2();
    expect(() => insertMessage(db, 'k2', 'sticker')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE archives SET status = 'lost'").run()).toThrow(/CHECK/);
    db.close();
  });

  it('refuses a message whose conversation does not exist', async () => {
    const db = await atVersion2();
    expect(() =>
      db
        .prepare(
          "INSERT INTO messages (conversation_id, key, sent_at, kind, text, archive_id) VALUES ('nope', 'k', 0, 'text', '', 1)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('indexes text without storing it twice, and deletes from the index by rowid', async () => {
    const db = await atVersion2();
    db.prepare("INSERT INTO messages_fts (rowid, text) VALUES (7, 'hello world')").run();
    expect(
      db.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'hello'").pluck().all(),
    ).toEqual([7]);
    expect(db.prepare('SELECT text FROM messages_fts').pluck().get()).toBeNull();
    db.prepare('DELETE FROM messages_fts WHERE rowid = 7').run();
    expect(
      db
        .prepare("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'hello'")
        .pluck()
        .get(),
    ).toBe(0);
    db.close();
  });
});

describe('migration 3 (time-ordered ids)', () => {
  it('renumbers messages by time, keeps attachments with them and rebuilds an exact index', async () => {
    const { file, db } = await freshDatabase();
    migrate(db, MIGRATIONS.slice(0, 2), file);
    db.exec(`
      INSERT INTO conversations (id, platform, title) VALUES ('c1', 'whatsapp', 'A'), ('c2', 'telegram', 'B');
      INSERT INTO archives (public_id, name, source_path, format, container, status, started_at)
        VALUES ('a1', 'x', '/x', 'whatsapp-txt', 'file', 'complete', 0);
      INSERT INTO blobs (sha256, bytes, stored_at) VALUES ('${'ab'.repeat(32)}', 3, 0);
    `);
    const insert = db.prepare<[number, string, string, number, string]>(
      "INSERT INTO messages (id, conversation_id, key, sent_at, kind, text, archive_id) VALUES (?, ?, ?, ?, 'text', ?, 1)",
    );
    // Written out of time order, two at the same time, one before 1970.
    insert.run(1, 'c1', 'k1', 2_000_500, '你好，世界');
    insert.run(2, 'c2', 'k2', 1_000_000, 'first');
    insert.run(3, 'c1', 'k3', 2_000_500, 'same time, written later');
    insert.run(4, 'c2', 'k4', -5_000, 'old');
    db.prepare(
      `INSERT INTO attachments (message_id, ordinal, name, sha256, bytes) VALUES (3, 0, 'a.jpg', '${'ab'.repeat(32)}', 3)`,
    ).run();
    db.prepare("INSERT INTO messages_fts (rowid, text) VALUES (1, '你 好 世 界')").run();

    migrate(db, MIGRATIONS, file);

    const rows = db
      .prepare<[], { id: number; key: string }>('SELECT id, key FROM messages ORDER BY id')
      .all();
    expect(rows.map((row) => row.key)).toEqual(['k4', 'k2', 'k1', 'k3']);
    expect(rows.map((row) => Math.floor(row.id / 65_536))).toEqual([-5, 1000, 2000, 2000]);
    const k3 = rows.find((row) => row.key === 'k3')?.id;
    expect(db.prepare('SELECT message_id FROM attachments').pluck().get()).toBe(k3);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    const match = db
      .prepare<[string], number>('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?')
      .pluck();
    const k1 = rows.find((row) => row.key === 'k1')?.id;
    expect(match.all('"你 好"')).toEqual([k1]);
    expect(match.all('"好 世"')).toEqual([]); // the comma keeps them apart now
    expect(match.all('written')).toEqual([k3]);
    db.close();
  });
});

describe('migration 4 (search bitmaps)', () => {
  it('adds empty bitmap tables to a vault of version 3 and keeps its messages', async () => {
    const { file, db } = await freshDatabase();
    migrate(db, MIGRATIONS.slice(0, 3), file);
    db.exec(`
      INSERT INTO conversations (id, platform, title, message_count) VALUES ('c1', 'whatsapp', 'A', 1);
      INSERT INTO archives (public_id, name, source_path, format, container, status, started_at)
        VALUES ('a1', 'x', '/x', 'whatsapp-txt', 'file', 'complete', 0);
      INSERT INTO messages (id, conversation_id, key, sent_at, kind, text, archive_id)
        VALUES (65536, 'c1', 'k1', 1000, 'text', 'kept', 1);
    `);
    migrate(db, MIGRATIONS, file);
    expect(tableNames(db)).toEqual(
      expect.arrayContaining(['search_bitmap_state', 'search_bitmaps']),
    );
    expect(db.prepare('SELECT count(*) FROM search_bitmaps').pluck().get()).toBe(0);
    expect(db.prepare('SELECT text FROM messages').pluck().get()).toBe('kept');
    db.close();
  });

  it('keeps one state row and refuses negative counts', async () => {
    const { file, db } = await freshDatabase();
    migrate(db, MIGRATIONS, file);
    const state = db.prepare<[number, number]>(
      'INSERT INTO search_bitmap_state (id, messages, built_at) VALUES (?, ?, 0)',
    );
    state.run(1, 10);
    expect(() => state.run(2, 10)).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO search_bitmaps (token, hits, form, members) VALUES ('text a', -1, 'bits', x'00')",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO search_bitmaps (token, hits, form, members) VALUES ('text a', 1, 'list', x'00')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('query plans', () => {
  it('list conversations walks the last-activity index instead of sorting', async () => {
    const { file, db } = await freshDatabase();
    migrate(db, MIGRATIONS, file);
    const plan = db
      .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${LIST_CONVERSATIONS_SQL}`)
      .all()
      .map((row) => row.detail);
    expect(plan).toMatchInlineSnapshot(`
      [
        "SCAN c USING INDEX conversations_by_last_at",
        "SEARCH last USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN",
        "CORRELATED SCALAR SUBQUERY 2",
        "SEARCH m USING COVERING INDEX messages_by_time (conversation_id=?)",
        "CORRELATED SCALAR SUBQUERY 1",
        "SEARCH p USING PRIMARY KEY (conversation_id=?)",
      ]
    `);
    db.close();
  });
});

describe('query plans of messages', () => {
  it('a page of a conversation walks the time index, in order, without sorting', async () => {
    const { file, db } = await freshDatabase();
    migrate(db, MIGRATIONS, file);
    const plan = db
      .prepare<
        { conversationId: string; after: null; before: null; limit: number },
        { detail: string }
      >(`EXPLAIN QUERY PLAN ${LIST_MESSAGES_SQL}`)
      .all({ conversationId: 'c', after: null, before: null, limit: 10 })
      .map((row) => row.detail);
    expect(plan).toMatchInlineSnapshot(`
      [
        "SEARCH m USING INDEX messages_by_time (conversation_id=? AND sent_at>? AND sent_at<?)",
        "SEARCH r USING INDEX sqlite_autoindex_messages_1 (conversation_id=? AND key=?) LEFT-JOIN",
        "CORRELATED SCALAR SUBQUERY 1",
        "SEARCH a USING PRIMARY KEY (message_id=?)",
        "CORRELATED SCALAR SUBQUERY 2",
        "SEARCH ra USING PRIMARY KEY (message_id=?)",
      ]
    `);
    db.close();
  });
});

describe('query plans of paging', () => {
  it('pages forward and backward from a cursor by walking the time index', async () => {
    const { file, db } = await freshDatabase();
    migrate(db, MIGRATIONS, file);
    const plan = (sql: string) =>
      db
        .prepare<
          { conversationId: string; sentAt: number; id: number; limit: number },
          { detail: string }
        >(`EXPLAIN QUERY PLAN ${sql}`)
        .all({ conversationId: 'c', sentAt: 0, id: 0, limit: 10 })
        .map((row) => row.detail)
        .filter((detail) => detail.startsWith('SEARCH m') || detail.includes('TEMP B-TREE'));
    expect(plan(PAGE_SQL.forward)).toMatchInlineSnapshot(`
      [
        "SEARCH m USING INDEX messages_by_time (conversation_id=? AND sent_at>?)",
      ]
    `);
    expect(plan(PAGE_SQL.backward)).toMatchInlineSnapshot(`
      [
        "SEARCH m USING INDEX messages_by_time (conversation_id=? AND sent_at<?)",
      ]
    `);
    db.close();
  });
});
