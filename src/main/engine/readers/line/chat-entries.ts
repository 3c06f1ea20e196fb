/**
 * Which entries of an export are LINE chats. LINE saves each chat as one text file named
 * `[LINE] Chat with Ana.txt` (or its translation); a single file is itself, and a zip or folder of
 * such files holds one chat per file. Failing any `[LINE]` name, the only text file is taken.
 */
import { ReadError } from '../read-error';
import type { ExportSource } from '../../source/export-source';

const TEXT = /\.txt$/iu;
const LINE_NAME = /^\[LINE\]/iu;

function baseName(entryPath: string): string {
  return entryPath.slice(entryPath.lastIndexOf('/') + 1);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function findChatEntries(source: ExportSource): readonly string[] {
  if (source.container === 'file') {
    const only = source.entries[0];
    if (only === undefined) throw new ReadError('INVALID_FORMAT', `${source.name} is empty.`, {});
    return [only.path];
  }
  const texts = source.entries.map((entry) => entry.path).filter((p) => TEXT.test(p));
  const named = texts.filter((p) => LINE_NAME.test(baseName(p))).sort(compare);
  if (named.length > 0) return named;
  if (texts.length === 1 && texts[0] !== undefined) return [texts[0]];
  throw new ReadError(
    'INVALID_FORMAT',
    texts.length === 0
      ? `${source.name} holds no LINE chat text ("[LINE] Chat with ....txt").`
      : `${source.name} holds ${texts.length} text files and none is named like a LINE chat ("[LINE] ....txt").`,
    {},
  );
}

export { baseName };
