/** Where in an export a reader stopped: the entry, and the byte (and line, for text) within it. */
export type ReadPosition = Readonly<{ entry?: string; byte?: number; line?: number }>;

/**
 * A reader's report that the input breaks here. Everything yielded before it stands (the import
 * becomes `partial`); `code` says what kind of break it was.
 */
export class ReadError extends Error {
  readonly code: ReadErrorCode;
  readonly position: ReadPosition;

  constructor(code: ReadErrorCode, message: string, position: ReadPosition = {}) {
    super(message);
    this.name = 'ReadError';
    this.code = code;
    this.position = position;
  }
}

export type ReadErrorCode =
  | 'TRUNCATED' // the input ends in the middle of a record
  | 'INVALID_JSON'
  | 'INVALID_UTF8'
  | 'INVALID_FORMAT' // the content does not follow the format it claims to be
  | 'RECORD_TOO_LARGE' // one record (a line, a JSON value) over 64 MB
  | 'ZIP_CORRUPT'
  | 'ZIP_QUOTA' // too many entries, too many inflated bytes, or a suspicious compression ratio
  | 'ENTRY_UNSAFE' // a `../` or absolute name, or a link
  | 'ENTRY_MISSING';

/** The largest single record (a text line, a JSON value) a reader accepts. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;
