import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  streamJson,
  streamJsonArrayItems,
  type JsonEvent,
  type JsonSelection,
} from '../../../src/main/engine/readers/json/json-stream';
import type { JsonPath, JsonValue } from '../../../src/main/engine/readers/json/json-value';
import { ReadError } from '../../../src/main/engine/readers/read-error';

function chunked(input: string | Buffer, size: number): Readable {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return Readable.from(chunks);
}

type StreamOptions = { quirks?: boolean; maxValueBytes?: number };

async function events(
  input: string | Buffer,
  select: (path: JsonPath) => JsonSelection,
  size = 3,
  options: StreamOptions = {},
): Promise<JsonEvent[]> {
  const out: JsonEvent[] = [];
  const stream = streamJson(chunked(input, size), {
    select,
    entry: 'data.json',
    maxValueBytes: options.maxValueBytes,
    telegramDesktopQuirks: options.quirks,
  });
  for await (const event of stream) out.push(event);
  return out;
}

/** The whole document as one selected value. */
async function parse(
  input: string | Buffer,
  size = 3,
  options: StreamOptions = {},
): Promise<JsonValue> {
  const all = await events(input, () => 'value', size, options);
  const root = all.find((event) => event.type === 'value');
  if (root?.type !== 'value') throw new Error('no value');
  return root.value;
}

async function failure(
  input: string | Buffer,
  size = 3,
  options: StreamOptions = {},
): Promise<ReadError> {
  try {
    await parse(input, size, options);
  } catch (error: unknown) {
    if (error instanceof ReadError) return error;
    throw error;
  }
  throw new Error('no error');
}

