/**
 * Streaming JSON for readers of big exports (Telegram, and later Discord, Messenger, ChatLab): the
 * document is never held whole, only the values the caller selects, one at a time. Memory stays
 * flat whatever the file's size; a single selected value (or token) over `maxValueBytes` stops the
 * read with RECORD_TOO_LARGE before more of it is buffered.
 *
 * Errors are ReadErrors with the entry and the byte offset where the input breaks: INVALID_JSON,
 * INVALID_UTF8, TRUNCATED (the input ends inside the document), RECORD_TOO_LARGE. Every event
 * before the break is yielded before the error is thrown, so a reader keeps all complete records.
 */
import { MAX_RECORD_BYTES } from '../read-error';
import { formatLimit, jsonError } from './json-errors';
import { JsonAssembler, type JsonEvent, type JsonSelection } from './json-assembler';
import { JsonTokenizer } from './json-tokenizer';
import type { JsonPath, JsonValue } from './json-value';

export type { JsonEvent, JsonSelection } from './json-assembler';

export type JsonStreamOptions = Readonly<{
  /** What to do with the value at `path` (see JsonAssembler): 'value', 'walk' or 'skip'. */
  select: (path: JsonPath) => JsonSelection;
  /** The largest selected value, and the largest single token, in source bytes. */
  maxValueBytes?: number;
  /** The entry's name, for error positions. */
  entry?: string;
  /** Also accept what Telegram Desktop writes that is not JSON (see json-tokenizer.ts). */
  telegramDesktopQuirks?: boolean;
  /**
   * Whether selected objects and arrays that are strict JSON are parsed whole by JSON.parse (the
   * default; the same values and errors, much faster). False reads every value token by token.
   */
  rawValues?: boolean;
}>;

/** Input is fed in pieces no larger than this, so the limits are checked at least this often. */
const PIECE_BYTES = 256 * 1024;

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array)
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  throw new TypeError('A JSON stream must yield bytes.');
}

/** Streams one JSON document from `input` (a Readable, or any async iterable of bytes). */
export async function* streamJson(
  input: AsyncIterable<unknown>,
  options: JsonStreamOptions,
): AsyncGenerator<JsonEvent, void, undefined> {
  for await (const batch of streamJsonBatches(input, options)) yield* batch;
}

/**
 * The events of streamJson in batches (those of each piece of input), for readers that handle
 * many small events: one await per batch instead of one per event. Never yields an empty batch.
 */
export async function* streamJsonBatches(
  input: AsyncIterable<unknown>,
  options: JsonStreamOptions,
): AsyncGenerator<readonly JsonEvent[], void, undefined> {
  const maxValueBytes = options.maxValueBytes ?? MAX_RECORD_BYTES;
  const events: JsonEvent[] = [];
  const assembler = new JsonAssembler(
    { select: options.select, maxValueBytes, entry: options.entry },
    (event) => events.push(event),
  );
  const tokenizer = new JsonTokenizer(
    {
      entry: options.entry,
      telegramDesktopQuirks: options.telegramDesktopQuirks,
      maxRawBytes: maxValueBytes,
    },
    assembler.token,
    options.rawValues === false ? undefined : assembler,
  );
  /** Runs one step; a failure is returned, to be thrown after the events before it are out. */
  const feed = (step: () => void): Readonly<{ error: unknown }> | null => {
    try {
      step();
      return null;
    } catch (error: unknown) {
      return { error };
    }
  };
  for await (const raw of input) {
    const chunk = toBuffer(raw);
    for (let at = 0; at < chunk.length; at += PIECE_BYTES) {
      const piece = chunk.subarray(at, at + PIECE_BYTES);
      const failure = feed(() => {
        tokenizer.write(piece);
        // The record being assembled first (its start is the more useful position), then a lone
        // token outside any record (a huge string in a part of the file nobody reads).
        assembler.checkBuffered(tokenizer.bytes);
        const tokenStart = tokenizer.openTokenStart;
        if (tokenStart >= 0 && tokenizer.bytes - tokenStart > maxValueBytes) {
          const limit = formatLimit(maxValueBytes);
          throw jsonError(
            'RECORD_TOO_LARGE',
            `A single JSON value is larger than ${limit}`,
            tokenStart,
            options.entry,
          );
        }
      });
      if (events.length > 0) yield events.splice(0);
      if (failure !== null) throw failure.error;
    }
  }
  const failure = feed(() => {
    tokenizer.end();
    assembler.end(tokenizer.bytes);
  });
  if (events.length > 0) yield events.splice(0);
  if (failure !== null) throw failure.error;
}

export type JsonArrayItem = Readonly<{ path: JsonPath; value: JsonValue; byte: number }>;

/**
 * The items of every array whose path `isItemArray` accepts (e.g. `path => path.join('.') ===
 * 'messages'`), each assembled whole, in document order. Everything else is only checked.
 */
export async function* streamJsonArrayItems(
  input: AsyncIterable<unknown>,
  isItemArray: (path: JsonPath) => boolean,
  options: Omit<JsonStreamOptions, 'select'> = {},
): AsyncGenerator<JsonArrayItem, void, undefined> {
  const select = (path: JsonPath): JsonSelection =>
    typeof path.at(-1) === 'number' && isItemArray(path.slice(0, -1)) ? 'value' : 'walk';
  for await (const event of streamJson(input, { ...options, select })) {
    if (event.type === 'value') yield { path: event.path, value: event.value, byte: event.byte };
  }
}
