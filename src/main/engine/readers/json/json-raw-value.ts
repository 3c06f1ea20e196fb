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
 *
 * Pretty-printed files (Telegram Desktop's) take a shorter way still: a value whose opening bracket
 * starts its line most likely ends at the first closing bracket with the same indentation at the
 * start of a line, which a native search finds without looking at each byte. That guess is only
 * taken when JSON.parse accepts the bytes up to it, and then it is the value's end: a raw newline
 * never stands inside a JSON string, and no shorter or longer run of bytes from an opening bracket
 * parses as one value. A guess that does not parse costs a parse and is followed by the scan; after
 * a few, a scanner stops guessing.
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
const NEWLINE = 0x0a;
/** Guesses of a value's end that may fail to parse before a scanner stops guessing. */
const MISSED_GUESSES = 8;
/** The longest indentation a guess is made for. */
const MAX_INDENT = 64;
/**
 * How far a closing line is looked for. A value longer than this, or with no closing line, is a
 * missed guess; one whose chunk ends sooner is only scanned (its end is in a later chunk).
 */
const GUESS_WINDOW = 64 * 1024;

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
  /** The guesses that failed to parse so far (see the file comment). */
  private missedGuesses = 0;
  /** How many values were found by a guess: for tests. */
  guessedValues = 0;

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
    if (from === keepFrom + 1 && this.start >= base && this.missedGuesses < MISSED_GUESSES) {
      const guessed = this.guess(chunk, keepFrom, base);
      if (guessed !== null) return guessed;
    }
    const at = this.scan(chunk, from, keepFrom);
    if (at < 0) return null;
    // Not strict JSON: the bytes before `at` go back to the tokenizer, which goes on from `at`.
    if (!this.strict)
      return { end: at - 1, bytes: this.take(chunk, keepFrom, at), value: undefined };
    const bytes = this.take(chunk, keepFrom, at + 1);
    const fits = base + at + 1 - this.start <= this.maxBytes;
    return { end: at, bytes, value: fits ? parseStrict(bytes) : undefined };
  }

  /**
   * The value whose opening bracket is chunk[open], found by its closing line (see the file
   * comment), or null when there is no guess to make or it does not parse.
   */
  private guess(chunk: Buffer, open: number, base: number): RawRead | null {
    let lineStart = open;
    while (lineStart > 0 && open - lineStart <= MAX_INDENT) {
      const byte = chunk[lineStart - 1] ?? 0;
      if (byte === NEWLINE) break;
      if (byte !== 0x20 && byte !== 0x09) return null;
      lineStart -= 1;
    }
    if (lineStart === 0 || open - lineStart > MAX_INDENT) return null;
    const end = closingLineEnd(chunk, lineStart, open);
    if (end < 0) {
      if (end === NO_CLOSING_LINE) this.missedGuesses += 1;
      return null;
    }
    if (base + end + 1 - this.start > this.maxBytes) return null;
    const bytes = chunk.subarray(open, end + 1);
    const value = parseStrict(bytes);
    if (value === undefined) {
      this.missedGuesses += 1;
      return null;
    }
    this.guessedValues += 1;
    return { end, bytes, value };
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

/** closingLineEnd found no closing line within GUESS_WINDOW. */
const NO_CLOSING_LINE = -1;
/** closingLineEnd reached the end of the chunk first. */
const CHUNK_ENDED = -2;

/**
 * The index of the first bracket closing chunk[open] that starts a line indented as the opening
 * line (chunk[lineStart..open]), or NO_CLOSING_LINE or CHUNK_ENDED.
 */
function closingLineEnd(chunk: Buffer, lineStart: number, open: number): number {
  const bracket = chunk[open] === 0x5b ? 0x5d : 0x7d;
  const indent = open - lineStart;
  const windowEnd = Math.min(chunk.length, open + 1 + GUESS_WINDOW);
  let at = chunk.indexOf(bracket, open + 1);
  while (at >= 0 && at < windowEnd) {
    if (chunk[at - indent - 1] === NEWLINE && sameBytes(chunk, at - indent, lineStart, indent)) {
      return at;
    }
    at = chunk.indexOf(bracket, at + 1);
  }
  return windowEnd < chunk.length ? NO_CLOSING_LINE : CHUNK_ENDED;
}

function sameBytes(chunk: Buffer, a: number, b: number, length: number): boolean {
  for (let index = 0; index < length; index += 1) {
    if (chunk[a + index] !== chunk[b + index]) return false;
  }
  return true;
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
