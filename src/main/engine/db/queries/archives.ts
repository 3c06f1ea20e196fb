import type { Database } from 'better-sqlite3';

export type ArchiveSummary = Readonly<{
  id: string;
  name: string;
  format: string;
  status: 'complete' | 'partial';
  sha256: string | null;
  bytes: number;
  importedAt: string | null;
}>;

type ArchiveRow = Readonly<{
  public_id: string;
  name: string;
  format: string;
  status: 'complete' | 'partial';
  sha256: string | null;
  bytes: number;
  imported_at: number | null;
}>;

/** Finished archives (complete or partial), oldest import first. */
export function listArchives(db: Database): ArchiveSummary[] {
  return db
    .prepare<[], ArchiveRow>(
      `SELECT public_id, name, format, status, sha256, bytes, imported_at FROM archives
       WHERE status <> 'importing' ORDER BY id`,
    )
    .all()
    .map((row) => ({
      id: row.public_id,
      name: row.name,
      format: row.format,
      status: row.status,
      sha256: row.sha256,
      bytes: row.bytes,
      importedAt: row.imported_at === null ? null : new Date(row.imported_at).toISOString(),
    }));
}

/** Paths whose import a crash interrupted, to be resumed from their checkpoints. */
export function interruptedImports(db: Database): string[] {
  return db
    .prepare<[], { path: string }>(
      "SELECT DISTINCT path FROM import_jobs WHERE state = 'running' ORDER BY id",
    )
    .all()
    .map((row) => row.path);
}

/** Whether `file` (this size, last changed at `modifiedMs`) was imported already and is unchanged since. */
export function alreadyImported(
  db: Database,
  source: Readonly<{ path: string; bytes: number; modifiedMs: number }>,
): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM archives WHERE source_path = :path AND bytes = :bytes AND status = 'complete'
         AND imported_at >= :modifiedMs LIMIT 1`,
      )
      .get(source) !== undefined
  );
}
