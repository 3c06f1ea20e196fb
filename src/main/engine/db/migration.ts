import type { Database } from 'better-sqlite3';

/** One numbered step of the vault schema. Applied once, inside a transaction, never edited. */
export type Migration = Readonly<{
  version: number;
  name: string;
  up: (db: Database) => void;
}>;
