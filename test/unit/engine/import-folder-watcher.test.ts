import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import {
  watchImportFolder,
  type ImportFolderWatcher,
} from '../../../src/main/engine/watch/import-folder-watcher';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const open: ImportFolderWatcher[] = [];
afterEach(async () => {
  for (const watcher of open.splice(0)) await watcher.close();
});

async function watching(folder: string, alreadyImported?: (file: string) => boolean) {
  const submitted: string[] = [];
  const watcher = await watchImportFolder({
    folder,
    stableMilliseconds: 600,
    submit: (file) => submitted.push(file),
    ...(alreadyImported === undefined
      ? {}
      : { alreadyImported: (file: string) => Promise.resolve(alreadyImported(file)) }),
  });
  open.push(watcher);
  await watcher.ready;
  return submitted;
}

describe('the import folder watcher', () => {
  it('creates a missing import folder', async () => {
    const folder = path.join(await tempDir(), 'Chat Vault Import');
    await watching(folder);
    await expect(writeFile(path.join(folder, 'probe'), 'x')).resolves.toBeUndefined();
  });

  it('imports a file once, after it has stopped growing', async () => {
    const folder = await tempDir();
    const submitted = await watching(folder);
    const file = path.join(folder, 'WhatsApp Chat with Ana.txt');
    await writeFile(file, 'first half\n');
    await sleep(250);
    expect(submitted).toEqual([]);
    await appendFile(file, 'second half\n');
    await expect.poll(() => submitted, { timeout: 5000 }).toEqual([file]);
    await sleep(800);
    expect(submitted).toEqual([file]);
  });

  it('imports files that were there before it started, unless already imported', async () => {
    const folder = await tempDir();
    await writeFile(path.join(folder, 'old.zip'), 'zip');
    await writeFile(path.join(folder, 'done.zip'), 'zip');
    const submitted = await watching(folder, (file) => file.endsWith('done.zip'));
    await expect.poll(() => submitted, { timeout: 5000 }).toEqual([path.join(folder, 'old.zip')]);
  });

  it('ignores partial downloads, hidden files and subfolders', async () => {
    const folder = await tempDir();
    const submitted = await watching(folder);
    await writeFile(path.join(folder, 'export.zip.crdownload'), 'x');
    await writeFile(path.join(folder, '.DS_Store'), 'x');
    await mkdir(path.join(folder, 'sub'));
    await writeFile(path.join(folder, 'sub', 'inner.txt'), 'x');
    await writeFile(path.join(folder, 'real.txt'), 'x');
    await expect.poll(() => submitted, { timeout: 5000 }).toEqual([path.join(folder, 'real.txt')]);
    await sleep(700);
    expect(submitted).toEqual([path.join(folder, 'real.txt')]);
  });
});
