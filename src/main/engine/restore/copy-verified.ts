/**
 * Copies one stored blob to a new file and proves the copy: the file is copied by the system (a
 * clone or kernel copy where the file system offers one), then read back, its SHA-256 compared with
 * the hash the vault recorded for the original, and flushed to disk (see file-hasher.ts), ready to
 * be given its final name.
 */
import { constants } from 'node:fs';
import { copyFile, open } from 'node:fs/promises';
import { VaultError } from '../errors';
import { outputError } from '../output/output-errors';
import { blobPath, exists } from '../vault/blob-store';
import { cancelledRestore, hashInThread, type FileHasher } from './file-hasher';

export type CopyOptions = Readonly<{
  vaultDir: string;
  sha256: string;
  bytes: number;
  /** The new file (it must not exist). */
  target: string;
  /** The original's name, for messages. */
  name: string;
  signal?: AbortSignal | undefined;
  /** Bytes checked so far in this file. */
  onBytes?: (bytes: number) => void;
  /** How the copy is read back and hashed (default: in this thread). */
  hasher?: FileHasher;
}>;

export async function copyVerified(options: CopyOptions): Promise<void> {
  const { target, sha256, name } = options;
  const source = blobPath(options.vaultDir, sha256);
  if (!(await exists(source))) {
    throw new VaultError(
      'BLOB_MISSING',
      `The vault's copy of ${name} (${sha256}) is missing, so it cannot be restored. Run Verify to see what else is affected.`,
      { file: source },
    );
  }
  if (options.signal?.aborted === true) throw cancelledRestore();
  try {
    await copyFile(source, target, constants.COPYFILE_EXCL);
  } catch (error) {
    throw outputError(error, target);
  }
  const actual = await (options.hasher ?? hashInThread)(target, options.signal, options.onBytes);
  if (actual.sha256 !== sha256 || actual.bytes !== options.bytes) {
    throw new VaultError(
      'RESTORE_MISMATCH',
      `The restored ${name} does not match the original (SHA-256 ${actual.sha256} instead of ${sha256}); the vault's copy may be damaged. Run Verify; nothing was left under the file's final name.`,
      { file: target },
    );
  }
}

/** Flushes a folder's entries (new names) to disk where the platform can; elsewhere a no-op. */
export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a folder to sync it; the rename is as durable as it allows.
  } finally {
    await handle?.close();
  }
}
