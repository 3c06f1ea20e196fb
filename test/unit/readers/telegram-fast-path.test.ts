/**
 * The Telegram reader over whole chunks, where most messages take the JSON.parse fast path (see
 * json-raw-value.ts): quirky and broken messages among normal ones read exactly as before.
 */
import { describe, expect, it } from 'vitest';
import { ReadError } from '../../../src/main/engine/readers/read-error';
import type { ReadRecord } from '../../../src/main/engine/readers/records';
import { eachRecord } from '../../support/each-record';
import { readTelegramJson } from '../../../src/main/engine/readers/telegram';
import { memorySource } from '../../support/memory-source';

type Outcome = Readonly<{ texts: string[]; error: ReadError | null }>;

function message(id: number, text: string): string {
  const unix = 1_700_000_000 + id * 60;
  return JSON.stringify(
    { id, type: 'message', date_unixtime: String(unix), from: 'Ana', text },
    null,
    1,
  );
}

function exportOf(messages: readonly (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [
    Buffer.from('{\n "name": "Ana",\n "type": "personal_chat",\n "id": 7,\n "messages": [\n'),
  ];
  messages.forEach((part, index) => {
    if (index > 0) parts.push(Buffer.from(',\n'));
    parts.push(Buffer.isBuffer(part) ? part : Buffer.from(part));
  });
  parts.push(Buffer.from('\n ]\n}\n'));
  return Buffer.concat(parts);
}

async function read(json: Buffer, chunkBytes: number): Promise<Outcome> {
  const source = memorySource({ 'result.json': json }, { chunkBytes });
  const records: ReadRecord[] = [];
  let error: ReadError | null = null;
  try {
    for await (const record of eachRecord(readTelegramJson(source, { timeZone: 'UTC' })))
      records.push(record);
  } catch (caught: unknown) {
    if (!(caught instanceof ReadError)) throw caught;
    error = caught;
  }
  const texts = records.flatMap((record) =>
    record.type === 'message' ? [record.message.text] : [],
  );
  return { texts, error };
}

const CHUNKS = [64, 1000, 1 << 20];

describe('the Telegram reader with the fast path', () => {
  it.each(CHUNKS)('reads quirky messages among normal ones (chunks of %i bytes)', async (size) => {
    const quirky = Buffer.concat([
      Buffer.from(message(2, 'PLACE').replace('"PLACE"', '"a\\x01b\\u2028')),
    ]);
    const [head, tail] = quirky.toString().split('\\u2028');
    const separator = Buffer.concat([
      Buffer.from(`${head!}\\u2028`),
      Buffer.from([0x80, 0xa8]),
      Buffer.from(`c"${tail!.slice(0)}`),
    ]);
    const bare = message(3, 'X').replace(
      '"text": "X"',
      '"text": [\n  {\n   "type": "custom_emoji",\n   "text": "😮",\n   "document_id": video_files/a"{b.webm\n  },\n  " wow"\n ]',
    );
    const json = exportOf([message(1, 'one'), separator, bare, message(4, 'four 😮 "}]')]);
    const { texts, error } = await read(json, size);
    expect(error).toBeNull();
    expect(texts).toEqual(['one', 'a\u0001b\u2028c', '😮 wow', 'four 😮 "}]']);
  });

  it.each(CHUNKS)(
    'stops at a broken message at the same byte (chunks of %i bytes)',
    async (size) => {
      const broken = message(2, 'BROKEN').replace('"BROKEN"', '"broken" "oops"');
      const json = exportOf([message(1, 'one'), broken, message(3, 'three')]);
      const { texts, error } = await read(json, size);
      expect(texts).toEqual(['one']);
      expect(error?.code).toBe('INVALID_JSON');
      expect(error?.position).toEqual({ entry: 'result.json', byte: json.indexOf('"oops"') });
    },
  );

  it.each(CHUNKS)(
    'stops at bytes that are not UTF-8 at the bad byte (chunks of %i bytes)',
    async (size) => {
      const [before, after] = message(2, 'BAD').split('BAD');
      const bad = Buffer.concat([
        Buffer.from(`${before!}ok `),
        Buffer.from([0xc3, 0x28]),
        Buffer.from(after!),
      ]);
      const json = exportOf([message(1, 'one'), bad, message(3, 'three')]);
      const { texts, error } = await read(json, size);
      expect(texts).toEqual(['one']);
      expect(error?.code).toBe('INVALID_UTF8');
      expect(error?.position.byte).toBe(json.indexOf(Buffer.from([0xc3, 0x28])));
    },
  );
});