/** A small deterministic generator (mulberry32), so the random documents are the same every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = [
  '',
  'plain',
  'quote " and \\ backslash',
  'line\nbreak\ttab',
  'é ñ ü',
  '👀 🇧🇷',
  '\u2028\u0001\u001f',
  '日本語',
];

function document(next: () => number, depth = 0): JsonValue {
  const pick = Math.floor(next() * 9);
  if (depth > 3 || pick < 5) {
    const scalars: JsonValue[] = [
      null,
      true,
      false,
      Math.floor(next() * 1e12) - 5e11,
      next() * 1e6,
      -0.5e-7,
    ];
    const strings = STRINGS[Math.floor(next() * STRINGS.length)] ?? '';
    return pick < 2 ? strings : (scalars[Math.floor(next() * scalars.length)] ?? null);
  }
  const size = Math.floor(next() * 4);
  if (pick < 7) return Array.from({ length: size }, () => document(next, depth + 1));
  const object: Record<string, JsonValue> = {};
  for (let index = 0; index < size; index += 1)
    object[`k${index}${STRINGS[index] ?? ''}`] = document(next, depth + 1);
  return object;
}

describe('streamJson', () => {
  it('assembles the same values as JSON.parse, however the bytes are chunked', async () => {
    const next = random(20240115);
    for (let round = 0; round < 150; round += 1) {
      const value = document(next);
      const text = JSON.stringify(value, null, round % 3);
      for (const size of [1, 2, 5, 64, 1 << 20]) {
        expect(await parse(text, size), `${text} in chunks of ${size}`).toEqual(JSON.parse(text));
      }
    }
  });

  it('walks the containers it is told to, assembles the selected values and skips the rest', async () => {
    const json = '{"meta": {"big": [1, 2, 3]}, "name": "x", "items": [{"a": 1}, {"b": [2]}]}';
    const select = (path: JsonPath): JsonSelection => {
      if (path.length === 0 || (path.length === 1 && path[0] === 'items')) return 'walk';
      if (path[0] === 'items' || path[0] === 'name') return 'value';
      return 'skip';
    };
    const seen = (await events(json, select)).map((event) =>
      event.type === 'value'
        ? ['value', event.path, event.value, event.byte]
        : [event.type, event.path, event.container, event.byte],
    );
    expect(seen).toEqual([
      ['open', [], 'object', 0],
      ['value', ['name'], 'x', 37],
      ['open', ['items'], 'array', 51],
      ['value', ['items', 0], { a: 1 }, 52],
      ['value', ['items', 1], { b: [2] }, 62],
      ['close', ['items'], 'array', 72],
      ['close', [], 'object', 73],
    ]);
  });

  it('yields the items of the arrays asked for, with their byte offsets', async () => {
    const json = '{"guild": {"id": 1}, "messages": [{"id": "1"}, {"id": "2"}]}';
    const items = [];
    const isMessages = (path: JsonPath): boolean => path.length === 1 && path[0] === 'messages';
    for await (const item of streamJsonArrayItems(chunked(json, 4), isMessages)) items.push(item);
    expect(items).toEqual([
      { path: ['messages', 0], value: { id: '1' }, byte: 34 },
      { path: ['messages', 1], value: { id: '2' }, byte: 47 },
    ]);
  });

  it('skips a UTF-8 byte-order mark without shifting byte offsets', async () => {
    const json = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[{"a": 1}]')]);
    const select = (path: JsonPath): JsonSelection => (path.length === 0 ? 'walk' : 'value');
    const values = (await events(json, select, 1)).filter((event) => event.type === 'value');
    expect(values).toEqual([{ type: 'value', path: [0], value: { a: 1 }, byte: 4 }]);
  });

  it('keeps a "__proto__" key as data', async () => {
    const value = await parse('{"__proto__": {"polluted": true}}');
    expect(Object.keys(value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads escapes, including surrogate pairs split across chunks', async () => {
    expect(await parse('["\\ud83d\\udc40 \\u00e9 \\/ \\b\\f\\n\\r\\t"]', 1)).toEqual([
      '👀 é / \b\f\n\r\t',
    ]);
  });

  it.each([
    ['an empty input', '', 0],
    ['a cut string', '{"a": "bc', 9],
    ['a cut literal', '[tru', 4],
    ['a cut number', '[1.', 3],
    ['an open array', '[1, 2', 5],
    ['an open object after a comma', '{"a": 1,', 8],
  ])('reports %s as TRUNCATED at the end of the input', async (_name, json, byte) => {
    const error = await failure(json);
    expect(error.code).toBe('TRUNCATED');
    expect(error.position).toEqual({ entry: 'data.json', byte });
  });

  it.each([
    ['a trailing comma', '[1, 2,]', 6],
    ['a doubled comma', '{"a": 1,, "b": 2}', 8],
    ['a missing colon', '{"a" 1}', 5],
    ['a second document', '{} []', 3],
    ['a bad literal', '[nul]', 4],
    ['a leading zero', '[01]', 1],
    ['a raw control character in a string', '["a\tb"]', 3],
    ['an unknown escape', '["a\\qb"]', 3],
    ['a \\x escape without the Telegram quirks', '["\\x01"]', 2],
    ['an unquoted value without the Telegram quirks', '{"a": b}', 6],
  ])('reports %s as INVALID_JSON at its byte', async (_name, json, byte) => {
    const error = await failure(json);
    expect(error.code).toBe('INVALID_JSON');
    expect(error.position.byte).toBe(byte);
    expect(error.message).toMatch(/data\.json/);
  });

  it('reports bytes that are not UTF-8 as INVALID_UTF8 at the first bad byte, even split across chunks', async () => {
    for (const bad of [[0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8], [0xc0, 0xaf]]) {
      const json = Buffer.concat([
        Buffer.from('{"ok": "é", "bad": "xy'),
        Buffer.from(bad),
        Buffer.from('z"}'),
      ]);
      for (const size of [1, 2, 64]) {
        const error = await failure(json, size);
        expect(error.code, `${bad.join(',')} in chunks of ${size}`).toBe('INVALID_UTF8');
        expect(error.position.byte).toBe(Buffer.byteLength('{"ok": "é", "bad": "xy'));
      }
    }
  });

  it('reports a UTF-16 file as INVALID_UTF8 at its first byte', async () => {
    const error = await failure(Buffer.from('\ufeff[1]', 'utf16le'));
    expect(error.code).toBe('INVALID_UTF8');
    expect(error.position.byte).toBe(0);
  });

  it('stops a selected value larger than the limit at its start, before reading it all', async () => {
    const json = `[{"a": 1}, {"text": "${'x'.repeat(50_000)}"}]`;
    const select = (path: JsonPath): JsonSelection => (path.length === 0 ? 'walk' : 'value');
    const seen: JsonEvent[] = [];
    let caught: unknown = null;
    try {
      const stream = streamJson(chunked(json, 512), { select, maxValueBytes: 1000 });
      for await (const event of stream) seen.push(event);
    } catch (error: unknown) {
      caught = error;
    }
    expect(seen.filter((event) => event.type === 'value').map((event) => event.byte)).toEqual([1]);
    expect(caught).toBeInstanceOf(ReadError);
    expect((caught as ReadError).code).toBe('RECORD_TOO_LARGE');
    expect((caught as ReadError).position.byte).toBe(11);
  });

  it('stops a single huge string in a skipped part of the document too', async () => {
    const json = `{"skipped": "${'x'.repeat(5_000)}", "wanted": 1}`;
    const select = (path: JsonPath): JsonSelection =>
      path.length === 0 ? 'walk' : path[0] === 'wanted' ? 'value' : 'skip';
    await expect(events(json, select, 256, { maxValueBytes: 1000 })).rejects.toMatchObject({
      code: 'RECORD_TOO_LARGE',
      position: { byte: 12 },
    });
  });

  describe('with Telegram Desktop quirks', () => {
    const quirks = { quirks: true };

    it('reads \\xNN escapes as control characters', async () => {
      expect(await parse('["1=412\\x012=97180\\x0C"]', 2, quirks)).toEqual([
        '1=412\u00012=97180\u000c',
      ]);
    });

    it('drops the raw bytes Telegram Desktop leaves after \\u2028 and \\u2029, even split across chunks', async () => {
      const json = Buffer.concat([
        Buffer.from('["a\\u2028'),
        Buffer.from([0x80, 0xa8]),
        Buffer.from('b\\u2029'),
        Buffer.from([0x80, 0xa9]),
        Buffer.from('c\\u2028d"]'),
      ]);
      for (const size of [1, 2, 64])
        expect(await parse(json, size, quirks)).toEqual(['a\u2028b\u2029c\u2028d']);
    });

    it('reads an unquoted value after a colon to the end of its line', async () => {
      const json = '{\n "document_id": video_files/sticker (2).webm,\n "other": stickers/é.webp\n}';
      expect(await parse(json, 3, quirks)).toEqual({
        document_id: 'video_files/sticker (2).webm',
        other: 'stickers/é.webp',
      });
    });
  });
});
