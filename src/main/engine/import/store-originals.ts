/**
 * Keeps the imported original whole, beside the reading (never before it): a file or zip as one
 * blob, a folder file by file. Returns the archive's file list with hashes, for restore.
 */
import path from 'node:path';
import type { ExportSource } from '../source/export-source';
import { storeFile, type CopyAndHash, type StoredBlob } from '../vault/blob-store';

export type ArchiveFile = Readonly<{ path: string; sha256: string; bytes: number }>;

export type BlobCache = Map<string, Promise<StoredBlob>>;

/** Stores one file of a folder export once, however many messages point at it. */
export function storeFolderEntry(
  vaultDir: string,
  root: string,
  entryPath: string,
  cache: BlobCache,
): Promise<StoredBlob> {
  let stored = cache.get(entryPath);
  if (stored === undefined) {
    stored = storeFile(vaultDir, path.join(root, ...entryPath.split('/')));
    cache.set(entryPath, stored);
  }
  return stored;
}

export async function storeOriginals(
  vaultDir: string,
  inputPath: string,
  source: ExportSource,
  cache: BlobCache,
  /** How a file or zip is copied in and hashed (the default: on this thread). */
  copyAndHash?: CopyAndHash,
): Promise<ArchiveFile[]> {
  if (source.container !== 'folder') {
    const blob = await storeFile(vaultDir, inputPath, copyAndHash);
    return [{ path: path.basename(inputPath), ...blob }];
  }
  const files: ArchiveFile[] = [];
  for (const entry of source.entries) {
    const blob = await storeFolderEntry(vaultDir, inputPath, entry.path, cache);
    files.push({ path: entry.path, ...blob });
  }
  return files;
}
