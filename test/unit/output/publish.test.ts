import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputFile } from '../../../src/main/engine/output/output-file';
import { outputError } from '../../../src/main/engine/output/output-errors';
import {
  PARTIAL_PREFIX,
  partialPath,
  publish,
  StagingFolder,
} from '../../../src/main/engine/output/publish';
import { VaultError } from '../../../src/main/engine/errors';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

describe('publishing a finished file or folder', () => {
  it('gives a file its name, or the first free numbered one, never replacing a file', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'chat.txt'), 'old');
    await writeFile(path.join(dir, 'chat (2).txt'), 'older');
    const temp = partialPath(dir);
    await writeFile(temp, 'new');
    const final = await publish(temp, dir, 'chat.txt', 'file');
    expect(final).toBe(path.join(dir, 'chat (3).txt'));
    expect(await readFile(path.join(dir, 'chat.txt'), 'utf8')).toBe('old');
    expect(await readFile(path.join(dir, 'chat (2).txt'), 'utf8')).toBe('older');
    expect(await readFile(final, 'utf8')).toBe('new');
    expect((await readdir(dir)).some((name) => name.startsWith(PARTIAL_PREFIX))).toBe(false);
  });

  it('never renames a folder onto an empty folder or a file of the same name', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'Ana'));
    await writeFile(path.join(dir, 'Ana (2)'), 'a file');
    const staging = await StagingFolder.create(dir);
    await writeFile(path.join(staging.path, 'index.html'), '<p>hi</p>');
    const final = await staging.publish('Ana');
    expect(final).toBe(path.join(dir, 'Ana (3)'));
    expect(await readdir(path.join(dir, 'Ana'))).toEqual([]);
    expect(await readFile(path.join(final, 'index.html'), 'utf8')).toBe('<p>hi</p>');
    await staging.discard();
    expect(await readdir(final)).toEqual(['index.html']);
  });

  it('removes an unfinished folder and everything in it', async () => {
    const dir = await tempDir();
    const staging = await StagingFolder.create(dir);
    await mkdir(path.join(staging.path, 'media'));
    await writeFile(path.join(staging.path, 'media', 'a.jpg'), 'x');
    await staging.discard();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('an output file', () => {
  it('streams text and bytes to disk and reports its size and hash', async () => {
    const file = path.join(await tempDir(), 'out.txt');
    const output = await OutputFile.create(file);
    await output.write('héllo ');
    await output.write(Buffer.alloc(300 * 1024, 0x61));
    await output.write('end');
    const written = await output.close();
    const bytes = await readFile(file);
    expect(written.bytes).toBe(bytes.length);
    expect(bytes.subarray(0, 7).toString()).toBe('héllo ');
    const { createHash } = await import('node:crypto');
    expect(written.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('will not open a file that already exists', async () => {
    const file = path.join(await tempDir(), 'taken.txt');
    await writeFile(file, 'mine');
    await expect(OutputFile.create(file)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(file, 'utf8')).toBe('mine');
  });
});

describe('file-system failures', () => {
  const errno = (code: string): Error => Object.assign(new Error(code), { code });

  it.each([
    ['ENOSPC', 'DISK_FULL'],
    ['EDQUOT', 'DISK_FULL'],
    ['EROFS', 'DESTINATION_READ_ONLY'],
    ['EACCES', 'DESTINATION_NOT_WRITABLE'],
    ['EPERM', 'DESTINATION_NOT_WRITABLE'],
    ['ENAMETOOLONG', 'PATH_TOO_LONG'],
    ['ENOTDIR', 'DESTINATION_NOT_A_FOLDER'],
    ['ENOENT', 'DESTINATION_MISSING'],
  ])('%s becomes %s with the path', (code, expected) => {
    const mapped = outputError(errno(code), '/out/x.html');
    expect(mapped).toBeInstanceOf(VaultError);
    expect(mapped).toMatchObject({ code: expected, file: '/out/x.html' });
    expect((mapped as VaultError).message).toContain('/out/x.html');
  });

  it('passes other errors on unchanged', () => {
    const other = errno('EIO');
    expect(outputError(other, '/x')).toBe(other);
  });
});
