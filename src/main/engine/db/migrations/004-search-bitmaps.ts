import type { Migration } from '../migration';

/**
 * The sets of messages holding the index's most common tokens and each conversation's (search/
 * bitmaps), so that counting a search of common words is a few passes over memory instead of a
 * walk of millions of index entries. A set is stored as a bitmap (`bits`: one bit a message, in
 * id order) or, when that is smaller, as the numbers of its messages (`ordinals`: 32-bit, in
 * order). Derived from the full-text index and rebuilt from it; `search_bitmap_state` says how
 * many messages the vault had when they were built, so stale ones are never used.
 */
export const migration004SearchBitmaps: Migration = {
  version: 4,
  name: 'search bitmaps',
  up(db) {
    db.exec(`
      CREATE TABLE search_bitmaps (
        token   TEXT PRIMARY KEY NOT NULL,
        hits    INTEGER NOT NULL CHECK (hits >= 0),
        form    TEXT NOT NULL CHECK (form IN ('bits', 'ordinals')),
        members BLOB NOT NULL
      ) STRICT;

      CREATE TABLE search_bitmap_state (
        id       INTEGER PRIMARY KEY CHECK (id = 1),
        messages INTEGER NOT NULL CHECK (messages >= 0),
        built_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
