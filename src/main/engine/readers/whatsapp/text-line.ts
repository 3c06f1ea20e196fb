/** One line of a text entry, as the line readers hand it on. */
import { ReadError } from '../read-error';

export type TextLine = Readonly<{
  text: string;
  /** 1-based line number. */
  number: number;
  /** Byte offset of the line's first byte in the entry. */
  byte: number;
  /** Bytes of the line without its line end. */
  bytes: number;
  /** False for a last line that the file ends in without a line end. */
  terminated: boolean;
  /**
   * Set on the last line when the input breaks there (bad bytes, a cut character, a line over the
   * limit): `text` is then only the line's start, decoded leniently, and no line follows.
   */
  broken?: ReadError;
}>;

export function tooLarge(
  entry: string,
  line: number,
  byte: number,
  maxLineBytes: number,
): ReadError {
  return new ReadError(
    'RECORD_TOO_LARGE',
    `Line ${line} of ${entry} is longer than ${maxLineBytes} bytes.`,
    { entry, line, byte },
  );
}

/** The start of a line that could not be read whole, decoded leniently: enough to see its stamp. */
export const BROKEN_HEAD_BYTES = 1024;
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function brokenLine(
  pieces: readonly Uint8Array[],
  at: Readonly<{ number: number; byte: number; bytes: number }>,
  broken: ReadError,
): TextLine {
  const first: Uint8Array[] = [];
  let taken = 0;
  for (const piece of pieces) {
    if (taken >= BROKEN_HEAD_BYTES) break;
    first.push(piece);
    taken += piece.length;
  }
  const head = Buffer.concat(first).subarray(0, BROKEN_HEAD_BYTES);
  return { text: lenient.decode(head), ...at, terminated: false, broken };
}
