/** UTF-16 text (with a byte-order mark) as lines, decoded as a stream. */
import { ReadError } from '../read-error';
import { tooLarge, BROKEN_HEAD_BYTES, type TextLine } from './text-line';

export async function* utf16Lines(
  chunks: AsyncIterable<Uint8Array>,
  entry: string,
  maxLineBytes: number,
  encoding: 'utf-16le' | 'utf-16be',
): AsyncGenerator<readonly TextLine[]> {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  let carry = '';
  let lineStart = 2;
  let lineNumber = 1;
  let bytesSeen = 2;

  const current = (broken: ReadError): TextLine => ({
    text: carry.slice(0, BROKEN_HEAD_BYTES),
    number: lineNumber,
    byte: lineStart,
    bytes: carry.length * 2,
    terminated: false,
    broken,
  });

  /** Whole lines out of the text decoded so far, into `batch`; false once a line is too long. */
  const take = (text: string, batch: TextLine[]): boolean => {
    carry += text;
    let from = 0;
    let newline = carry.indexOf('\n');
    while (newline !== -1) {
      const raw = carry.slice(from, newline);
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      const bytes = line.length * 2;
      batch.push({ text: line, number: lineNumber, byte: lineStart, bytes, terminated: true });
      lineStart += (newline + 1 - from) * 2;
      lineNumber += 1;
      from = newline + 1;
      newline = carry.indexOf('\n', from);
    }
    carry = carry.slice(from);
    if (carry.length * 2 > maxLineBytes) {
      batch.push(current(tooLarge(entry, lineNumber, lineStart, maxLineBytes)));
      return false;
    }
    return true;
  };

  for await (const chunk of chunks) {
    const batch: TextLine[] = [];
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const position = { entry, line: lineNumber, byte: bytesSeen };
      const message = `${entry} is not valid UTF-16 near byte ${bytesSeen}.`;
      yield [current(new ReadError('INVALID_UTF8', message, position))];
      return;
    }
    bytesSeen += chunk.length;
    const fits = take(text, batch);
    if (batch.length > 0) yield batch;
    if (!fits) return;
  }
  const batch: TextLine[] = [];
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    const position = { entry, line: lineNumber, byte: bytesSeen - 1 };
    yield [
      current(new ReadError('TRUNCATED', `${entry} ends inside a UTF-16 character.`, position)),
    ];
    return;
  }
  const fits = take(tail, batch);
  if (fits && carry !== '') {
    const bytes = carry.length * 2;
    batch.push({ text: carry, number: lineNumber, byte: lineStart, bytes, terminated: false });
  }
  if (batch.length > 0) yield batch;
}
