/**
 * The content-addressed blob store: a file or a stream is stored under the SHA-256 of its bytes,
 * once, with nothing left in the temp folder, and a failed store leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BLOBS_DIR,
  blobPath,
  rehashBlob,
  storeFile,
  storeStream,
} from '../../../src/main/engine/vault/blob-store';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Bytes that cross the 1 MiB read size of hashing, and are not all alike. */
function content(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let index = 0; index < size; index += 1) bytes[index] = (index * 31 + (index >> 11)) & 0xff;
  return bytes;
}

async function tempFiles(vault: string): Promise<string[]> {
  return readdir(path.join(vault, BLOBS_DIR, 'tmp')).catch(() => []);
}

describe('storeFile', () => {
  it('stores a file under the hash of its bytes, byte for byte, and once', async () => {
    const [vault, input] = [await tempDir(), await tempDir()];
    const bytes = content(2_500_000);
    const file = path.join(input, 'result.json');
    await writeFile(file, bytes);
    const blob = await storeFile(vault, file);
    expect(blob).toEqual({ sha256: sha256(bytes), bytes: bytes.length });
    expect((await readFile(blobPath(vault, blob.sha256))).equals(bytes)).toBe(true);
    expect(await rehashBlob(vault, blob.sha256)).toEqual(blob);

    const again = path.join(input, 'copy.json');
    await writeFile(again, bytes);
    expect(await storeFile(vault, again)).toEqual(blob);
    expect(await tempFiles(vault)).toEqual([]);
    expect((await readFile(file)).equals(bytes)).toBe(true);
  });

  it('stores a read-only file as a blob its owner can write and sync', async () => {
    const [vault, input] = [await tempDir(), await tempDir()];
    const file = path.join(input, 'chat.txt');
    await writeFile(file, 'hello\n');
    await chmod(file, 0o444);
    const blob = await storeFile(vault, file);
    const mode = (await stat(blobPath(vault, blob.sha256))).mode & 0o777;
    expect(mode).toBe(0o644);
    expect((await stat(file)).mode & 0o777).toBe(0o444);
  });

  it('stores an empty file', async () => {
    const [vault, input] = [await tempDir(), await tempDir()];
    const file = path.join(input, 'empty.txt');
    await writeFile(file, '');
    expect(await storeFile(vault, file)).toEqual({ sha256: sha256(Buffer.alloc(0)), bytes: 0 });
  });

  it('fails for a file that is not there and leaves no temp file', async () => {
    const vault = await tempDir();
    await expect(storeFile(vault, path.join(vault, 'missing.json'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(await tempFiles(vault)).toEqual([]);
  });
});

describe('storeStream', () => {
  it('stores what a stream yields under its hash', async () => {
    const vault = await tempDir();
    const bytes = content(300_000);
    const blob = await storeStream(vault, Readable.from([bytes.subarray(0, 7), bytes.subarray(7)]));
    expect(blob).toEqual({ sha256: sha256(bytes), bytes: bytes.length });
    expect((await readFile(blobPath(vault, blob.sha256))).equals(bytes)).toBe(true);
  });

  it('keeps nothing of a stream that breaks', async () => {
    const vault = await tempDir();
    async function* broken(): AsyncGenerator<Buffer> {
      yield Buffer.from('part');
      throw new Error('the disk went away');
    }
    await expect(storeStream(vault, Readable.from(broken()))).rejects.toThrow('the disk went away');
    expect(await tempFiles(vault)).toEqual([]);
  });
});
