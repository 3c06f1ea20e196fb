import type { Database } from 'better-sqlite3';
import type { Platform } from '../../../../shared/platforms';
import { conversationScope, indexRow } from '../../search/index-row';
import { FTS_TOKENIZER } from '../../search/index-text';
import type { Migration } from '../migration';
import { MessageIdAllocator } from '../message-ids';

/**
 * Messages get time-ordered ids (see message-ids.ts), so the full-text index, keyed by message id,
 * lists hits newest-first without sorting; and the index is rebuilt with the exact scheme of
 * index-text.ts (emoji and symbols kept as tokens, barriers where atoms meet punctuation), so a
 * CJK phrase hits exactly where its characters touch, and with the sender and scope columns of
 * index-row.ts, so filters are index lookups. Attachments follow their messages.
 */
const CHUNK = 10_000;

export const migration003TimeOrderedIds: Migration = {
  version: 3,
  name: 'time-ordered-ids',
  up(db) {
    renumberMessages(db);
    rebuildFullTextIndex(db);
  },
};

function renumberMessages(db: Database): void {
  db.exec(`
    CREATE TEMP TABLE message_id_map (old INTEGER PRIMARY KEY, new INTEGER NOT NULL UNIQUE);

    CREATE TABLE messages_next (
      id              INTEGER PRIMARY KEY,
      conversation_id TEXT NOT NULL REFERENCES conversations (id),
      key             TEXT NOT NULL,
      external_id     TEXT,
      sent_at         INTEGER NOT NULL,
      sender          TEXT,
      kind            TEXT NOT NULL CHECK (kind IN ('text', 'media', 'system', 'call', 'other')),
      text            TEXT NOT NULL,
      reply_to        TEXT,
      forwarded_from  TEXT,
      edited_at       INTEGER,
      reactions_json  TEXT,
      entities_json   TEXT,
      archive_id      INTEGER NOT NULL REFERENCES archives (id),
      UNIQUE (conversation_id, key)
    ) STRICT;

    CREATE TABLE attachments_next (
      message_id INTEGER NOT NULL REFERENCES messages_next (id),
      ordinal    INTEGER NOT NULL,
      name       TEXT NOT NULL,
      mime       TEXT,
      sha256     TEXT REFERENCES blobs (sha256),
      bytes      INTEGER,
      PRIMARY KEY (message_id, ordinal)
    ) STRICT, WITHOUT ROWID;
  `);
  const maxNewIn = db.prepare<[number, number], number | null>(
    'SELECT max(new) FROM message_id_map WHERE new BETWEEN ? AND ?',
  );
  const ids = new MessageIdAllocator((low, high) => maxNewIn.pluck().get(low, high) ?? null, null);
  const map = db.prepare<[number, number]>('INSERT INTO message_id_map (old, new) VALUES (?, ?)');
  type Row = { conversationId: string; sentAt: number; id: number };
  const chunk = db.prepare<[string, number, number, number], Row>(
    `SELECT conversation_id AS conversationId, sent_at AS sentAt, id FROM messages
     WHERE (conversation_id, sent_at, id) > (?, ?, ?)
     ORDER BY conversation_id, sent_at, id LIMIT ?`,
  );
  // Conversation by conversation in time order (the timeline index), in chunks: a connection runs
  // one statement at a time, and memory stays flat.
  for (let after: Row = { conversationId: '', sentAt: 0, id: 0 }; ;) {
    const rows = chunk.all(after.conversationId, after.sentAt, after.id, CHUNK);
    for (const { id, sentAt } of rows) {
      const next = ids.propose(sentAt);
      ids.taken(next);
      map.run(id, next);
    }
    const last = rows.at(-1);
    if (last === undefined) break;
    after = last;
  }
  db.exec(`
    INSERT INTO messages_next
      SELECT map.new, conversation_id, key, external_id, sent_at, sender, kind, text, reply_to,
             forwarded_from, edited_at, reactions_json, entities_json, archive_id
      FROM messages JOIN message_id_map AS map ON map.old = messages.id
      ORDER BY map.new;
    INSERT INTO attachments_next
      SELECT map.new, ordinal, name, mime, sha256, bytes
      FROM attachments JOIN message_id_map AS map ON map.old = attachments.message_id;

    DROP TABLE attachments;
    DROP TABLE messages;
    ALTER TABLE messages_next RENAME TO messages;
    ALTER TABLE attachments_next RENAME TO attachments;
    CREATE INDEX messages_by_time ON messages (conversation_id, sent_at, id);
    DROP TABLE message_id_map;
  `);
}

/** Drops the full-text index and fills a new one from every message's text. */
function rebuildFullTextIndex(db: Database): void {
  db.exec(`
    DROP TABLE messages_fts;
    CREATE VIRTUAL TABLE messages_fts USING fts5 (
      text,
      sender,
      scope,
      content = '',
      contentless_delete = 1,
      tokenize = "${FTS_TOKENIZER}"
    );
  `);
  const insert = db.prepare<[number, string, string, string]>(
    'INSERT INTO messages_fts (rowid, text, sender, scope) VALUES (?, ?, ?, ?)',
  );
  type Row = {
    id: number;
    text: string;
    sender: string | null;
    conversationId: string;
    platform: Platform;
    hasMedia: number;
  };
  const chunk = db.prepare<[number, number], Row>(
    `SELECT m.id, m.text, m.sender, m.conversation_id AS conversationId, c.platform,
            (m.kind = 'media' OR EXISTS (SELECT 1 FROM attachments AS a WHERE a.message_id = m.id))
              AS hasMedia
     FROM messages AS m JOIN conversations AS c ON c.id = m.conversation_id
     WHERE m.id > ? ORDER BY m.id LIMIT ?`,
  );
  for (let after = -Number.MAX_SAFE_INTEGER; ;) {
    const rows = chunk.all(after, CHUNK);
    for (const row of rows) {
      const index = indexRow(
        { ...row, hasMedia: row.hasMedia === 1 },
        conversationScope(row.conversationId, row.platform),
      );
      insert.run(row.id, index.text, index.sender, index.scope);
    }
    const last = rows.at(-1);
    if (last === undefined) break;
    after = last.id;
  }
}
