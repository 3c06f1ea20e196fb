/** The archive and import-job rows around one import: start or resume, finish, detect a repeat. */
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ImportErrorInfo } from './import-result';
import type { ArchiveFile } from './store-originals';

export type ArchiveHandle = Readonly<{
  archiveId: number;
  publicId: string;
  jobId: number;
  /** Records of the reader already committed by an earlier, interrupted run. */
  recordsDone: number;
}>;

type JobRow = Readonly<{ id: number; archive_id: number; records_done: number; public_id: string }>;

/** Resumes the interrupted import of `inputPath`, or starts a new archive for it. */
export function startArchive(
  db: Database,
  input: Readonly<{ path: string; name: string; format: string; container: string }>,
): ArchiveHandle {
  return db
    .transaction((): ArchiveHandle => {
      const running = db
        .prepare<[string], JobRow>(
          `SELECT j.id, j.archive_id, j.records_done, a.public_id FROM import_jobs AS j
           JOIN archives AS a ON a.id = j.archive_id
           WHERE j.state = 'running' AND j.path = ? ORDER BY j.id DESC LIMIT 1`,
        )
        .get(input.path);
      if (running !== undefined) {
        return {
          archiveId: running.archive_id,
          publicId: running.public_id,
          jobId: running.id,
          recordsDone: running.records_done,
        };
      }
      const now = Date.now();
      const publicId = `a_${randomBytes(8).toString('hex')}`;
      const archive = db
        .prepare(
          `INSERT INTO archives (public_id, name, source_path, format, container, status, started_at)
           VALUES (?, ?, ?, ?, ?, 'importing', ?)`,
        )
        .run(publicId, input.name, input.path, input.format, input.container, now);
      const job = db
        .prepare(
          "INSERT INTO import_jobs (path, archive_id, state, records_done, updated_at) VALUES (?, ?, 'running', 0, ?)",
        )
        .run(input.path, archive.lastInsertRowid, now);
      return {
        archiveId: Number(archive.lastInsertRowid),
        publicId,
        jobId: Number(job.lastInsertRowid),
        recordsDone: 0,
      };
    })
    .immediate();
}

export type ArchiveTotals = Readonly<{ messagesAdded: number; messagesExisting: number }>;

export function archiveTotals(db: Database, archiveId: number): ArchiveTotals {
  const row = db
    .prepare<[number], { added: number; existing: number }>(
      'SELECT messages_added AS added, messages_existing AS existing FROM archives WHERE id = ?',
    )
    .get(archiveId);
  return { messagesAdded: row?.added ?? 0, messagesExisting: row?.existing ?? 0 };
}

/** Another complete archive with exactly these bytes, if there is one. */
export function findSameArchive(db: Database, sha256: string, archiveId: number): string | null {
  const row = db
    .prepare<[string, number], { public_id: string }>(
      "SELECT public_id FROM archives WHERE sha256 = ? AND status = 'complete' AND id <> ? LIMIT 1",
    )
    .get(sha256, archiveId);
  return row?.public_id ?? null;
}

/** Records the stored originals and closes the archive as complete or partial. */
export function finishArchive(
  db: Database,
  handle: ArchiveHandle,
  outcome: Readonly<{
    files: readonly ArchiveFile[];
    /** The stored manifest of a folder export (its identity), else null. */
    manifest: Readonly<{ sha256: string; bytes: number }> | null;
    sha256: string | null;
    bytes: number;
    status: 'complete' | 'partial';
    error: ImportErrorInfo | null;
  }>,
): void {
  db.transaction(() => {
    const blob = db.prepare(
      'INSERT OR IGNORE INTO blobs (sha256, bytes, stored_at) VALUES (?, ?, ?)',
    );
    const file = db.prepare(
      'INSERT OR REPLACE INTO archive_files (archive_id, path, sha256, bytes) VALUES (?, ?, ?, ?)',
    );
    if (outcome.manifest !== null)
      blob.run(outcome.manifest.sha256, outcome.manifest.bytes, Date.now());
    for (const stored of outcome.files) {
      blob.run(stored.sha256, stored.bytes, Date.now());
      file.run(handle.archiveId, stored.path, stored.sha256, stored.bytes);
    }
    db.prepare(
      `UPDATE archives SET status = ?, sha256 = ?, bytes = ?, imported_at = ?, error_json = ? WHERE id = ?`,
    ).run(
      outcome.status,
      outcome.sha256,
      outcome.bytes,
      Date.now(),
      outcome.error === null ? null : JSON.stringify(outcome.error),
      handle.archiveId,
    );
    db.prepare("UPDATE import_jobs SET state = 'done', updated_at = ? WHERE id = ?").run(
      Date.now(),
      handle.jobId,
    );
  }).immediate();
}

/** Drops an archive that turned out to repeat one already in the vault (it added nothing). */
export function dropRepeatedArchive(db: Database, handle: ArchiveHandle): void {
  db.transaction(() => {
    db.prepare('DELETE FROM import_jobs WHERE id = ?').run(handle.jobId);
    db.prepare('DELETE FROM archive_files WHERE archive_id = ?').run(handle.archiveId);
    db.prepare('DELETE FROM archives WHERE id = ? AND messages_added = 0').run(handle.archiveId);
  }).immediate();
}
