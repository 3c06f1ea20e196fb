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

export type FileProblem = 'MEDIA_NOT_FOUND' | 'MEDIA_OUTSIDE_EXPORT';

function unescaped(rawPath: string): string | null {
  try {
    const text = decodeURIComponent(rawPath);
    return text === rawPath ? null : text;
  } catch {
    return null;
  }
}

/**
 * The entry of a file an export links to from `folder`, or null: for a web address (not part of
 * the export), and, noted through `problem`, for a path outside the export or one it does not hold.
 * A path written escaped like a URL (`my%20notes.pdf`) is also tried unescaped.
 */
export function locateExportFile(
  folder: string,
  rawPath: string,
  has: (entryPath: string) => boolean,
  problem: (code: FileProblem, rawPath: string) => void,
): string | null {
  const resolved = resolveExportPath(folder, rawPath);
  switch (resolved.kind) {
    case 'remote':
      return null;
    case 'outside':
      problem('MEDIA_OUTSIDE_EXPORT', rawPath);
      return null;
    case 'inside': {
      if (has(resolved.entryPath)) return resolved.entryPath;
      const plain = unescaped(rawPath);
      const again = plain === null ? null : resolveExportPath(folder, plain);
      if (again?.kind === 'inside' && has(again.entryPath)) return again.entryPath;
      problem('MEDIA_NOT_FOUND', rawPath);
      return null;
    }
  }
}
