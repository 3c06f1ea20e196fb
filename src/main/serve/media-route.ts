import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mediaHeaders, resolveMediaPath } from '../common/media-path';

/** `bytes=START-END` (one range), clamped to the file; null when absent or unusable. */
function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null {
  const match = /^bytes=(\d*)-(\d*)$/u.exec(header ?? '');
  if (match === null || size === 0) return null;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return null;
  const start = from === '' ? Math.max(0, size - Number(to)) : Number(from);
  const end = from === '' || to === '' ? size - 1 : Math.min(Number(to), size - 1);
  return start <= end && start < size ? { start, end } : null;
}

/** Streams one stored file (with byte ranges, so audio and video can seek), or 404. */
export async function sendMedia(
  request: IncomingMessage,
  response: ServerResponse,
  vaultDir: string,
  rawPath: string,
): Promise<void> {
  const media = resolveMediaPath(vaultDir, rawPath);
  const info = media === null ? null : await stat(media.file).catch(() => null);
  if (media === null || info === null || !info.isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('This file is not in the vault.');
    return;
  }
  const headers = { ...mediaHeaders(media), 'accept-ranges': 'bytes' };
  const range = parseRange(request.headers.range, info.size);
  if (range === null) {
    response.writeHead(200, { ...headers, 'content-length': String(info.size) });
    if (request.method === 'HEAD') response.end();
    else createReadStream(media.file).pipe(response);
    return;
  }
  response.writeHead(206, {
    ...headers,
    'content-length': String(range.end - range.start + 1),
    'content-range': `bytes ${range.start}-${range.end}/${info.size}`,
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(media.file, range).pipe(response);
}
