import Database from 'better-sqlite3';
import { VaultError } from '../errors';

export type OpenDatabaseOptions = Readonly<{
  /** Path of a better-sqlite3 binary built for the running runtime (Electron needs its own). */
  nativeBinding?: string | undefined;
  readonly?: boolean;
}>;

/**
 * The page size of a new vault: 16 KiB, not SQLite's 4 KiB. An import writes every page it touches
 * to the log and copies it to the database, one write per page; larger pages mean a quarter of the
 * writes and shallower trees (measured: the writer commits 8–10% more messages a second). A vault
 * made with another page size keeps it.
 */
export const VAULT_PAGE_SIZE = 16_384;

/** Opens the vault database with the settings every connection uses. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    });
  } catch (error) {
    throw new VaultError(
      'VAULT_UNREADABLE',
      `The vault database could not be opened (${error instanceof Error ? error.message : String(error)}). Check that the folder exists and is writable.`,
      { file, cause: error },
    );
  }
  db.pragma('busy_timeout = 5000');
  if (!(options.readonly ?? false)) {
    // Takes effect only when the file is new (before WAL mode writes its first page).
    db.pragma(`page_size = ${VAULT_PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  return db;
}

/** A connection that is opened when it is first asked for, and closed only if it was. */
export type LazyConnection = Readonly<{ get(): Database.Database; close(): void }>;

/**
 * For the import's threads, which start loading while the vault is still being opened and
 * migrated: each opens its connection with its first job. `prepare` runs once, after opening.
 */
export function connectionOnFirstUse(
  file: string,
  options: OpenDatabaseOptions,
  prepare: (db: Database.Database) => void = () => undefined,
): LazyConnection {
  let db: Database.Database | null = null;
  return {
    get() {
      if (db === null) {
        db = openDatabase(file, options);
        prepare(db);
      }
      return db;
    },
    close() {
      db?.close();
      db = null;
    },
  };
}

/**
 * Settings for the connections that import: a 16 MB page cache, which holds the pages an import
 * keeps coming back to (the right edges of the indexes, the full-text index's merges; measured as
 * fast as 32 MB on 1M-message imports, and 16 MB less memory), temp tables in memory. Durability
 * stays as it is (WAL, synchronous NORMAL): a crash loses at most the batch in flight, which the
 * job's checkpoint then replays.
 */
export function tuneForImport(db: Database.Database): void {
  db.pragma('cache_size = -16384');
  db.pragma('temp_store = MEMORY');
}
