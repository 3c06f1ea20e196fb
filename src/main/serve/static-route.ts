import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { mimeTypeFor, resolveStaticPath, staysInside } from '../common/static-path';

/** Sends one file of the built renderer (`rawPath` as the request wrote it), or 404. */
export async function sendStatic(
  response: ServerResponse,
  rendererDir: string,
  rawPath: string,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  const file = resolveStaticPath(rendererDir, rawPath);
  const info = file === null ? null : await stat(file).catch(() => null);
  const inside = file !== null && info !== null && (await staysInside(rendererDir, file));
  if (file === null || info === null || !info.isFile() || !inside) {
    response.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found');
    return;
  }
  const isIndex = file.endsWith('index.html');
  response.writeHead(200, {
    ...headers,
    'content-type': mimeTypeFor(file),
    'content-length': String(info.size),
    'cache-control': isIndex ? 'no-store' : 'private, max-age=3600',
  });
  createReadStream(file).pipe(response);
}
