import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ReadError } from '../../../src/main/engine/readers/read-error';
import { openZipSource } from '../../../src/main/engine/source/zip-source';
import { DEFAULT_ZIP_QUOTAS } from '../../../src/main/engine/source/zip-quotas';
import { makeZip, type ZipInput } from '../../support/make-zip';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

async function zipFile(entries: readonly ZipInput[]): Promise<string> {
  const file = path.join(await tempDir(), 'export.zip');
  await writeFile(file, makeZip(entries));
  return file;
}

async function drain(stream: Readable): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  return bytes;
}

describe('a zip export source', () => {
  it('lists entries by safe relative path and streams them inflated', async () => {
    const file = await zipFile([
      { name: 'chat/_chat.txt', data: 'hello', method: 'deflate' },
      { name: 'chat/', data: '' },
      { name: 'chat\\IMG-1.jpg', data: 'jpeg' },
    ]);
    const source = await openZipSource(file);
    expect(source.entries.map((entry) => entry.path)).toEqual(['chat/_chat.txt', 'chat/IMG-1.jpg']);
    expect(await drain(await source.open('chat/_chat.txt'))).toBe(5);
    expect(source.skipped).toEqual([]);
    await source.close();
  });

  it('skips entries that climb out, are absolute, or are links, and says why', async () => {
    const file = await zipFile([
      { name: '_chat.txt', data: 'ok' },
      { name: '../../evil.sh', data: 'x' },
      { name: '/etc/passwd', data: 'x' },
      { name: 'C:/Windows/win.ini', data: 'x' },
      { name: 'link', data: '/etc/shadow', mode: 0o120777 },
    ]);
    const source = await openZipSource(file);
    expect(source.entries.map((entry) => entry.path)).toEqual(['_chat.txt']);
    expect(source.skipped.map((entry) => entry.name)).toEqual([
      '../../evil.sh',
      '/etc/passwd',
      'C:/Windows/win.ini',
      'link',
    ]);
    await expect(source.open('../../evil.sh')).rejects.toMatchObject({ code: 'ENTRY_MISSING' });
    await source.close();
  });

  it('stops an entry that inflates past its quota, counting the real bytes', async () => {
    const file = await zipFile([{ name: 'big.txt', data: 'a'.repeat(200_000), method: 'deflate' }]);
    const source = await openZipSource(file, { ...DEFAULT_ZIP_QUOTAS, maxEntryBytes: 100_000 });
    const failure = await drain(await source.open('big.txt')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ReadError);
    expect(failure).toMatchObject({ code: 'ZIP_QUOTA', position: { entry: 'big.txt' } });
    await source.close();
  });

  it('stops a zip bomb by its compression ratio', async () => {
    const file = await zipFile([
      { name: 'bomb.txt', data: '0'.repeat(5_000_000), method: 'deflate' },
    ]);
    const source = await openZipSource(file, {
      ...DEFAULT_ZIP_QUOTAS,
      ratioGraceBytes: 1_000_000,
      maxRatio: 100,
    });
    await expect(drain(await source.open('bomb.txt'))).rejects.toMatchObject({ code: 'ZIP_QUOTA' });
    await source.close();
  });

  it('refuses a zip with more entries than allowed', async () => {
    const file = await zipFile(
      Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.txt`, data: 'x' })),
    );
    await expect(
      openZipSource(file, { ...DEFAULT_ZIP_QUOTAS, maxEntries: 5 }),
    ).rejects.toMatchObject({
      code: 'ZIP_QUOTA',
    });
  });

  it('reports a damaged zip as ZIP_CORRUPT', async () => {
    const file = path.join(await tempDir(), 'broken.zip');
    await writeFile(file, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 7)]));
    await expect(openZipSource(file)).rejects.toMatchObject({ code: 'ZIP_CORRUPT' });
  });
});
