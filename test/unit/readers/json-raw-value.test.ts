/**
 * The fast path of the streaming JSON reader (json-raw-value.ts): a selected object or array that
 * is strict JSON is parsed whole by JSON.parse. Every document here is read both ways, split at
 * every offset, and must give the same events and the same error (code, message, byte).
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  streamJson,
  type JsonEvent,
  type JsonSelection,
} from '../../../src/main/engine/readers/json/json-stream';
import type { JsonPath } from '../../../src/main/engine/readers/json/json-value';
import { RawValueScanner } from '../../../src/main/engine/readers/json/json-raw-value';
import { ReadError } from '../../../src/main/engine/readers/read-error';

type Outcome = Readonly<{
  events: JsonEvent[];
  error: Readonly<{ code: string; message: string; position: unknown }> | null;
}>;
type Options = Readonly<{ rawValues: boolean; maxValueBytes?: number }>;

/** Like the Telegram reader: walk the root and `messages`, take each message whole. */
function select(path: JsonPath): JsonSelection {
  if (path.length === 0 || (path.length === 1 && path[0] === 'messages')) return 'walk';
  return path.length === 2 && path[0] === 'messages' ? 'value' : 'skip';
}

async function run(chunks: readonly Buffer[], options: Options): Promise<Outcome> {
  const events: JsonEvent[] = [];
  try {
    const stream = streamJson(Readable.from(chunks), {
      select,
      entry: 'result.json',
      telegramDesktopQuirks: true,
      maxValueBytes: options.maxValueBytes,
      rawValues: options.rawValues,
    });
    for await (const event of stream) events.push(event);
    return { events, error: null };
  } catch (error: unknown) {
    if (!(error instanceof ReadError)) throw error;
    return {
      events,
      error: { code: error.code, message: error.message, position: error.position },
    };
  }
}

/** The document split into two chunks at `at` (the whole of it when `at` is 0). */
function splitAt(bytes: Buffer, at: number): Buffer[] {
  return at === 0 ? [bytes] : [bytes.subarray(0, at), bytes.subarray(at)];
}

/** Reads `bytes` slowly in one chunk, then fast split at every offset; all must agree. */
async function expectSameEverywhere(bytes: Buffer, maxValueBytes?: number): Promise<Outcome> {
  const expected = await run([bytes], { rawValues: false, maxValueBytes });
  for (let at = 0; at < bytes.length; at += 1) {
    const chunks = splitAt(bytes, at);
    expect(await run(chunks, { rawValues: true, maxValueBytes }), `split at ${at}`).toEqual(
      expected,
    );
    expect(await run(chunks, { rawValues: false, maxValueBytes }), `slow, at ${at}`).toEqual(
      expected,
    );
  }
  const bytewise = [...bytes].map((byte) => Buffer.from([byte]));
  expect(await run(bytewise, { rawValues: true, maxValueBytes })).toEqual(expected);
  return expected;
}

function doc(...messages: readonly (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('{\n "name": "Ana",\n "messages": [\n  ')];
  messages.forEach((part, index) => {
    if (index > 0) parts.push(Buffer.from(',\n  '));
    parts.push(typeof part === 'string' ? Buffer.from(part, 'utf8') : part);
  });
  parts.push(Buffer.from('\n ]\n}\n'));
  return Buffer.concat(parts);
}

const NORMAL =
  '{"id": 1, "text": ["a \\"b\\" \\\\", {"type": "bold", "text": "é 😮"}], "n": -1.5e3}';
const NESTED =
  '{"id": 2, "x": [[], {}, [{"a": [1, [2]]}]], "s": "}]{[", "u": "\\u00e9\\ud83d\\ude2e"}';
const PROTO = '{"__proto__": {"a": 1}, "k": 1, "k": 2, "2": "two", "1": "one"}';

function values(outcome: Outcome): unknown[] {
  return outcome.events.flatMap((event) => (event.type === 'value' ? [event.value] : []));
}

