import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/engine/db/open-database';
import { SLOTS_PER_SECOND } from '../../../src/main/engine/db/message-ids';
import { VaultWriter, type MessageRow } from '../../../src/main/engine/import/vault-writer';
import { useTempDirs } from '../../support/temp-dir';
import { openVaultDb, textMessageRow } from '../../support/vault-db';

const tempDir = useTempDirs();

function row(key: string, sentAt: number, text = key): MessageRow {
  return textMessageRow({ key, sentAt, text });
}

async function vault() {
  const dir = await tempDir();
  const db = openVaultDb(dir);
  db.exec(`
    INSERT INTO archives (public_id, name, source_path, format, container, status, started_at)
      VALUES ('a1', 'x', '/x', 'whatsapp-txt', 'file', 'importing', 0);
    INSERT INTO import_jobs (path, archive_id, state, updated_at) VALUES ('/x', 1, 'running', 0);
  `);
  return { dir, db };
}

const conversation = { id: 'c1', platform: 'whatsapp' as const, title: 'Family' };
const job = { id: 1, recordsDone: 0 };
const batchOf = (messages: MessageRow[]) => ({
  conversations: [conversation],
  participants: [],
  messages,
});

describe('VaultWriter', () => {
  it('gives messages time-ordered ids, keeping the written order within a second', async () => {
    const { db } = await vault();
    const writer = new VaultWriter(db);
    writer.commit(batchOf([row('b', 60_000), row('a', 60_000), row('z', 1_000)]), 1, job);
    const rows = db
      .prepare<[], { id: number; key: string }>('SELECT id, key FROM messages ORDER BY id')
      .all();
    expect(rows).toEqual([
      { id: 1 * SLOTS_PER_SECOND, key: 'z' },
      { id: 60 * SLOTS_PER_SECOND, key: 'b' },
      { id: 60 * SLOTS_PER_SECOND + 1, key: 'a' },
    ]);
    db.close();
  });

  it('counts a message whose key is stored as existing, and indexes only what it added', async () => {
    const { db } = await vault();
    const writer = new VaultWriter(db);
    expect(writer.commit(batchOf([row('a', 5_000, '你好')]), 1, job)).toEqual({
      added: 1,
      existing: 0,
    });
    expect(
      writer.commit(batchOf([row('a', 5_000, '你好'), row('b', 5_000, '你好')]), 1, job),
    ).toEqual({ added: 1, existing: 1 });
    const hits = db
      .prepare('SELECT count(*) FROM messages_fts WHERE messages_fts MATCH \'"你 好"\'')
      .pluck()
      .get();
    expect(hits).toBe(2);
    db.close();
  });

  it('loses nothing when another writer on the same vault took the id it meant to use', async () => {
    const { dir, db } = await vault();
    const first = new VaultWriter(db);
    const other = openDatabase(path.join(dir, 'vault.db'));
    const second = new VaultWriter(other); // knows of no message yet
    first.commit(batchOf([row('a', 7_000), row('b', 7_000)]), 1, job);
    second.commit(batchOf([row('c', 7_000), row('a', 7_000)]), 1, job);
    const keys = db.prepare<[], string>('SELECT key FROM messages ORDER BY id').pluck().all();
    expect(keys).toEqual(['a', 'b', 'c']);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    other.close();
    db.close();
  });

  describe('writing several messages to a statement', () => {
    type Stored = { id: number; key: string; text: string; archive: number };
    const stored = (db: ReturnType<typeof openVaultDb>) =>
      db
        .prepare<[], Stored>(
          'SELECT id, key, text, archive_id AS archive FROM messages ORDER BY id',
        )
        .all();
    const hitsOf = (db: ReturnType<typeof openVaultDb>, word: string) =>
      db
        .prepare<[string], number>(
          'SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid',
        )
        .pluck()
        .all(word);

    it('stores, skips and indexes exactly as one message to a statement does', async () => {
      // Batches of 7 in groups of 3: whole groups and a remainder; keys stored before, keys
      // repeated inside a group and across groups, several messages in one second.
      const batches = [
        [row('a', 1_000), row('b', 1_000), row('c', 2_000), row('d', 3_000)],
        [
          row('a', 1_000, 'again'),
          row('e', 1_000),
          row('f', 4_000),
          row('f', 4_000, 'twice'),
          row('c', 2_000, 'again'),
          row('g', 5_000),
          row('h', 5_000),
        ],
        [row('i', 6_000), row('b', 1_000, 'again'), row('j', 1_000), row('k', 7_000)],
      ];
      const results = [];
      for (const rowsPerInsert of [1, 3]) {
        const { db } = await vault();
        const writer = new VaultWriter(db, rowsPerInsert);
        const outcomes = batches.map((messages) => writer.commit(batchOf(messages), 1, job));
        results.push({ db, outcomes, rows: stored(db) });
      }
      const [single, grouped] = results;
      expect(grouped?.outcomes).toEqual(single?.outcomes);
      expect(grouped?.outcomes).toEqual([
        { added: 4, existing: 0 },
        { added: 4, existing: 3 },
        { added: 3, existing: 1 },
      ]);
      // The same messages, texts (the first of a repeated key) and order; ids may leave gaps.
      const withoutIds = (rows: Stored[] = []) =>
        rows.map((message) => ({ key: message.key, text: message.text, archive: message.archive }));
      expect(withoutIds(grouped?.rows)).toEqual(withoutIds(single?.rows));
      expect(grouped?.rows.map((message) => message.key)).toEqual([
        'a',
        'b',
        'e',
        'j',
        'c',
        'd',
        'f',
        'g',
        'h',
        'i',
        'k',
      ]);
      expect(grouped?.rows.find((message) => message.key === 'f')?.text).toBe('f');
      // The full-text rows are those of the stored messages, under their ids.
      for (const result of results) {
        expect(hitsOf(result.db, 'again OR twice')).toEqual([]);
        const ids = result.rows.map((message) => message.id);
        expect(hitsOf(result.db, result.rows.map((message) => message.key).join(' OR '))).toEqual(
          ids,
        );
        expect(result.db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
        result.db.close();
      }
    });

    it('loses nothing when another writer took an id of the group', async () => {
      const { dir, db } = await vault();
      const first = new VaultWriter(db, 2);
      const other = openDatabase(path.join(dir, 'vault.db'));
      const second = new VaultWriter(other, 2); // knows of no message yet
      first.commit(batchOf([row('a', 7_000), row('b', 7_000)]), 1, job);
      expect(
        second.commit(batchOf([row('c', 7_000), row('d', 7_000), row('a', 7_000)]), 1, job),
      ).toEqual({ added: 2, existing: 1 });
      expect(stored(db).map((message) => message.key)).toEqual(['a', 'b', 'c', 'd']);
      expect(hitsOf(db, 'a OR b OR c OR d')).toEqual(stored(db).map((message) => message.id));
      expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
      other.close();
      db.close();
    });
  });
});
