import { createHash, randomBytes } from 'node:crypto';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HashPool, hashInThread } from '../../../src/main/engine/restore/file-hasher';
import { workersDir } from '../../support/paths';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

describe('hashing restored files', () => {
  it('gives the same SHA-256 on a pool of threads as here, for many files at once', async () => {
    const dir = await tempDir();
    const contents = [
      Buffer.alloc(0),
      randomBytes(10),
      randomBytes(3 * 1024 * 1024 + 7),
      randomBytes(999),
    ];
    const files = await Promise.all(
      contents.map(async (bytes, index) => {
        const file = path.join(dir, `f${index}`);
        await writeFile(file, bytes);
        return file;
      }),
    );
    const pool = new HashPool(path.join(workersDir, 'hash-worker.mjs'), 2);
    try {
      const progress: number[] = [];
      const hashed = await Promise.all(
        files.map((file) => pool.hash(file, undefined, (b) => progress.push(b))),
      );
      expect(hashed).toEqual(
        contents.map((bytes) => ({
          sha256: createHash('sha256').update(bytes).digest('hex'),
          bytes: bytes.length,
        })),
      );
      expect(await hashInThread(files[2] ?? '')).toEqual(hashed[2]);
      await expect(pool.hash(path.join(dir, 'missing'))).rejects.toMatchObject({
        file: path.join(dir, 'missing'),
      });
    } finally {
      await pool.close();
    }
  });

  it('stops a hash when cancelled', async () => {
    const file = path.join(await tempDir(), 'big');
    await writeFile(file, randomBytes(8 * 1024 * 1024));
    const pool = new HashPool(path.join(workersDir, 'hash-worker.mjs'), 1);
    const controller = new AbortController();
    try {
      const hashing = pool.hash(file, controller.signal);
      controller.abort();
      await expect(hashing).rejects.toMatchObject({ code: 'CANCELLED' });
      // The pool still works afterwards.
      await expect(pool.hash(file)).resolves.toMatchObject({ bytes: 8 * 1024 * 1024 });
    } finally {
      await pool.close();
    }
  });

  it('hashes and flushes a copy that came out read-only, here and on the pool', async () => {
    const file = path.join(await tempDir(), 'read-only');
    const bytes = randomBytes(5000);
    await writeFile(file, bytes);
    // (Run as root, as CI is, the file can still be opened for writing; elsewhere it cannot.)
    await chmod(file, 0o444);
    const expected = { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: 5000 };
    expect(await hashInThread(file)).toEqual(expected);
    const pool = new HashPool(path.join(workersDir, 'hash-worker.mjs'), 1);
    try {
      expect(await pool.hash(file)).toEqual(expected);
    } finally {
      await pool.close();
    }
  });
});
