/**
 * A message of a line-based chat export (WhatsApp, LINE, Signal) gathered from its first line and
 * the continuation lines after it, within the size limit of one record.
 */
import { ReadError } from './read-error';
import type { TextLine } from './whatsapp/text-lines';

export type GatheredLines = {
  readonly first: TextLine;
  readonly parts: string[];
  bytes: number;
};

export type RecordLimits = Readonly<{ entry: string; maxRecordBytes: number }>;

/**
 * Adds a continuation line to `message`; the error to throw (after dropping the message) when the
 * message grows past the limit, else null.
 */
export function appendContinuation(
  message: GatheredLines,
  line: TextLine,
  { entry, maxRecordBytes }: RecordLimits,
): ReadError | null {
  message.bytes += line.bytes + 1;
  if (message.bytes > maxRecordBytes) {
    return new ReadError(
      'RECORD_TOO_LARGE',
      `The message starting on line ${message.first.number} of ${entry} is longer than ${maxRecordBytes} bytes.`,
      { entry, line: message.first.number, byte: message.first.byte },
    );
  }
  message.parts.push(line.text);
  return null;
}
