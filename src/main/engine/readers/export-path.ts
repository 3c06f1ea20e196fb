/**
 * Paths that an export writes to point at its own files (Discord media, a Telegram HTML page's
 * photos, a Slack file copy), resolved to entries of the source. A path that would leave the
 * export (`../`, absolute, a drive letter) is never followed.
 */
import path from 'node:path';

export type ResolvedPath =
  | Readonly<{ kind: 'inside'; entryPath: string }>
  | Readonly<{ kind: 'outside' }>
  /** A web address: the file is not part of the export. */
  | Readonly<{ kind: 'remote' }>;

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * `rawPath` (either slash, as Windows exporters write it) relative to `folder`, the folder inside
 * the source of the file that names it (`''` at the root).
 */
export function resolveExportPath(folder: string, rawPath: string): ResolvedPath {
  if (REMOTE.test(rawPath)) return { kind: 'remote' };
  const relative = rawPath.replaceAll('\\', '/');
  if (path.posix.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) return { kind: 'outside' };
  const joined = path.posix.normalize(folder === '' ? relative : `${folder}/${relative}`);
  if (joined === '..' || joined.startsWith('../') || joined === '.' || joined === '') {
    return { kind: 'outside' };
  }
  return { kind: 'inside', entryPath: joined };
}

/** The folder of an entry inside the source, `''` at its root. */
export function folderOf(entryPath: string): string {
  const folder = path.posix.dirname(entryPath);
  return folder === '.' ? '' : folder;
}
