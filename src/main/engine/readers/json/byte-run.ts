/**
 * A run of raw bytes inside a token (the text between escapes of a string, a bare value) that may
 * span chunks: the part in earlier chunks is kept as copies until the run ends, then the whole run
 * is decoded strictly as UTF-8, and a bad byte is reported at its offset in the file.
 */
import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8 } from '../utf8';

/** ASCII bytes as a string; a plain loop beats Buffer#toString for the short keys JSON is made of. */
export function ascii(bytes: Buffer, start: number, end: number): string {
  if (end - start > 32) return bytes.toString('latin1', start, end);
  let text = '';
  for (let index = start; index < end; index += 1) text += String.fromCharCode(bytes[index] ?? 0);
  return text;
}

export class ByteRun {
  private readonly onInvalid: (byte: number) => Error;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Whether the bytes so far have any non-ASCII byte. */
  high = false;

  /** `onInvalid` makes the error for a byte that is not UTF-8, given its offset in the file. */
  constructor(onInvalid: (byte: number) => Error) {
    this.onInvalid = onInvalid;
  }

  /** Keeps chunk[start..] for the next chunk. */
  carry(chunk: Buffer, start: number): void {
    if (start >= chunk.length) return;
    this.pending.push(Buffer.from(chunk.subarray(start)));
    this.pendingBytes += chunk.length - start;
  }

  /**
   * Ends the run at chunk[end] and decodes it with what was carried; `base` is the file offset of
   * chunk[0].
   */
  decode(chunk: Buffer, start: number, end: number, base: number): string {
    const runStart = base + start - this.pendingBytes;
    const high = this.high;
    this.high = false;
    if (this.pending.length === 0) {
      // The common case, a run inside one chunk: no copy, and no Buffer at all for ASCII.
      if (!high) return ascii(chunk, start, end);
      return this.utf8(chunk.subarray(start, end), runStart);
    }
    this.pending.push(chunk.subarray(start, end));
    const bytes = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    return high ? this.utf8(bytes, runStart) : bytes.toString('latin1');
  }

  private utf8(bytes: Buffer, runStart: number): string {
    if (!isUtf8(bytes)) throw this.onInvalid(runStart + firstInvalidUtf8(bytes));
    return bytes.toString('utf8');
  }
}
