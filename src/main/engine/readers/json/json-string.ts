/**
 * The inside of a JSON string, after its opening quote, read across chunks: runs of plain bytes,
 * escapes (`\n`, `\u00e9`), and, with Telegram Desktop's quirks, `\xNN` and the stray bytes it
 * leaves after `\u2028` (see json-tokenizer.ts).
 */
import { ByteRun } from './byte-run';

type State = 'run' | 'escape' | 'hex' | 'tail' | 'done';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SIMPLE_ESCAPES: Readonly<Record<number, string>> = {
  0x22: '"',
  0x5c: '\\',
  0x2f: '/',
  0x62: '\b',
  0x66: '\f',
  0x6e: '\n',
  0x72: '\r',
  0x74: '\t',
};
/** Pieces of one string are joined early, so a string of many escapes holds few small strings. */
const MAX_PARTS = 1024;

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  const lower = byte | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

export type StringErrors = Readonly<{
  invalidJson: (detail: string, byte: number) => Error;
  invalidUtf8: (byte: number) => Error;
}>;

export class JsonStringReader {
  private readonly quirks: boolean;
  private readonly errors: StringErrors;
  private readonly run: ByteRun;
  private state: State = 'done';
  private parts: string[] = [];
  private hexLeft = 0;
  private hexCode = 0;
  private hexIsUnicode = false;
  private tailByte = 0;
  private tailSeen = false;

  constructor(quirks: boolean, errors: StringErrors) {
    this.quirks = quirks;
    this.errors = errors;
    this.run = new ByteRun(errors.invalidUtf8);
  }

  get done(): boolean {
    return this.state === 'done';
  }

  /** Starts a string (the byte after its opening quote comes next). */
  begin(): void {
    this.state = 'run';
    this.parts = [];
  }

  /** The string read, once `done`. */
  take(): string {
    const value = this.parts.length === 1 ? (this.parts[0] ?? '') : this.parts.join('');
    this.parts = [];
    return value;
  }

  /** Reads from chunk[index]; returns where it stopped: the chunk's end, or after the string. */
  read(chunk: Buffer, index: number, base: number): number {
    let at = index;
    while (at < chunk.length && this.state !== 'done') {
      switch (this.state) {
        case 'run':
          at = this.plain(chunk, at, base);
          break;
        case 'escape':
          at = this.escape(chunk, at, base);
          break;
        case 'hex':
          at = this.hex(chunk, at, base);
          break;
        case 'tail':
          at = this.tail(chunk, at, base);
          break;
      }
    }
    return at;
  }

  private add(part: string): void {
    this.parts.push(part);
    if (this.parts.length > MAX_PARTS) this.parts = [this.parts.join('')];
  }

  private plain(chunk: Buffer, start: number, base: number): number {
    let index = start;
    let high = this.run.high;
    for (; index < chunk.length; index += 1) {
      const byte = chunk[index] ?? 0;
      if (byte === QUOTE || byte === BACKSLASH) break;
      if (byte < 0x20) {
        const hex = byte.toString(16).padStart(2, '0');
        throw this.errors.invalidJson(
          `A control character (0x${hex}) inside a string`,
          base + index,
        );
      }
      if (byte >= 0x80) high = true;
    }
    this.run.high = high;
    if (index === chunk.length) {
      this.run.carry(chunk, start);
      return index;
    }
    const text = this.run.decode(chunk, start, index, base);
    if (text !== '') this.add(text);
    this.state = chunk[index] === QUOTE ? 'done' : 'escape';
    return index + 1;
  }

  private escape(chunk: Buffer, index: number, base: number): number {
    const byte = chunk[index] ?? 0;
    const simple = SIMPLE_ESCAPES[byte];
    if (simple !== undefined) {
      this.add(simple);
      this.state = 'run';
    } else if (byte === 0x75 || (byte === 0x78 && this.quirks)) {
      this.state = 'hex';
      this.hexIsUnicode = byte === 0x75;
      this.hexLeft = this.hexIsUnicode ? 4 : 2;
      this.hexCode = 0;
    } else {
      const shown = byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '?';
      throw this.errors.invalidJson(`An invalid escape \\${shown}`, base + index - 1);
    }
    return index + 1;
  }

  private hex(chunk: Buffer, start: number, base: number): number {
    let index = start;
    for (; index < chunk.length && this.hexLeft > 0; index += 1) {
      const digit = hexValue(chunk[index] ?? 0);
      if (digit < 0) throw this.errors.invalidJson('An escape with a non-hex digit', base + index);
      this.hexCode = this.hexCode * 16 + digit;
      this.hexLeft -= 1;
    }
    if (this.hexLeft > 0) return index;
    this.add(String.fromCharCode(this.hexCode));
    const separator = this.hexCode === 0x2028 || this.hexCode === 0x2029;
    this.state = this.hexIsUnicode && separator && this.quirks ? 'tail' : 'run';
    this.tailByte = this.hexCode === 0x2028 ? 0xa8 : 0xa9;
    this.tailSeen = false;
    return index;
  }

  /** After Telegram Desktop's `\u2028`: skips the raw 0x80 0xA8 it leaves behind, if present. */
  private tail(chunk: Buffer, index: number, base: number): number {
    const byte = chunk[index] ?? 0;
    if (!this.tailSeen) {
      if (byte !== 0x80) {
        this.state = 'run';
        return index;
      }
      this.tailSeen = true;
      return index + 1;
    }
    if (byte !== this.tailByte) throw this.errors.invalidUtf8(base + index - 1);
    this.state = 'run';
    return index + 1;
  }
}
