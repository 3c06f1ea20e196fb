/**
 * Copies one stored blob to a new file and proves the copy: once the file is on disk (fsync), it is
 * read back and its SHA-256 compared with the hash the vault recorded for the original.
 */
import { createHash } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { copyFile, open } from 'node:fs/promises';
import { VaultError } from '../errors';
import { outputError } from '../output/output-errors';
import { blobPath, exists } from '../vault/blob-store';

const READ_BYTES = 1024 * 1024;

export type CopyOptions = Readonly<{
  vaultDir: string;
  sha256: string;
  bytes: number;
  /** The new file (it must not exist). */
  target: string;
  /** The original's name, for messages. */
  name: string;
  signal?: AbortSignal | undefined;
  /** Bytes verified so far in this file. */
  onBytes?: (bytes: number) => void;
}>;

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

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
  try {
    await copyFile(source, target, constants.COPYFILE_EXCL);
    await syncFile(target);
  } catch (error) {
    throw outputError(error, target);
  }
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(target, {
    highWaterMark: READ_BYTES,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  })) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    bytes += buffer.length;
    options.onBytes?.(bytes);
  }
  const actual = hash.digest('hex');
  if (actual !== sha256 || bytes !== options.bytes) {
    throw new VaultError(
      'RESTORE_MISMATCH',
      `The restored ${name} does not match the original (SHA-256 ${actual} instead of ${sha256}); the vault's copy may be damaged. Run Verify; nothing was left under the file's final name.`,
      { file: target },
    );
  }
}
