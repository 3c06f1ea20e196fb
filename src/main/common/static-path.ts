/**
 * The one path guard for serving the built renderer, used by the desktop shell's `app://` scheme
 * and by the web host: a URL path maps to a file strictly inside the root folder, or to nothing.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';

/** A path segment that could leave the folder, name a device or stream, or hide a separator. */
function isUnsafeSegment(segment: string): boolean {
  return (
    segment === '' ||
    segment === '.' ||
    segment === '..' ||
    segment.includes('\\') ||
    segment.includes('/') ||
    segment.includes('\0') ||
    segment.includes(':')
  );
}

/** True when `file` lies strictly inside `root`. */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return (
    relative !== '' &&
    relative !== '..' &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  );
}

/**
 * The file inside `root` that a URL path names, judged as it was written (before any URL parser
 * resolves `..`): null when any segment, once percent-decoded, could escape (`..`, `%2e%2e`, `%2f`,
 * backslashes, NUL, drive letters). `/` and the empty path mean `index.html`.
 */
export function resolveStaticPath(root: string, rawPath: string): string | null {
  const resolvedRoot = path.resolve(root);
  if (rawPath === '' || rawPath === '/') return path.join(resolvedRoot, 'index.html');
  if (!rawPath.startsWith('/')) return null;
  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (isUnsafeSegment(segment)) return null;
    segments.push(segment);
  }
  const file = path.resolve(resolvedRoot, ...segments);
  return isInside(resolvedRoot, file) ? file : null;
}

/** True when `file`, with links resolved, still lies inside `root` (a link could point elsewhere). */
export async function staysInside(root: string, file: string): Promise<boolean> {
  const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
  return isInside(realRoot, realFile);
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.heic': 'image/heic',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.3gp': 'video/3gpp',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.wav': 'audio/wav',
  '.pdf': 'application/pdf',
  '.vcf': 'text/vcard',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
