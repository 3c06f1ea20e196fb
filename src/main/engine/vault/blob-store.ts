/**
 * Content-addressed storage for originals and media: `blobs/sha256/ab/cdef…`. A blob is written to
 * a temp file, fsynced, renamed into place and its folder fsynced, so once `store` resolves the blob
 * is durable and a database row may point at it. Identical content is stored once.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

export type StoredBlob = Readonly<{ sha256: string; bytes: number }>;

export const BLOBS_DIR = 'blobs';

export function blobPath(vaultDir: string, sha256: string): string {
  return path.join(vaultDir, BLOBS_DIR, 'sha256', sha256.slice(0, 2), sha256.slice(2));
}

async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Some platforms (Windows) cannot fsync a folder; the rename is as durable as they allow.
  } finally {
    await handle?.close();
  }
}

export async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Streams `input` into the store; resolves once the blob is durable. */
export async function storeStream(vaultDir: string, input: Readable): Promise<StoredBlob> {
  const tmpDir = path.join(vaultDir, BLOBS_DIR, 'tmp');
  await mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, randomUUID());
  const hash = createHash('sha256');
  let bytes = 0;
  const handle = await open(tmp, 'wx');
  try {
    for await (const chunk of input) {
      const buffer = chunk as Buffer;
      hash.update(buffer);
      bytes += buffer.length;
      await handle.write(buffer);
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(tmp, { force: true });
    throw error;
  }
  await handle.close();
  const sha256 = hash.digest('hex');
  const target = blobPath(vaultDir, sha256);
  if (await exists(target)) {
    await rm(tmp, { force: true });
    return { sha256, bytes };
  }
  await mkdir(path.dirname(target), { recursive: true });
  await rename(tmp, target);
  await syncDir(path.dirname(target));
  return { sha256, bytes };
}

export function storeFile(vaultDir: string, file: string): Promise<StoredBlob> {
  return storeStream(vaultDir, createReadStream(file));
}

/** Re-hashes a stored blob; resolves with its actual hash and size (or null when it is missing). */
export async function rehashBlob(vaultDir: string, sha256: string): Promise<StoredBlob | null> {
  const file = blobPath(vaultDir, sha256);
  if (!(await exists(file))) return null;
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
