import type { FormatId } from '../detect/format';
import type { Reader } from './records';

/** The reader of each format this version can import; a format without one is reported as such. */
const READERS: Readonly<Partial<Record<FormatId, Reader>>> = {};

export function readerFor(format: FormatId): Reader | undefined {
  return READERS[format];
}