describe('the raw fast path for selected values', () => {
  it('reads strict JSON the same as token by token, split anywhere', async () => {
    const outcome = await expectSameEverywhere(doc(NORMAL, NESTED, PROTO, '[1, "a"]', '7', '{}'));
    expect(outcome.error).toBeNull();
    expect(values(outcome)).toEqual([
      JSON.parse(NORMAL),
      JSON.parse(NESTED),
      JSON.parse(PROTO),
      [1, 'a'],
      7,
      {},
    ]);
    const proto = values(outcome)[2] as Record<string, unknown>;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(['1', '2', '__proto__', 'k']);
  });

  it('reads a message with Telegram Desktop quirks among normal ones', async () => {
    const separator = Buffer.concat([
      Buffer.from('{"id": 3, "text": "a\\x01b\\u2028'),
      Buffer.from([0x80, 0xa8]),
      Buffer.from('c"}'),
    ]);
    const bare = '{"id": 4, "e": [{"document_id": video_files/sticker (2).webm\n}], "t": "x"}';
    // A bare value with a quote and a brace in it, which the raw scan cannot follow.
    const tricky = '{"id": 5, "document_id": stickers/a"{b.webp,\n "t": "}"}';
    const outcome = await expectSameEverywhere(doc(NORMAL, separator, bare, tricky, NESTED));
    expect(outcome.error).toBeNull();
    expect(values(outcome)).toEqual([
      JSON.parse(NORMAL),
      { id: 3, text: 'a\u0001b\u2028c' },
      { id: 4, e: [{ document_id: 'video_files/sticker (2).webm' }], t: 'x' },
      { id: 5, document_id: 'stickers/a"{b.webp', t: '}' },
      JSON.parse(NESTED),
    ]);
  });

  it.each([
    ['a missing comma', doc(NORMAL, '{"id": 2 "text": "x"}', NESTED), 'INVALID_JSON'],
    ['a control character', doc(NORMAL, '{"t": "a\tb"}'), 'INVALID_JSON'],
    ['a bad escape', doc(NORMAL, '{"t": "a\\qb"}', NESTED), 'INVALID_JSON'],
    ['an extra bracket', doc(NORMAL, '{"t": [1]]}', NESTED), 'INVALID_JSON'],
    [
      'bytes that are not UTF-8',
      doc(
        NORMAL,
        Buffer.concat([Buffer.from('{"t": "ok '), Buffer.from([0xc3, 0x28, 0x22, 0x7d])]),
      ),
      'INVALID_UTF8',
    ],
    [
      'a broken \\u2028 tail',
      doc(Buffer.concat([Buffer.from('{"t": "\\u2028'), Buffer.from([0x80, 0x41, 0x22, 0x7d])])),
      'INVALID_UTF8',
    ],
    ['a file cut inside a message', doc(NORMAL).subarray(0, 60), 'TRUNCATED'],
    ['a file cut inside a string', Buffer.from('{"messages": [{"a": "b\\'), 'TRUNCATED'],
  ])('gives the same error for %s', async (_name, bytes, code) => {
    const outcome = await expectSameEverywhere(bytes);
    expect(outcome.error?.code).toBe(code);
  });

  it('gives the same RECORD_TOO_LARGE for a message over the limit, broken or not', async () => {
    const big = `{"t": "${'x'.repeat(40)}"}`;
    const small = '{"id": 0}';
    const cases: readonly [Buffer, string][] = [
      [doc(small, big, small), 'RECORD_TOO_LARGE'],
      [doc(small, `{"t": "${'x'.repeat(40)}" "u": 1}`), 'RECORD_TOO_LARGE'],
      [doc(small, `{"a": 1 "t": "${'x'.repeat(40)}"}`), 'INVALID_JSON'],
      [doc(small, `{"a": "\xff", "b": "\u2028", "t": "${'x'.repeat(40)}"`), 'RECORD_TOO_LARGE'],
    ];
    for (const [bytes, code] of cases) {
      const outcome = await expectSameEverywhere(bytes, 48);
      expect(outcome.error?.code).toBe(code);
      expect(values(outcome)).toEqual([{ id: 0 }]);
    }
    const fits = await expectSameEverywhere(doc(big), big.length);
    expect(values(fits)).toEqual([JSON.parse(big)]);
    const over = await expectSameEverywhere(doc(big), big.length - 1);
    expect(over.error?.code).toBe('RECORD_TOO_LARGE');
    expect(over.error?.position).toEqual({ entry: 'result.json', byte: doc(big).indexOf('{"t"') });
  });

  it('reads a root value taken whole, and stops at data after it', async () => {
    const root = async (text: string, rawValues: boolean): Promise<Outcome> => {
      const events: JsonEvent[] = [];
      try {
        const stream = streamJson(Readable.from([Buffer.from(text)]), {
          select: () => 'value',
          rawValues,
        });
        for await (const event of stream) events.push(event);
        return { events, error: null };
      } catch (error: unknown) {
        if (!(error instanceof ReadError)) throw error;
        return { events, error: { code: error.code, message: error.message, position: {} } };
      }
    };
    for (const text of ['\ufeff{"a": [1]}', '[1, 2] ', '{"a": 1} {', '[1]]', '{"a": 1']) {
      expect(await root(text, true), text).toEqual(await root(text, false));
    }
  });

  describe('pretty-printed values, found by their closing line', () => {
    /** A message as Telegram Desktop writes it inside `messages` (indented by two). */
    const pretty = (id: number, text: string): string =>
      `{\n   "id": ${id},\n   "text_entities": [\n    {\n     "text": ${JSON.stringify(text)}\n    }\n   ]\n  }`;
    /** Its nested object closes at the message's own indentation: the guess cannot parse. */
    const misleading = (id: number): string =>
      `{\n   "id": ${id},\n   "x": {\n  },\n   "t": "a"\n  }`;

    it('reads them as token by token does, split anywhere', async () => {
      const quirk = '{\n   "id": 9,\n   "text": "a\\x01b"\n  }';
      const escaped = pretty(3, 'a line\n  } that looks like the end');
      const outcome = await expectSameEverywhere(
        doc(pretty(1, 'é 😮 }'), misleading(2), escaped, quirk, pretty(4, '')),
      );
      expect(outcome.error).toBeNull();
      expect(values(outcome)).toEqual([
        { id: 1, text_entities: [{ text: 'é 😮 }' }] },
        { id: 2, x: {}, t: 'a' },
        { id: 3, text_entities: [{ text: 'a line\n  } that looks like the end' }] },
        { id: 9, text: 'a\u0001b' },
        { id: 4, text_entities: [{ text: '' }] },
      ]);
    });

    it('takes a value from its closing line without scanning it', () => {
      const bytes = Buffer.from(`[\n  ${pretty(1, '"}]')},\n  ${misleading(2)}\n]`);
      const scanner = new RawValueScanner(1024);
      const first = bytes.indexOf('{');
      scanner.begin(first);
      const read = scanner.read(bytes, first + 1, 0);
      expect(read?.value).toEqual({ id: 1, text_entities: [{ text: '"}]' }] });
      expect(read?.end).toBe(bytes.indexOf('\n  }') + 3);
      expect(scanner.guessedValues).toBe(1);

      const second = bytes.indexOf('{', (read?.end ?? 0) + 1);
      scanner.begin(second);
      const next = scanner.read(bytes, second + 1, 0);
      expect(next?.value).toEqual({ id: 2, x: {}, t: 'a' });
      expect(next?.end).toBe(bytes.length - 3);
      expect(scanner.guessedValues).toBe(1);
    });

    it('stops guessing after a few guesses that do not parse', () => {
      const messages = [...Array.from({ length: 10 }, (_, i) => misleading(i)), pretty(10, 'x')];
      const bytes = doc(...messages);
      const scanner = new RawValueScanner(1024);
      let at = bytes.indexOf('[') + 1;
      const read: unknown[] = [];
      for (;;) {
        const open = bytes.indexOf('{', at);
        if (open < 0 || read.length === messages.length) break;
        scanner.begin(open);
        const result = scanner.read(bytes, open + 1, 0);
        read.push(result?.value);
        at = (result?.end ?? bytes.length) + 1;
      }
      expect(read).toEqual(messages.map((message) => JSON.parse(message) as unknown));
      expect(scanner.guessedValues).toBe(0);
    });
  });
});
