import Database from 'better-sqlite3';
import { VaultError } from '../errors';

export type OpenDatabaseOptions = Readonly<{
  /** Path of a better-sqlite3 binary built for the running runtime (Electron needs its own). */
  nativeBinding?: string | undefined;
  readonly?: boolean;
}>;

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
