/**
 * Content-addressed storage for originals and media: `blobs/sha256/ab/cdef…`. A blob is written to
 * a temp file, fsynced, renamed into place and its folder fsynced, so once `store` resolves the blob
 * is durable and a database row may point at it. Identical content is stored once.
 */
import { createHash, randomUUID } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { chmod, copyFile, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

export type StoredBlob = Readonly<{ sha256: string; bytes: number }>;

export const BLOBS_DIR = 'blobs';

/** Read size when a blob is hashed: big reads of a file just written, from the page cache. */
const HASH_READ_BYTES = 1024 * 1024;
/** A stored blob's permissions: a copy would otherwise take the original's (read-only, say). */
export const BLOB_MODE = 0o644;

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

async function newTempFile(vaultDir: string): Promise<string> {
  const tmpDir = path.join(vaultDir, BLOBS_DIR, 'tmp');
  await mkdir(tmpDir, { recursive: true });
  return path.join(tmpDir, randomUUID());
}

/** Moves a durable temp file into place under its hash (or drops it when the blob is there). */
async function settle(tmp: string, blob: StoredBlob, vaultDir: string): Promise<StoredBlob> {
  const target = blobPath(vaultDir, blob.sha256);
  if (await exists(target)) {
    await rm(tmp, { force: true });
    return blob;
  }
  await mkdir(path.dirname(target), { recursive: true });
  await rename(tmp, target);
  await syncDir(path.dirname(target));
  return blob;
}

/** Streams `input` into the store; resolves once the blob is durable. */
export async function storeStream(vaultDir: string, input: Readable): Promise<StoredBlob> {
  const tmp = await newTempFile(vaultDir);
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
  return settle(tmp, { sha256: hash.digest('hex'), bytes }, vaultDir);
}

/** How a file is copied: a clone where the file system can, never over an existing file. */
export const COPY_FLAGS = constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE;

/**
 * Copies the file `from` to the new file `to` (with BLOB_MODE) and returns the hash and size of the
 * copy's bytes once the copy is on disk.
 */
export type CopyAndHash = (from: string, to: string) => Promise<StoredBlob>;

/**
 * CopyAndHash on this thread: the system copies the file, then the copy is hashed and synced. The
 * hash is of the bytes stored, even if the file changes while it is copied, and no byte of it
 * passes through this thread on the way in (a third less work than streaming it).
 */
export const copyAndHashHere: CopyAndHash = async (from, to) => {
  await copyFile(from, to, COPY_FLAGS);
  await chmod(to, BLOB_MODE);
  const blob = await hashFile(to);
  const handle = await open(to, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return blob;
};

/** Stores a file, copied and hashed by `copyAndHash` (by default on this thread). */
export async function storeFile(
  vaultDir: string,
  file: string,
  copyAndHash: CopyAndHash = copyAndHashHere,
): Promise<StoredBlob> {
  const tmp = await newTempFile(vaultDir);
  try {
    const blob = await copyAndHash(file, tmp);
    return await settle(tmp, blob, vaultDir);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** The hash and size of a file's bytes. */
async function hashFile(file: string): Promise<StoredBlob> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: HASH_READ_BYTES })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Re-hashes a stored blob; resolves with its actual hash and size (or null when it is missing). */
export async function rehashBlob(vaultDir: string, sha256: string): Promise<StoredBlob | null> {
  const file = blobPath(vaultDir, sha256);
  if (!(await exists(file))) return null;
  return hashFile(file);
}
