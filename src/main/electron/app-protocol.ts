/**
 * The `app://chat-vault/` scheme: serves the built renderer (`out/renderer`) to the window, file by
 * file, never anything outside that folder. `resolveAppAsset` is the pure path guard;
 * `createAppProtocolHandler` is what `protocol.handle('app', ...)` runs. Neither imports Electron:
 * the handler speaks the standard `Request`/`Response` that `protocol.handle` uses.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { MEDIA_PREFIX, mediaHeaders, resolveMediaPath, type MediaFile } from '../common/media-path';
import { mimeTypeFor, resolveStaticPath, staysInside } from '../common/static-path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

/** The path of a URL as written: after `scheme://authority`, before any `?` or `#`. */
function rawPathOf(url: string): string {
  const afterScheme = url.slice(url.indexOf('//') + 2);
  const pathStart = afterScheme.search(/[/?#]/);
  if (pathStart === -1) return '';
  const fromPath = afterScheme.slice(pathStart);
  const end = fromPath.search(/[?#]/);
  return end === -1 ? fromPath : fromPath.slice(0, end);
}

/**
 * The file inside `rootDir` that an `app://chat-vault/...` URL names, or null when the URL is for
 * another scheme or host, carries credentials or a port, or its path could escape `rootDir` in any
 * spelling (`..`, `%2e%2e`, `%2f`, backslashes, NUL, drive letters, absolute paths). `/` is
 * `index.html`; the query and fragment are ignored.
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST) return null;
  if (url.port !== '' || url.username !== '' || url.password !== '') return null;
  // The URL parser would quietly resolve `..` and `%2e%2e`; judge the path as it was written.
  return resolveStaticPath(rootDir, rawPathOf(requestUrl));
}

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** The stored file an `app://chat-vault/media/<sha256>/<name>` URL names; undefined when not media. */
function mediaOf(requestUrl: string, vaultDir: string | null): MediaFile | null | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.hostname !== APP_HOST || !url.pathname.startsWith(MEDIA_PREFIX)) return undefined;
  return vaultDir === null ? null : resolveMediaPath(vaultDir, rawPathOf(requestUrl));
}

async function sendMedia(media: MediaFile, headOnly: boolean): Promise<Response> {
  const info = await stat(media.file).catch(() => null);
  if (info === null || !info.isFile()) return notFound();
  const body = headOnly
    ? null
    : (Readable.toWeb(createReadStream(media.file)) as ReadableStream<Uint8Array>);
  return new Response(body, {
    status: 200,
    headers: { ...mediaHeaders(media), 'Content-Length': String(info.size) },
  });
}

/** The handler for `protocol.handle(APP_SCHEME, ...)`: GET/HEAD of the renderer's files, else 404/405. */
export function createAppProtocolHandler(
  rootDir: string,
  vaultDir: () => string | null = () => null,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: securityHeaders() });
    }
    const media = mediaOf(request.url, vaultDir());
    if (media !== undefined)
      return media === null ? notFound() : sendMedia(media, request.method === 'HEAD');
    const file = resolveAppAsset(rootDir, request.url);
    if (file === null) return notFound();
    try {
      if (!(await staysInside(rootDir, file))) return notFound();
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...securityHeaders(), 'Content-Type': mimeTypeFor(file) },
      });
    } catch {
      return notFound();
    }
  };
}
