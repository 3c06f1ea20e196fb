/**
 * Files chosen or dropped in a browser have no path on this machine, so the page streams them here.
 * Each lands in its own folder under the vault's `incoming/` and then joins the import queue.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { safeFileName } from '../../shared/safe-file-name';

export const UPLOAD_NAME_HEADER = 'x-chat-vault-file-name';
export const INCOMING_DIR = 'incoming';

export async function receiveUpload(request: IncomingMessage, vaultDir: string): Promise<string> {
  const rawName = request.headers[UPLOAD_NAME_HEADER];
  let name = 'upload';
  if (typeof rawName === 'string') {
    try {
      name = decodeURIComponent(rawName);
    } catch {
      name = rawName;
    }
  }
  const folder = path.join(vaultDir, INCOMING_DIR, randomUUID());
  await mkdir(folder, { recursive: true });
  const target = path.join(folder, safeFileName(name, 'upload'));
  try {
    await pipeline(request, createWriteStream(target, { flags: 'wx' }));
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return target;
}

/** Removes an upload's folder (only ever one inside the vault's `incoming/`). */
export async function removeUpload(vaultDir: string, saved: string): Promise<void> {
  const folder = path.dirname(saved);
  const incoming = path.join(vaultDir, INCOMING_DIR);
  if (path.dirname(folder) !== incoming) return;
  await rm(folder, { recursive: true, force: true });
}
