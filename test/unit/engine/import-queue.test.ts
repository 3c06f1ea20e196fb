import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportItem } from '../../../src/shared/contract';
import { ImportQueue } from '../../../src/main/engine/import/import-queue';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

function queueWithLog() {
  const log: ImportItem[] = [];
  return { queue: new ImportQueue((item) => log.push(item)), log };
}

describe('import queue', () => {
  it('reports each path as queued, then checking, then its outcome, in submission order', async () => {
    const dir = await tempDir();
    const first = path.join(dir, 'a.txt');
    const second = path.join(dir, 'b.txt');
    await writeFile(first, 'hello\n');
    await writeFile(second, 'world\n');
    const { queue, log } = queueWithLog();
    queue.submit([first, second]);
    await queue.idle();
    expect(log.map((item) => `${item.name}:${item.status}`)).toEqual([
      'a.txt:queued',
      'b.txt:queued',
      'a.txt:checking',
      'a.txt:failed',
      'b.txt:checking',
      'b.txt:failed',
    ]);
  });

  it('names a missing path in a NOT_FOUND error', async () => {
    const missing = path.join(await tempDir(), 'gone.zip');
    const { queue } = queueWithLog();
    queue.submit([missing]);
    await queue.idle();
    expect(queue.list()).toEqual([
      expect.objectContaining({
        path: missing,
        status: 'failed',
        error: expect.objectContaining({ code: 'NOT_FOUND', file: missing }) as unknown,
      }),
    ]);
  });

  it('says a file holds no chat it knows, with its size', async () => {
    const file = path.join(await tempDir(), 'notes.txt');
    await writeFile(file, 'shopping list\n');
    const { queue } = queueWithLog();
    queue.submit([file]);
    await queue.idle();
    expect(queue.list()[0]).toMatchObject({
      status: 'failed',
      bytes: 14,
      error: { code: 'UNKNOWN_FORMAT', file },
    });
  });

  it('names the format it recognised and says plainly that this version cannot read it yet', async () => {
    const file = path.join(await tempDir(), 'WhatsApp Chat with Ana.txt');
    await writeFile(file, '12/31/20, 9:41 PM - Ana: Happy new year!\n');
    const { queue } = queueWithLog();
    queue.submit([file]);
    await queue.idle();
    const [item] = queue.list();
    expect(item).toMatchObject({
      format: 'whatsapp-txt',
      status: 'failed',
      error: { code: 'READER_NOT_AVAILABLE' },
    });
    expect(item?.error?.message).toContain('Nothing was stored');
  });

  it('reports an empty file as EMPTY_FILE', async () => {
    const file = path.join(await tempDir(), 'empty.json');
    await writeFile(file, '');
    const { queue } = queueWithLog();
    queue.submit([file]);
    await queue.idle();
    expect(queue.list()[0]).toMatchObject({
      status: 'failed',
      error: { code: 'EMPTY_FILE', file },
    });
  });
});
