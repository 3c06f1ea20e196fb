import type { Migration } from '../migration';

/**
 * The vault proper: stored blobs, archives (what was imported, file by file, so it can be rebuilt
 * byte for byte), messages with their attachments, import jobs with checkpoints, and the full-text
 * index (contentless FTS5 over text in which every CJK character stands alone as a token).
 */
export const migration002ArchivesAndMessages: Migration = {
  version: 2,
  name: 'archives-and-messages',
  up(db) {
    db.exec(`
      CREATE TABLE blobs (
        sha256    TEXT PRIMARY KEY NOT NULL,
        bytes     INTEGER NOT NULL CHECK (bytes >= 0),
        stored_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE archives (
        id                INTEGER PRIMARY KEY,
        public_id         TEXT NOT NULL UNIQUE,
        name              TEXT NOT NULL,
        source_path       TEXT NOT NULL,
        format            TEXT NOT NULL,
        container         TEXT NOT NULL CHECK (container IN ('file', 'zip', 'folder')),
        status            TEXT NOT NULL CHECK (status IN ('importing', 'complete', 'partial')),
        sha256            TEXT REFERENCES blobs (sha256),
        bytes             INTEGER NOT NULL DEFAULT 0,
        started_at        INTEGER NOT NULL,
        imported_at       INTEGER,
        messages_added    INTEGER NOT NULL DEFAULT 0,
        messages_existing INTEGER NOT NULL DEFAULT 0,
        error_json        TEXT
      ) STRICT;

      CREATE INDEX archives_by_sha256 ON archives (sha256);

      CREATE TABLE archive_files (
        archive_id INTEGER NOT NULL REFERENCES archives (id) ON DELETE CASCADE,
        path       TEXT NOT NULL,
        sha256     TEXT NOT NULL REFERENCES blobs (sha256),
        bytes      INTEGER NOT NULL,
        PRIMARY KEY (archive_id, path)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE messages (
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

      CREATE INDEX messages_by_time ON messages (conversation_id, sent_at, id);

      CREATE TABLE attachments (
        message_id INTEGER NOT NULL REFERENCES messages (id),
        ordinal    INTEGER NOT NULL,
        name       TEXT NOT NULL,
        mime       TEXT,
        sha256     TEXT REFERENCES blobs (sha256),
        bytes      INTEGER,
        PRIMARY KEY (message_id, ordinal)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE import_jobs (
        id          INTEGER PRIMARY KEY,
        path        TEXT NOT NULL,
        archive_id  INTEGER REFERENCES archives (id),
        state       TEXT NOT NULL CHECK (state IN ('running', 'done')),
        records_done INTEGER NOT NULL DEFAULT 0,
        updated_at  INTEGER NOT NULL
      ) STRICT;

      CREATE VIRTUAL TABLE messages_fts USING fts5 (
        text,
        content = '',
        contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
  },
};
