/**
 * The fast path for a value the caller takes whole (a message object): its bytes are scanned for
 * the end of the object or array (depth, strings, escapes), then parsed by the native JSON.parse.
 * Only bytes that are strict JSON and valid UTF-8 take this path; anything else (Telegram
 * Desktop's quirks, broken input, a value over the limit) is handed back to the tokenizer, which
 * reads the same bytes token by token, so values and errors are exactly those of the slow path.
 *
 * The scan only decides where to stop (it gives up at the first byte that cannot be strict JSON,
 * so a quirk costs little); what is right rests on JSON.parse: bytes from the opening bracket that
 * parse as strict JSON in valid UTF-8 are a value the tokenizer would read the same way, ending at
 * the same byte. A value spanning chunks is copied until it ends (at most the record limit).
 */
import { isUtf8 } from 'node:buffer';
import type { JsonValue } from './json-value';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const EMPTY = Buffer.alloc(0);

function byteTable(bytes: string): Uint8Array {
  const table = new Uint8Array(256);
  for (let index = 0; index < bytes.length; index += 1) table[bytes.charCodeAt(index)] = 1;
  return table;
}

/** The bytes that may stand outside strings in strict JSON, apart from quotes and brackets. */
const OUTSIDE = byteTable(' \t\n\r:,0123456789-+.eEtrufalsn');
/** The bytes that may follow a backslash in strict JSON. */
const ESCAPED = byteTable('"\\/bfnrtu');

/** The caller of the tokenizer that can take a selected value whole (the assembler). */
export type RawValueSink = Readonly<{
  /** Whether the container just opened is a selected value that may be read raw. */
  wantsRaw: () => boolean;
  /** The raw-read value, whose closing bracket is at `endByte`. */
  rawValue: (value: JsonValue, endByte: number) => void;
}>;

/** What a raw read came to. */
export type RawRead = Readonly<{
  /**
   * The last byte read, in the last chunk: the closing bracket, or the byte before one that
   * cannot be strict JSON (the tokenizer reads on from the next).
   */
  end: number;
  /** The value's bytes, from its opening bracket. */
  bytes: Buffer;
  /** The value, or undefined when it is not strict JSON in UTF-8 within the limit. */
  value: JsonValue | undefined;
}>;

export class RawValueScanner {
  private readonly maxBytes: number;
  /** File offset of the opening bracket. */
  start = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** False when the scan stopped at a byte that cannot be strict JSON. */
  private strict = true;
  /** Copies of the bytes of earlier chunks (the opening bracket first). */
  private pieces: Buffer[] = [];
  private pieceBytes = 0;

  /** `maxBytes`: the largest value parsed raw (a larger one is read token by token). */
  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  /** Whether the value, still open after `consumed` bytes of input, has outgrown the limit. */
  overLimit(consumed: number): boolean {
    return consumed - this.start > this.maxBytes;
  }

  /**
   * Reads chunk[from..] (chunk[0] is at file offset `base`): null when the chunk ends inside the
   * value, else the value read.
   */
  read(chunk: Buffer, from: number, base: number): RawRead | null {
    const keepFrom = Math.max(0, this.start - base);
    const at = this.scan(chunk, from, keepFrom);
    if (at < 0) return null;
    // Not strict JSON: the bytes before `at` go back to the tokenizer, which goes on from `at`.
    if (!this.strict)
      return { end: at - 1, bytes: this.take(chunk, keepFrom, at), value: undefined };
    const bytes = this.take(chunk, keepFrom, at + 1);
    const fits = base + at + 1 - this.start <= this.maxBytes;
    return { end: at, bytes, value: fits ? parseStrict(bytes) : undefined };
  }

  /** Starts a value whose opening bracket is at file offset `start`. */
  begin(start: number): void {
    this.start = start;
    this.depth = 1;
    this.inString = false;
    this.escaped = false;
    this.pieces = [];
    this.pieceBytes = 0;
  }

  /**
   * Scans chunk[from..]; returns the index of the closing bracket (`strict` still true) or of the
   * first byte that cannot be strict JSON (`strict` false), or -1 when the chunk ends first (its
   * bytes from `keepFrom` on are then kept).
   */
  private scan(chunk: Buffer, from: number, keepFrom: number): number {
    let depth = this.depth;
    let inString = this.inString;
    const length = chunk.length;
    let index = from;
    // An escape's backslash may end the previous chunk: its escaped byte starts this one.
    if (this.escaped && index < length) {
      if (ESCAPED[chunk[index] ?? 0] !== 1) return this.notStrict(index);
      index += 1;
    }
    while (index < length) {
      if (inString) {
        let byte = 0;
        while (index < length) {
          byte = chunk[index] ?? 0;
          if (byte === QUOTE || byte === BACKSLASH || byte < 0x20) break;
          index += 1;
        }
        if (index >= length) break;
        if (byte < 0x20) return this.notStrict(index);
        if (byte === QUOTE) {
          inString = false;
          index += 1;
        } else {
          if (index + 1 < length && ESCAPED[chunk[index + 1] ?? 0] !== 1) {
            return this.notStrict(index);
          }
          index += 2;
        }
        continue;
      }
      const byte = chunk[index] ?? 0;
      if (byte === QUOTE) {
        inString = true;
      } else if (byte === 0x7b || byte === 0x5b) {
        depth += 1;
      } else if (byte === 0x7d || byte === 0x5d) {
        depth -= 1;
        if (depth === 0) {
          this.strict = true;
          return index;
        }
      } else if (OUTSIDE[byte] !== 1) {
        return this.notStrict(index);
      }
      index += 1;
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = index > length;
    this.keep(chunk, keepFrom, length);
    return -1;
  }

  /** Stops the scan at a byte that cannot be strict JSON, such as a Telegram Desktop quirk. */
  private notStrict(index: number): number {
    this.strict = false;
    return index;
  }

  /** Keeps a copy of chunk[from..to] (bytes of the value that the next chunk will not have). */
  private keep(chunk: Buffer, from: number, to: number): void {
    if (to <= from) return;
    this.pieces.push(Buffer.from(chunk.subarray(from, to)));
    this.pieceBytes += to - from;
  }

  /** The value's bytes: what was kept, then chunk[from..to]; clears what was kept. */
  take(chunk: Buffer = EMPTY, from = 0, to = 0): Buffer {
    const tail = chunk.subarray(from, to);
    if (this.pieces.length === 0) return tail;
    this.pieces.push(tail);
    const bytes = Buffer.concat(this.pieces);
    this.pieces = [];
    this.pieceBytes = 0;
    return bytes;
  }
}

/** The value in `bytes` if they are one strict JSON value in valid UTF-8, else undefined. */
function parseStrict(bytes: Buffer): JsonValue | undefined {
  if (!isUtf8(bytes)) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as JsonValue;
  } catch {
    return undefined;
  }
}
