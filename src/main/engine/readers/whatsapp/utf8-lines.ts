/**
 * UTF-8 text as lines: split on LF bytes (UTF-8 never has 0x0A inside a character), each line
 * decoded strictly, so a bad byte is found with its exact offset and line.
 */
import { ReadError } from '../read-error';
import { brokenLine, tooLarge, BROKEN_HEAD_BYTES, type TextLine } from './text-line';
import { findUtf8Error } from '../utf8';

const LF = 0x0a;

export async function* utf8Lines(
  chunks: AsyncIterable<Uint8Array>,
  entry: string,
  maxLineBytes: number,
  bomBytes: number,
): AsyncGenerator<readonly TextLine[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let pieces: Uint8Array[] = [];
  let pieceBytes = 0;
  let lineStart = 0;
  let lineNumber = 1;
  let skip = bomBytes;

  const finish = (bytes: Uint8Array, terminated: boolean): TextLine => {
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      const at = { number: lineNumber, byte: lineStart, bytes: bytes.length };
      const problem = findUtf8Error(bytes);
      const byte = lineStart + Math.max(problem.offset, 0);
      const position = { entry, line: lineNumber, byte };
      const error =
        !terminated && problem.cutAtEnd
          ? new ReadError(
              'TRUNCATED',
              `${entry} ends inside a character on line ${lineNumber}.`,
              position,
            )
          : new ReadError(
              'INVALID_UTF8',
              `${entry} is not valid UTF-8 at byte ${byte} (line ${lineNumber}).`,
              position,
            );
      return brokenLine([bytes], at, error);
    }
    // One object per line, made directly (a spread of the position costs a second one).
    const cr = text.charCodeAt(text.length - 1) === 0x0d ? 1 : 0;
    return {
      text: cr === 1 ? text.slice(0, -1) : text,
      number: lineNumber,
      byte: lineStart,
      bytes: bytes.length - cr,
      terminated,
    };
  };

  for await (const whole of chunks) {
    let chunk = whole;
    if (skip > 0) {
      const skipped = Math.min(skip, chunk.length);
      chunk = chunk.subarray(skipped);
      skip -= skipped;
      lineStart += skipped;
    }
    const batch: TextLine[] = [];
    let position = 0;
    while (position < chunk.length) {
      const newline = chunk.indexOf(LF, position);
      const end = newline === -1 ? chunk.length : newline;
      if (pieceBytes + (end - position) > maxLineBytes) {
        pieces.push(chunk.subarray(position, position + BROKEN_HEAD_BYTES));
        const at = { number: lineNumber, byte: lineStart, bytes: pieceBytes + end - position };
        batch.push(brokenLine(pieces, at, tooLarge(entry, lineNumber, lineStart, maxLineBytes)));
        yield batch;
        return;
      }
      if (newline === -1) {
        pieces.push(chunk.subarray(position));
        pieceBytes += chunk.length - position;
        break;
      }
      const part = chunk.subarray(position, newline);
      const bytes = pieces.length === 0 ? part : Buffer.concat([...pieces, part]);
      const line = finish(bytes, true);
      batch.push(line);
      if (line.broken !== undefined) {
        yield batch;
        return;
      }
      lineStart += bytes.length + 1;
      lineNumber += 1;
      pieces = [];
      pieceBytes = 0;
      position = newline + 1;
    }
    if (batch.length > 0) yield batch;
  }
  if (pieceBytes > 0) yield [finish(Buffer.concat(pieces), false)];
}
