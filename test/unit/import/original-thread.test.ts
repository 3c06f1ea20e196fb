import { createHash, randomBytes } from 'node:crypto';
import { chmod, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  copyAndHashBySize,
  copyAndHashOnThread,
  OWN_THREAD_BYTES,
} from '../../../src/main/engine/import/original-thread';
import { blobPath, BLOBS_DIR, storeFile } from '../../../src/main/engine/vault/blob-store';
import { workersDir } from '../../support/paths';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const onThread = copyAndHashOnThread(path.join(workersDir, 'original-worker.mjs'));
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe("an import's original stored on a thread of its own", () => {
  it('is a byte-identical, durable blob under its SHA-256, writable whatever the source was', async () => {
    const dir = await tempDir();
    const vaultDir = await tempDir();
    // Over one read of the hashing loop, and not a multiple of it.
    const bytes = randomBytes(3 * 1024 * 1024 + 5);
    const file = path.join(dir, 'result.json');
    await writeFile(file, bytes);
    await chmod(file, 0o444);

    const blob = await storeFile(vaultDir, file, onThread);

    expect(blob).toEqual({ sha256: sha256(bytes), bytes: bytes.length });
    const stored = blobPath(vaultDir, blob.sha256);
    expect(sha256(await readFile(stored))).toBe(blob.sha256);
    expect((await stat(stored)).mode & 0o777).toBe(0o644);
    expect(await readdir(path.join(vaultDir, BLOBS_DIR, 'tmp'))).toEqual([]);
    // The same file again is the same blob, stored once.
    expect(await storeFile(vaultDir, file, onThread)).toEqual(blob);
  });

  it('fails with the system error and the file when the original is gone, leaving nothing', async () => {
    const vaultDir = await tempDir();
    const missing = path.join(await tempDir(), 'gone.json');
    await expect(storeFile(vaultDir, missing, onThread)).rejects.toMatchObject({
      code: 'ENOENT',
      file: missing,
      message: expect.stringContaining('gone.json') as unknown,
    });
    expect(await readdir(path.join(vaultDir, BLOBS_DIR, 'tmp'))).toEqual([]);
  });

  it('never writes over a file that is already there', async () => {
    const dir = await tempDir();
    const from = path.join(dir, 'a');
    const to = path.join(dir, 'b');
    await writeFile(from, 'new');
    await writeFile(to, 'kept');
    await expect(onThread(from, to)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(to, 'utf8')).toBe('kept');
  });

  it('is only for large originals: a small one is stored on the calling thread', async () => {
    const dir = await tempDir();
    // A thread that cannot start tells which way each file went.
    const bySize = copyAndHashBySize(path.join(dir, 'no-such-worker.mjs'));
    const small = path.join(dir, 'small');
    await writeFile(small, 'x');
    await truncate(small, OWN_THREAD_BYTES - 1);
    expect((await bySize(small, path.join(dir, 'small-copy'))).bytes).toBe(OWN_THREAD_BYTES - 1);
    const large = path.join(dir, 'large');
    await writeFile(large, 'x');
    await truncate(large, OWN_THREAD_BYTES);
    await expect(bySize(large, path.join(dir, 'large-copy'))).rejects.toMatchObject({
      code: 'ORIGINAL_NOT_STORED',
      file: large,
    });
  });
});
