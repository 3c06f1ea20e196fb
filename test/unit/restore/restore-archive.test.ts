/**
 * Restore rebuilds an import's original files byte for byte, checked by SHA-256, never replacing
 * anything and never writing outside the chosen folder, whatever names the archive recorded.
 */
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { restoreArchive } from '../../../src/main/engine/restore/restore-archive';
import { blobPath, storeStream } from '../../../src/main/engine/vault/blob-store';
import { openTestEngine } from '../../support/engine';
import { hashTree, sha256Of } from '../../support/hash-tree';
import { makeZip } from '../../support/make-zip';
import { tinyPng } from '../../support/tiny-png';
import { useTempDirs } from '../../support/temp-dir';
import { openVaultDb } from '../../support/vault-db';

const tempDir = useTempDirs();
// Each test opens real engines (database and import threads) on a shared two-core machine.
vi.setConfig({ testTimeout: 30_000 });

const chatText = '1/1/20, 9:00 - Ana: hello\n1/1/20, 9:01 - Bo: hi\n';

/** A folder archive recorded with the given paths (each file's content is its own path). */
async function vaultWithArchive(paths: readonly string[], archiveName = 'Export folder') {
  const vaultDir = await tempDir();
  const db = openVaultDb(vaultDir);
  const archive = db
    .prepare(
      `INSERT INTO archives (public_id, name, source_path, format, container, status, started_at, imported_at)
       VALUES ('a_hostile', ?, '/nowhere', 'whatsapp-txt', 'folder', 'complete', 0, 0)`,
    )
    .run(archiveName);
  for (const entryPath of paths) {
    const blob = await storeStream(
      vaultDir,
      Readable.from([Buffer.from(`content of ${entryPath}`)]),
    );
    db.prepare('INSERT OR IGNORE INTO blobs (sha256, bytes, stored_at) VALUES (?, ?, 0)').run(
      blob.sha256,
      blob.bytes,
    );
    db.prepare(
      'INSERT INTO archive_files (archive_id, path, sha256, bytes) VALUES (?, ?, ?, ?)',
    ).run(archive.lastInsertRowid, entryPath, blob.sha256, blob.bytes);
  }
  db.close();
  return openTestEngine(vaultDir);
}

async function listAll(root: string): Promise<string[]> {
  return Object.keys(await hashTree(root)).sort();
}

