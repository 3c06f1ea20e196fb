/**
 * A text entry as lines, streamed: bytes in, decoded lines out (a batch per chunk), each with its
 * line number and the byte offset where it starts. Nothing is held but the line being read, and a
 * line longer than the record limit ends the read before it is buffered further.
 *
 * UTF-8 (a BOM is skipped) is split on LF bytes and each line decoded strictly; UTF-16 with a BOM is
 * decoded as a stream. Line ends are LF or CRLF; a final line without an end is still a line.
 * Where the input breaks, the line is handed on marked `broken` and nothing follows it: the reader
 * can still tell whether it began a new message (so the one before it is complete).
 */
import type { TextLine } from './text-line';
import { utf16Lines } from './utf16-lines';
import { utf8Lines } from './utf8-lines';

export type { TextLine } from './text-line';

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

function encodingOf(head: Uint8Array): { encoding: Encoding; bomBytes: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', bomBytes: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  return { encoding: 'utf-8', bomBytes: 0 };
}

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  throw new TypeError('A text entry stream must yield bytes.');
}

/** Waits for the first three bytes (or the end) to see a byte-order mark, then yields everything. */
async function* withHead(
  chunks: AsyncIterable<unknown>,
): AsyncGenerator<{ head: Uint8Array } | { chunk: Uint8Array }> {
  const early: Uint8Array[] = [];
  let earlyBytes = 0;
  let headSent = false;
  for await (const raw of chunks) {
    const chunk = toBytes(raw);
    if (headSent) {
      yield { chunk };
      continue;
    }
    early.push(chunk);
    earlyBytes += chunk.length;
    if (earlyBytes >= 3) {
      headSent = true;
      const joined = Buffer.concat(early);
      yield { head: joined };
      yield { chunk: joined };
    }
  }
  if (!headSent) {
    const joined = Buffer.concat(early);
    yield { head: joined };
    yield { chunk: joined };
  }
}

/**
 * Streams the lines of one entry, a batch per chunk of input (one await per chunk, not per line).
 * `entry` names it in errors.
 */
export async function* readTextLines(
  chunks: AsyncIterable<unknown>,
  entry: string,
  maxLineBytes: number,
): AsyncGenerator<readonly TextLine[]> {
  const source = withHead(chunks);
  const first = await source.next();
  if (first.done === true || !('head' in first.value)) return;
  const { encoding, bomBytes } = encodingOf(first.value.head);
  const rest = (async function* () {
    for await (const item of source) if ('chunk' in item) yield item.chunk;
  })();
  if (encoding === 'utf-8') yield* utf8Lines(rest, entry, maxLineBytes, bomBytes);
  else yield* utf16Lines(rest, entry, maxLineBytes, encoding);
}
