import type { Migration } from '../migration';

/** The first schema: conversations with their participants, and vault-wide settings. */
export const migration001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE conversations (
        id            TEXT PRIMARY KEY NOT NULL,
        platform      TEXT NOT NULL,
        title         TEXT NOT NULL,
        message_count INTEGER NOT NULL DEFAULT 0 CHECK (message_count >= 0),
        first_at      INTEGER,
        last_at       INTEGER
      ) STRICT;

      CREATE INDEX conversations_by_last_at ON conversations (last_at DESC, title);

      CREATE TABLE participants (
        conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        name            TEXT NOT NULL,
        PRIMARY KEY (conversation_id, name)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
