import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChatLabJson } from '../../../src/main/engine/readers/chatlab';
import type { Reader, ReadRecord } from '../../../src/main/engine/readers/records';
import { eachRecord } from '../../support/each-record';
import { readerFor } from '../../../src/main/engine/readers/registry';
import { openExportSource } from '../../../src/main/engine/source/open-export-source';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

async function recordsOf(file: string, read: Reader | undefined): Promise<ReadRecord[]> {
  if (read === undefined) throw new Error('no reader');
  const { source } = await openExportSource(file, 'file');
  const records: ReadRecord[] = [];
  for await (const record of eachRecord(read(source, {}))) records.push(record);
  return records;
}

describe('the reader registry', () => {
  it('a reader loaded on first use reads exactly as the reader itself, every time', async () => {
    const file = path.join(await tempDir(), 'chat.json');
    await writeFile(
      file,
      JSON.stringify({
        chatlab: { version: '0.0.2', exportedAt: 1700000000 },
        meta: { name: '家人群', platform: 'wechat', type: 'group' },
        members: [{ platformId: 'u1', accountName: '妈妈' }],
        messages: [
          {
            sender: 'u1',
            accountName: '妈妈',
            timestamp: 1700000000,
            type: 0,
            content: '吃饭了吗',
          },
          { sender: 'u1', accountName: '妈妈', timestamp: 1700000060, type: 0, content: '回电话' },
        ],
      }),
    );
    const direct = await recordsOf(file, readChatLabJson);
    expect(direct.filter((record) => record.type === 'message')).toHaveLength(2);
    expect(await recordsOf(file, readerFor('chatlab-json'))).toEqual(direct);
    expect(await recordsOf(file, readerFor('chatlab-json'))).toEqual(direct);
  });
});
