/**
 * Where a media `uri` of a thread file sits in the export. The uri is relative to the root of the
 * download (`messages/inbox/alice_1/photos/1.jpg`, or `your_facebook_activity/messages/...` in newer
 * ones), and people import that root, a folder around it, or a folder inside it. So the root is
 * looked for among the thread file's parent folders (nearest last), also with the uri's leading
 * folders dropped, and the first place where the file exists wins; the way found is remembered
 * for the next uri. A uri that would leave the export (`../`, absolute) is never looked up.
 */
import path from 'node:path';
import type { ExportSource } from '../../source/export-source';

export type MediaPaths = Readonly<{
  /** The entry for a uri, or null when the export does not hold the file (or it is unsafe). */
  entryFor(uri: string): string | null;
}>;

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\//i;
/** How many leading folders of a uri may be missing from the imported folder. */
const MAX_DROPPED = 2;

type Route = Readonly<{ root: string; dropped: number }>;

/** The uri as `/`-separated relative segments, or null for a remote or unsafe one. */
export function uriSegments(uri: string): readonly string[] | null {
  if (REMOTE.test(uri)) return null;
  const relative = uri.replaceAll('\\', '/');
  if (relative.startsWith('/') || /^[a-zA-Z]:/.test(relative)) return null;
  const normal = path.posix.normalize(relative);
  if (normal === '..' || normal.startsWith('../') || normal === '.') return null;
  return normal.split('/').filter((segment) => segment !== '');
}

/** True for a uri that points outside the export (reported as unsafe). */
export function isUnsafeUri(uri: string): boolean {
  return !REMOTE.test(uri) && uriSegments(uri) === null;
}

export function mediaPaths(source: ExportSource, threadFile: string): MediaPaths {
  const folders = threadFile.split('/').slice(0, -1);
  const roots: string[] = [];
  for (let depth = 0; depth <= folders.length; depth += 1) {
    roots.push(depth === 0 ? '' : `${folders.slice(0, depth).join('/')}/`);
  }
  let found: Route | null = null;
  const lookUp = (route: Route, segments: readonly string[]): string | null => {
    if (route.dropped >= segments.length) return null;
    const entryPath = `${route.root}${segments.slice(route.dropped).join('/')}`;
    return source.find(entryPath) === undefined ? null : entryPath;
  };
  return {
    entryFor(uri) {
      if (source.container === 'file') return null;
      const segments = uriSegments(uri);
      if (segments === null) return null;
      if (found !== null) {
        const known = lookUp(found, segments);
        if (known !== null) return known;
      }
      for (let dropped = 0; dropped <= MAX_DROPPED; dropped += 1) {
        for (const root of roots) {
          const route = { root, dropped };
          const entryPath = lookUp(route, segments);
          if (entryPath !== null) {
            found = route;
            return entryPath;
          }
        }
      }
      return null;
    },
  };
}
