import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inThreadSink, type BatchSink } from '../../../src/main/engine/import/batch-sink';
import { runImport, type RunImportOptions } from '../../../src/main/engine/import/run-import';
import {
  plainMessage,
  type Reader,
  type ReadRecord,
} from '../../../src/main/engine/readers/records';
import { blobPath } from '../../../src/main/engine/vault/blob-store';
import {
  chatLines,
  fakeWhatsAppReader,
  type FakeReaderOptions,
} from '../../support/fake-whatsapp-reader';
import { makeZip } from '../../support/make-zip';
import { useTempDirs } from '../../support/temp-dir';
import { count, openVaultDb } from '../../support/vault-db';

const tempDir = useTempDirs();

async function setup() {
  const vaultDir = await tempDir();
  const inputDir = await tempDir();
  const db = openVaultDb(vaultDir);
  const run = (
    file: string,
    reader: FakeReaderOptions = {},
    extra: Partial<RunImportOptions> = {},
  ) =>
    runImport({
      db,
      vaultDir,
      inputPath: file,
      readerFor: () => fakeWhatsAppReader(reader),
      ...extra,
    });
  const write = async (name: string, text: string) => {
    const file = path.join(inputDir, name);
    await writeFile(file, text);
    return file;
  };
  return { vaultDir, db, run, write };
}