describe('restoring an archive', () => {
  it('rebuilds an imported zip byte for byte beside nothing else', async () => {
    const input = path.join(await tempDir(), 'WhatsApp Chat with Ana.zip');
    await writeFile(
      input,
      makeZip([
        { name: '_chat.txt', data: chatText, method: 'deflate' },
        { name: 'IMG-1.png', data: tinyPng(4, [1, 2, 3]) },
      ]),
    );
    const engine = await openTestEngine(await tempDir());
    const [item] = await engine.importAndWait([input]);
    const destination = path.join(await tempDir(), 'restored', 'here');
    const progress: number[] = [];
    const report = await restoreArchive({
      vaultDir: engine.vaultDir,
      db: engine.db,
      archiveId: item?.archiveId ?? '',
      destination,
      onProgress: (done) => progress.push(done),
    });
    await engine.close();
    expect(report.path).toBe(path.join(destination, 'WhatsApp Chat with Ana.zip'));
    expect(await sha256Of(report.path)).toBe(await sha256Of(input));
    expect(await readdir(destination)).toEqual(['WhatsApp Chat with Ana.zip']);
    expect(progress.at(-1)).toBe((await stat(input)).size);
  });

  it('rebuilds a folder export with its media as the same tree of files', async () => {
    const input = path.join(await tempDir(), 'Chat export');
    await mkdir(path.join(input, 'media', 'photos'), { recursive: true });
    await writeFile(path.join(input, 'WhatsApp Chat with Ana.txt'), chatText);
    await writeFile(path.join(input, 'media', 'photos', 'IMG-1.png'), tinyPng(4, [9, 9, 9]));
    await writeFile(path.join(input, 'media', 'notes.txt'), 'notes');
    const engine = await openTestEngine(await tempDir());
    const [item] = await engine.importAndWait([input]);
    expect(item?.status).toBe('imported');
    const destination = await tempDir();
    const report = await restoreArchive({
      vaultDir: engine.vaultDir,
      db: engine.db,
      archiveId: item?.archiveId ?? '',
      destination,
    });
    await engine.close();
    expect(report).toMatchObject({ kind: 'folder', path: path.join(destination, 'Chat export') });
    expect(await hashTree(report.path)).toEqual(await hashTree(input));
    expect(report.files.every((file) => file.originalPath === undefined)).toBe(true);
  });

  it('a second restore into the same folder replaces nothing: it gets a numbered name', async () => {
    const engine = await vaultWithArchive(['chat.txt', 'media/a.jpg']);
    const destination = await tempDir();
    const first = await restoreArchive({
      vaultDir: engine.vaultDir,
      db: engine.db,
      archiveId: 'a_hostile',
      destination,
    });
    await writeFile(path.join(first.path, 'chat.txt'), 'changed by the person since');
    const second = await restoreArchive({
      vaultDir: engine.vaultDir,
      db: engine.db,
      archiveId: 'a_hostile',
      destination,
    });
    const third = await restoreArchive({
      vaultDir: engine.vaultDir,
      db: engine.db,
      archiveId: 'a_hostile',
      destination,
    });
    await engine.close();
    expect([first.path, second.path, third.path].map((p) => path.basename(p))).toEqual([
      'Export folder',
      'Export folder (2)',
      'Export folder (3)',
    ]);
    expect(await readFile(path.join(first.path, 'chat.txt'), 'utf8')).toBe(
      'changed by the person since',
    );
    expect(await readFile(path.join(second.path, 'chat.txt'), 'utf8')).toBe('content of chat.txt');
    expect((await readdir(destination)).sort()).toEqual([
      'Export folder',
      'Export folder (2)',
      'Export folder (3)',
    ]);
  });

  it('lands hostile names safely inside the chosen folder', async () => {
    const hostile = [
      '../escape.txt',
      '../../../../../../tmp/escape-absolute.txt',
      '/etc/passwd',
      'C:\\Windows\\win.ini',
      '..\\..\\backslash.txt',
      'CON',
      'nul.txt',
      'a:b',
      'a_b',
      `${'x'.repeat(300)}.txt`,
      'Photo.JPG',
      'photo.jpg',
      'dir/../../up.txt',
      'media/\u202Egnp.exe',
      'trailing. ',
      'same/name',
      'same',
    ];
    const engine = await vaultWithArchive(hostile, '../../Evil:Name');
    const root = await tempDir();
    const destination = path.join(root, 'chosen');
    const report = await restoreArchive({
      vaultDir: engine.vaultDir,
      db: engine.db,
      archiveId: 'a_hostile',
      destination,
    });
    await engine.close();
    // Nothing beside the chosen folder, one folder inside it, every file inside that folder.
    expect(await readdir(root)).toEqual(['chosen']);
    expect(await readdir(destination)).toEqual(['.._.._Evil_Name']);
    expect(report.path).toBe(path.join(destination, '.._.._Evil_Name'));
    const files = await listAll(report.path);
    expect(files).toHaveLength(hostile.length);
    for (const file of report.files) {
      expect(path.resolve(report.path, file.path).startsWith(report.path + path.sep)).toBe(true);
      for (const level of file.path.split('/')) {
        expect(Buffer.byteLength(level)).toBeLessThanOrEqual(200);
        expect(level).not.toMatch(/^(con|nul)(\.|$)/iu);
        expect(level).not.toMatch(/[<>:"\\|?*\u202e]|[. ]$/u);
      }
    }
    // Every original is there, byte for byte, under its safe name.
    const contents = await Promise.all(
      report.files.map((file) => readFile(path.join(report.path, file.path), 'utf8')),
    );
    expect(contents.sort()).toEqual(hostile.map((name) => `content of ${name}`).sort());
    // Names that one file system would confuse were kept apart.
    const byOriginal = new Map(
      report.files.map((file) => [file.originalPath ?? file.path, file.path]),
    );
    expect(byOriginal.get('photo.jpg')?.toLowerCase()).not.toBe(
      byOriginal.get('Photo.JPG')?.toLowerCase(),
    );
    expect(byOriginal.get('a:b')).not.toBe(byOriginal.get('a_b'));
    expect(byOriginal.get('CON')).toBe('_CON');
    expect(byOriginal.get('../escape.txt')).toBe('escape.txt');
  });

  it('refuses a blob that no longer matches its hash, leaving nothing under the final name', async () => {
    const engine = await vaultWithArchive(['chat.txt']);
    const db = openVaultDb(engine.vaultDir);
    const sha = db.prepare('SELECT sha256 FROM archive_files').pluck().get() as string;
    db.close();
    await chmod(blobPath(engine.vaultDir, sha), 0o644);
    await writeFile(blobPath(engine.vaultDir, sha), 'tampered');
    const destination = await tempDir();
    const failure = await restoreArchive({
      vaultDir: engine.vaultDir,
      db: engine.db,
      archiveId: 'a_hostile',
      destination,
    }).catch((error: unknown) => error);
    await engine.close();
    expect(failure).toMatchObject({ code: 'RESTORE_MISMATCH' });
    expect(await readdir(destination)).toEqual([]);
  });

  it('says which stored file is missing', async () => {
    const engine = await vaultWithArchive(['chat.txt']);
    const db = openVaultDb(engine.vaultDir);
    const sha = db.prepare('SELECT sha256 FROM archive_files').pluck().get() as string;
    db.close();
    const { rm } = await import('node:fs/promises');
    await rm(blobPath(engine.vaultDir, sha));
    const destination = await tempDir();
    const failure = await restoreArchive({
      vaultDir: engine.vaultDir,
      db: engine.db,
      archiveId: 'a_hostile',
      destination,
    }).catch((error: unknown) => error);
    await engine.close();
    expect(failure).toMatchObject({ code: 'BLOB_MISSING', file: blobPath(engine.vaultDir, sha) });
    expect(await readdir(destination)).toEqual([]);
  });

  it('stops when cancelled and leaves no folder behind', async () => {
    const engine = await vaultWithArchive(Array.from({ length: 30 }, (_, i) => `f${i}.txt`));
    const destination = await tempDir();
    const controller = new AbortController();
    const failure = await restoreArchive({
      vaultDir: engine.vaultDir,
      db: engine.db,
      archiveId: 'a_hostile',
      destination,
      signal: controller.signal,
      onProgress: (done) => {
        if (done > 0) controller.abort();
      },
    }).catch((error: unknown) => error);
    await engine.close();
    expect(failure).toMatchObject({ code: 'CANCELLED' });
    expect(await readdir(destination)).toEqual([]);
  });

  it('names an unknown archive and a destination that is a file', async () => {
    const engine = await vaultWithArchive(['chat.txt']);
    const file = path.join(await tempDir(), 'a-file');
    await writeFile(file, 'x');
    await expect(
      restoreArchive({
        vaultDir: engine.vaultDir,
        db: engine.db,
        archiveId: 'a_nope',
        destination: file,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      restoreArchive({
        vaultDir: engine.vaultDir,
        db: engine.db,
        archiveId: 'a_hostile',
        destination: file,
      }),
    ).rejects.toMatchObject({ code: 'DESTINATION_NOT_A_FOLDER', file });
    await expect(
      restoreArchive({
        vaultDir: engine.vaultDir,
        db: engine.db,
        archiveId: 'a_hostile',
        destination: 'relative/dir',
      }),
    ).rejects.toMatchObject({ code: 'DESTINATION_NOT_ABSOLUTE' });
    await engine.close();
  });
});
