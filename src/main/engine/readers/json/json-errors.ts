/** The ReadErrors the streaming JSON reader throws, each a sentence a person can act on. */
import { ReadError, type ReadErrorCode } from '../read-error';

export type JsonErrorCode = Extract<
  ReadErrorCode,
  'INVALID_JSON' | 'TRUNCATED' | 'INVALID_UTF8' | 'RECORD_TOO_LARGE'
>;

const ADVICE: Readonly<Record<JsonErrorCode, string>> = {
  INVALID_JSON: 'The file is damaged or was edited; export it again.',
  TRUNCATED: 'The file is incomplete (a copy or download cut short); copy or export it again.',
  INVALID_UTF8: 'The file is damaged or not saved as UTF-8; export it again.',
  RECORD_TOO_LARGE: 'Everything before it was read; the rest of the file is not imported.',
};

/** `detail` says what was found, e.g. "expected ',' or '}' after a value". */
export function jsonError(
  code: JsonErrorCode,
  detail: string,
  byte: number,
  entry: string | undefined,
): ReadError {
  const where = entry === undefined ? `at byte ${byte}` : `in ${entry} at byte ${byte}`;
  return new ReadError(code, `${detail} ${where}. ${ADVICE[code]}`, { entry, byte });
}

/** A byte limit as people read it: "64 MB", or "1000 bytes" for the small limits of tests. */
export function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${bytes} bytes`;
}
