/** What restore needs of an archive: its name, how it arrived, and its files with their hashes. */
import type { Database } from 'better-sqlite3';

export type RestorableFile = Readonly<{ path: string; sha256: string; bytes: number }>;

export type RestorableArchive = Readonly<{
  id: string;
  name: string;
  container: 'file' | 'zip' | 'folder';
  status: 'importing' | 'complete' | 'partial';
  files: readonly RestorableFile[];
}>;

type ArchiveRow = Readonly<{
  id: number;
  name: string;
  container: RestorableArchive['container'];
  status: RestorableArchive['status'];
}>;

export function archiveForRestore(db: Database, publicId: string): RestorableArchive | null {
  const archive = db
    .prepare<[string], ArchiveRow>(
      'SELECT id, name, container, status FROM archives WHERE public_id = ?',
    )
    .get(publicId);
  if (archive === undefined) return null;
  const files = db
    .prepare<[number], RestorableFile>(
      'SELECT path, sha256, bytes FROM archive_files WHERE archive_id = ? ORDER BY path',
    )
    .all(archive.id);
  return {
    id: publicId,
    name: archive.name,
    container: archive.container,
    status: archive.status,
    files,
  };
}
