import type { Database } from 'better-sqlite3';

export function storedBlobs(db: Database): { sha256: string; bytes: number }[] {
  return db
    .prepare<[], { sha256: string; bytes: number }>(
      'SELECT sha256, bytes FROM blobs ORDER BY sha256',
    )
    .all();
}

/** Which archives and conversations a blob belongs to (to name what damage affects). */
export function blobReferences(
  db: Database,
  sha256: string,
): { archives: string[]; conversations: string[] } {
  const archives = db
    .prepare<{ sha256: string }, { public_id: string }>(
      `SELECT DISTINCT a.public_id FROM archives AS a
       LEFT JOIN archive_files AS f ON f.archive_id = a.id
       WHERE a.sha256 = :sha256 OR f.sha256 = :sha256 ORDER BY a.id`,
    )
    .all({ sha256 })
    .map((row) => row.public_id);
  const conversations = db
    .prepare<{ sha256: string }, { conversation_id: string }>(
      `SELECT DISTINCT conversation_id FROM (
         SELECT m.conversation_id FROM attachments AS t JOIN messages AS m ON m.id = t.message_id
         WHERE t.sha256 = :sha256
         UNION
         SELECT m.conversation_id FROM messages AS m JOIN archives AS a ON a.id = m.archive_id
         LEFT JOIN archive_files AS f ON f.archive_id = a.id
         WHERE a.sha256 = :sha256 OR f.sha256 = :sha256
       ) ORDER BY conversation_id`,
    )
    .all({ sha256 })
    .map((row) => row.conversation_id);
  return { archives, conversations };
}

export function integrityCheck(db: Database): string[] {
  return db
    .prepare<[], { integrity_check: string }>('PRAGMA integrity_check')
    .all()
    .map((row) => row.integrity_check);
}