describe('an import', () => {
  it('adds every message and keeps the original byte for byte', async () => {
    const { db, run, write, vaultDir } = await setup();
    const file = await write('WhatsApp Chat with Test.txt', chatLines(250));
    const result = await run(file);
    expect(result).toMatchObject({
      status: 'imported',
      format: 'whatsapp-txt',
      conversations: 1,
      messagesAdded: 250,
      messagesExisting: 0,
      error: null,
    });
    expect(count(db, 'SELECT count(*) FROM messages')).toBe(250);
    const sha = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
    expect(db.prepare('SELECT sha256, status FROM archives').get()).toEqual({
      sha256: sha,
      status: 'complete',
    });
    expect(await readFile(blobPath(vaultDir, sha))).toEqual(await readFile(file));
    expect(db.prepare('SELECT path, sha256 FROM archive_files').all()).toEqual([
      { path: 'WhatsApp Chat with Test.txt', sha256: sha },
    ]);
    expect(db.prepare('SELECT message_count, first_at, last_at FROM conversations').get()).toEqual({
      message_count: 250,
      first_at: Date.UTC(2020, 0, 1, 0, 0),
      last_at: Date.UTC(2020, 0, 1, 4, 9),
    });
    db.close();
  });

  it('of the same bytes again is unchanged and adds nothing', async () => {
    const { db, run, write } = await setup();
    const file = await write('WhatsApp Chat with Test.txt', chatLines(50));
    const first = await run(file);
    const second = await run(file);
    expect(second).toMatchObject({
      status: 'unchanged',
      archiveId: first.archiveId,
      messagesAdded: 0,
      messagesExisting: 50,
    });
    expect(count(db, 'SELECT count(*) FROM archives')).toBe(1);
    expect(count(db, 'SELECT count(*) FROM messages')).toBe(50);
    db.close();
  });

  it('of a newer overlapping export adds only what is new and removes nothing', async () => {
    const { db, run, write } = await setup();
    await run(await write('old.txt', chatLines(100)));
    // The newer export lost messages 0-19 (deleted on the phone) and has 30 new ones.
    const result = await run(await write('new.txt', chatLines(110, 20)));
    expect(result).toMatchObject({ status: 'imported', messagesAdded: 30, messagesExisting: 80 });
    expect(count(db, 'SELECT count(*) FROM messages')).toBe(130);
    expect(count(db, "SELECT count(*) FROM messages WHERE text = 'message 0'")).toBe(1);
    expect(count(db, 'SELECT message_count FROM conversations')).toBe(130);
    db.close();
  });

  it('keeps two real identical messages in the same minute, and only those two on re-import', async () => {
    const { db, run, write } = await setup();
    const same = '1/1/20, 9:00 - Ana: ok\n';
    await run(await write('a.txt', `${same}${same}1/1/20, 9:01 - Bo: fine\n`));
    expect(count(db, "SELECT count(*) FROM messages WHERE text = 'ok'")).toBe(2);
    const again = await run(
      await write('b.txt', `${same}${same}1/1/20, 9:01 - Bo: fine\n1/1/20, 9:02 - Bo: new\n`),
    );
    expect(again).toMatchObject({ messagesAdded: 1, messagesExisting: 3 });
    expect(count(db, "SELECT count(*) FROM messages WHERE text = 'ok'")).toBe(2);
    db.close();
  });

  it('that breaks part-way keeps every message before the break and says where it broke', async () => {
    const { db, run, write } = await setup();
    const file = await write('broken.txt', chatLines(300));
    const result = await run(file, { breakAfter: 120 });
    expect(result).toMatchObject({
      status: 'partial',
      messagesAdded: 120,
      error: { code: 'TRUNCATED', file, position: { line: 121 } },
    });
    expect(count(db, 'SELECT count(*) FROM messages')).toBe(120);
    expect(db.prepare('SELECT status FROM archives').pluck().get()).toBe('partial');
    db.close();
  });

  it('commits a small first batch early, so the first messages are visible at once', async () => {
    const { db, run, write } = await setup();
    const seen: number[] = [];
    await run(
      await write('big.txt', chatLines(5000)),
      {},
      {
        onCommit: () => seen.push(count(db, 'SELECT count(*) FROM messages')),
      },
    );
    expect(seen[0]).toBeLessThanOrEqual(100);
    expect(seen.at(-1)).toBe(5000);
    db.close();
  });

  it('indexes Chinese text one character per token', async () => {
    const { db, run, write } = await setup();
    await run(
      await write('zh.txt', '1/1/20, 9:00 - 妈妈: 今天吃饺子了吗\n1/1/20, 9:01 - 我: 吃了\n'),
    );
    const match = (query: string) =>
      count(db, 'SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?', query);
    expect(match('"饺"')).toBe(1);
    expect(match('"吃 饺 子"')).toBe(1);
    expect(match('"吃"')).toBe(2);
    expect(match('"饺 吃"')).toBe(0);
    db.close();
  });

  it('of a zip skips unsafe entries with a warning, writes nothing outside the vault and keeps the zip whole', async () => {
    const { db, run, vaultDir } = await setup();
    const outside = await tempDir();
    const zip = path.join(outside, 'WhatsApp Chat with Test.zip');
    await writeFile(
      zip,
      makeZip([
        { name: '_chat.txt', data: chatLines(10) },
        { name: '../escape.txt', data: 'should never be written' },
        { name: 'link.jpg', data: '/etc/passwd', mode: 0o120777 },
      ]),
    );
    const result = await run(zip);
    expect(result).toMatchObject({ status: 'imported', messagesAdded: 10 });
    expect(result.warnings.map((warning) => [warning.code, warning.entry])).toEqual([
      ['ENTRY_SKIPPED', '../escape.txt'],
      ['ENTRY_SKIPPED', 'link.jpg'],
    ]);
    expect(await readdir(outside)).toEqual(['WhatsApp Chat with Test.zip']);
    expect(await readdir(path.dirname(vaultDir))).not.toContain('escape.txt');
    const sha = createHash('sha256')
      .update(await readFile(zip))
      .digest('hex');
    expect(db.prepare('SELECT sha256 FROM archives').pluck().get()).toBe(sha);
    db.close();
  });

  it('that is cancelled keeps what was committed and says it was cancelled', async () => {
    const { db, run, write } = await setup();
    const controller = new AbortController();
    const result = await run(
      await write('big.txt', chatLines(30_000)),
      {},
      {
        signal: controller.signal,
        onCommit: () => controller.abort(),
      },
    );
    expect(result).toMatchObject({ status: 'partial', error: { code: 'CANCELLED' } });
    const kept = count(db, 'SELECT count(*) FROM messages');
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(30_000);
    expect(result.messagesAdded).toBe(kept);
    db.close();
  });

  it('whose writer fails part-way sends nothing after the failure, and a new run adds the rest', async () => {
    const { db, run, write } = await setup();
    const file = await write('big.txt', chatLines(30_000));
    const writer = inThreadSink(db);
    let commits = 0;
    let firstCheckpoint = 0;
    const failingSecond: BatchSink = {
      commit: (batch, archiveId, job) => {
        commits += 1;
        if (commits === 1) firstCheckpoint = job.recordsDone;
        return commits === 2
          ? Promise.reject(new Error('disk full'))
          : writer.commit(batch, archiveId, job);
      },
      close: () => writer.close(),
    };
    const result = await run(file, {}, { sink: failingSecond });
    expect(result).toMatchObject({
      status: 'partial',
      error: { message: expect.stringContaining('disk full') },
    });
    expect(commits).toBe(2);
    const kept = count(db, 'SELECT count(*) FROM messages');
    expect(kept).toBe(100);
    // The job's checkpoint is where the last written batch left it.
    expect(count(db, 'SELECT records_done FROM import_jobs')).toBe(firstCheckpoint);

    const again = await run(file);
    expect(again.status).toBe('imported');
    expect(count(db, 'SELECT count(*) FROM messages')).toBe(30_000);
    expect(count(db, 'SELECT count(DISTINCT key) FROM messages')).toBe(30_000);
    db.close();
  });

  it('keeps every message in order, the ones whose media are stored later among them', async () => {
    const { db, vaultDir } = await setup();
    const zip = path.join(await tempDir(), 'WhatsApp Chat with Test.zip');
    await writeFile(
      zip,
      makeZip([
        { name: '_chat.txt', data: chatLines(10) },
        { name: 'a.jpg', data: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
      ]),
    );
    const total = 3_000;
    const withPhoto = new Set([150, 700, 2_990]);
    const reader: Reader = async function* read() {
      yield { type: 'conversation', ref: 'c', platform: 'whatsapp', title: 'T', identity: 'order' };
      for (let index = 0; index < total; index += 1) {
        // As a reader does between chunks of its file: other work (storing a photo) goes on.
        if (index % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
        const attachments = withPhoto.has(index)
          ? [{ entryPath: 'a.jpg', name: 'a.jpg', mime: 'image/jpeg' }]
          : [];
        const message = plainMessage({ sentAt: index * 1000, sender: 'Ana', text: `m${index}` });
        yield { type: 'message', conversationRef: 'c', message: { ...message, attachments } };
      }
    };
    const result = await runImport({ db, vaultDir, inputPath: zip, readerFor: () => reader });
    expect(result.error).toBeNull();
    expect(result).toMatchObject({ status: 'imported', messagesAdded: total });
    const texts = db.prepare('SELECT text FROM messages ORDER BY id').pluck().all();
    expect(texts).toEqual(Array.from({ length: total }, (_, index) => `m${index}`));
    const photos = db
      .prepare(
        'SELECT m.text FROM messages m JOIN attachments a ON a.message_id = m.id ORDER BY m.id',
      )
      .pluck()
      .all();
    expect(photos).toEqual(['m150', 'm700', 'm2990']);
    db.close();
  });

  it('takes records in arrays, and resumes from a checkpoint inside one', async () => {
    const { db, vaultDir } = await setup();
    const input = path.join(await tempDir(), 'WhatsApp Chat with T.txt');
    await writeFile(input, chatLines(10));
    const total = 25_000;
    // Arrays of 777 records: batches (100, then 10,000 messages) end inside them.
    const reader: Reader = async function* read() {
      yield {
        type: 'conversation',
        ref: 'c',
        platform: 'whatsapp',
        title: 'T',
        identity: 'arrays',
      };
      let ready: ReadRecord[] = [];
      for (let index = 0; index < total; index += 1) {
        const message = plainMessage({ sentAt: index * 1000, sender: 'Ana', text: `m${index}` });
        ready.push({ type: 'message', conversationRef: 'c', message });
        if (ready.length === 777) {
          yield ready;
          ready = [];
        }
      }
      if (ready.length > 0) yield ready;
    };
    // As a kill leaves it: the third commit never ends, and the job stays at the second's checkpoint.
    const writer = inThreadSink(db);
    let commits = 0;
    const stalling: BatchSink = {
      commit: (batch, archiveId, job) => {
        commits += 1;
        return commits >= 3 ? new Promise(() => undefined) : writer.commit(batch, archiveId, job);
      },
      close: () => writer.close(),
    };
    const options = { vaultDir, inputPath: input, readerFor: () => reader };
    void runImport({ ...options, db, sink: stalling });
    while (commits < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(count(db, 'SELECT count(*) FROM messages')).toBe(10_100);
    expect(count(db, "SELECT records_done FROM import_jobs WHERE state = 'running'")).toBe(10_101);

    const again = openVaultDb(vaultDir);
    const resumed = await runImport({ ...options, db: again });
    expect(resumed).toMatchObject({ status: 'imported', messagesAdded: total });
    const texts = again.prepare('SELECT text FROM messages ORDER BY sent_at').pluck().all();
    expect(texts).toEqual(Array.from({ length: total }, (_, index) => `m${index}`));
    again.close();
    db.close();
  });

  it('reports an unknown file without creating an archive', async () => {
    const { db, run, write } = await setup();
    const result = await run(await write('notes.txt', 'shopping list\n'));
    expect(result).toMatchObject({
      status: 'failed',
      archiveId: null,
      error: { code: 'UNKNOWN_FORMAT' },
    });
    expect(count(db, 'SELECT count(*) FROM archives')).toBe(0);
    db.close();
  });

  it('reports a missing path as NOT_FOUND', async () => {
    const { db, run } = await setup();
    const missing = path.join(await tempDir(), 'gone.zip');
    expect(await run(missing)).toMatchObject({
      status: 'failed',
      error: { code: 'NOT_FOUND', file: missing },
    });
    db.close();
  });
});
