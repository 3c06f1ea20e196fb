/**
 * Exports made of many independent files (a Discord channel per file, a Slack day per file, the
 * pages of an HTML export): a file whose content breaks (truncated, not JSON, not UTF-8) does not
 * hide the files after it. The reader notes the first break, reads on, and throws it at the end,
 * so every readable file is imported and the import still ends `partial` with the place it broke.
 * A break of the container itself (a corrupt zip, a quota) stops at once.
 */
import { ReadError, type ReadErrorCode } from './read-error';

const CONTENT_BREAKS: ReadonlySet<ReadErrorCode> = new Set([
  'TRUNCATED',
  'INVALID_JSON',
  'INVALID_UTF8',
  'INVALID_FORMAT',
  'RECORD_TOO_LARGE',
]);

export class FileBreaks {
  private first: ReadError | null = null;
  private more = 0;

  /**
   * Keeps a content break of one file and hands it back (the reader reads on with the next
   * file); anything else is thrown again.
   */
  note(error: unknown): ReadError {
    if (!(error instanceof ReadError) || !CONTENT_BREAKS.has(error.code)) throw error;
    if (this.first === null) this.first = error;
    else this.more += 1;
    return error;
  }

  /** Throws the first break, if any, once every file has been read. */
  finish(): void {
    if (this.first === null) return;
    if (this.more === 0) throw this.first;
    const { code, message, position } = this.first;
    const others = this.more === 1 ? '1 other file' : `${this.more} other files`;
    throw new ReadError(code, `${message} (${others} of the export also broke.)`, position);
  }
}
