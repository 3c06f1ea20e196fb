/**
 * The bytes of a page as text for the HTML parser, chunk by chunk, and the way back: the byte
 * where a character the parser points at sits. Bytes are checked as UTF-8 as they arrive (a bad
 * byte is INVALID_UTF8 at its offset; a character cut by a chunk's end waits for the next chunk).
 * Only the last 256 K characters are remembered for the way back, walked with a cursor that moves
 * forward, so asking for every message's start costs one pass over the text.
 */
import { isUtf8 } from 'node:buffer';
import { ReadError } from '../read-error';
import { findUtf8Error } from '../utf8';

type Chunk = {
  readonly text: string;
  readonly char: number;
  readonly byte: number;
  cursorChar: number;
  cursorByte: number;
};

/** How far back (in characters) a tag's start can still be found exactly. */
const KEPT_CHARS = 256 * 1024;

/** How many bytes at the end of `bytes` start a character that is not complete yet. */
function cutTail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

export class PageBytes {
  private readonly entry: string;
  private tail: Buffer = Buffer.alloc(0);
  private chars = 0;
  private bytes = 0;
  private readonly chunks: Chunk[] = [];

  constructor(entry: string) {
    this.entry = entry;
  }

  /** The text of the next piece of input (possibly '' while a character is incomplete). */
  decode(chunk: Buffer): string {
    const bytes = this.tail.length === 0 ? chunk : Buffer.concat([this.tail, chunk]);
    const start = this.bytes;
    const keep = cutTail(bytes);
    const whole = bytes.subarray(0, bytes.length - keep);
    if (!isUtf8(whole)) {
      const at = start + findUtf8Error(whole).offset;
      throw new ReadError(
        'INVALID_UTF8',
        `Bytes that are not UTF-8 in ${this.entry} at byte ${at}. The file is damaged or not saved as UTF-8; export it again.`,
        { entry: this.entry, byte: at },
      );
    }
    this.tail = Buffer.from(bytes.subarray(bytes.length - keep));
    const text = whole.toString('utf8');
    this.chunks.push({ text, char: this.chars, byte: start, cursorChar: 0, cursorByte: 0 });
    this.chars += text.length;
    while (this.chunks.length > 1 && this.chars - (this.chunks[1]?.char ?? 0) >= KEPT_CHARS) {
      this.chunks.shift();
    }
    this.bytes += whole.length;
    return text;
  }

  /** The input is over: a character cut by the end of the file is an error. */
  end(): void {
    if (this.tail.length > 0) {
      throw new ReadError(
        'TRUNCATED',
        `${this.entry} ends in the middle of a character at byte ${this.bytes}. The file is incomplete; copy or export it again.`,
        { entry: this.entry, byte: this.bytes },
      );
    }
  }

  /** Bytes decoded so far. */
  get byteLength(): number {
    return this.bytes;
  }

  /** The byte offset of character `index` of the text (approximate for text no longer kept). */
  byteOf(index: number): number {
    const chunk = this.chunks.findLast((candidate) => candidate.char <= index);
    if (chunk === undefined) return this.chunks[0]?.byte ?? 0;
    const offset = Math.min(index - chunk.char, chunk.text.length);
    if (offset < chunk.cursorChar) {
      chunk.cursorChar = 0;
      chunk.cursorByte = 0;
    }
    chunk.cursorByte += Buffer.byteLength(chunk.text.slice(chunk.cursorChar, offset));
    chunk.cursorChar = offset;
    return chunk.byte + chunk.cursorByte;
  }
}
