/**
 * Where the export's JSON is: a single file is itself; a folder or zip holds `result.json` at its
 * root or one folder down (`ChatExport_2024-01-15/result.json`, as people zip the folder Telegram
 * Desktop wrote). Media paths inside result.json are relative to the folder holding it.
 */
import path from 'node:path';
import { ReadError } from '../read-error';
import type { ExportSource } from '../../source/export-source';

export type LocatedExport = Readonly<{
  /** The entry to stream. */
  entry: string;
  /** The folder of that entry inside the source, `''` at the root. */
  root: string;
}>;

const MAIN_FILE = 'result.json';

export function locateTelegramJson(source: ExportSource): LocatedExport {
  if (source.container === 'file') {
    const only = source.entries[0];
    if (only === undefined) {
      throw new ReadError('ENTRY_MISSING', `${source.name} is empty.`, { entry: source.name });
    }
    return { entry: only.path, root: '' };
  }
  const candidates = source.entries
    .map((entry) => entry.path)
    .filter((entryPath) => path.posix.basename(entryPath).toLowerCase() === MAIN_FILE)
    .filter((entryPath) => entryPath.split('/').length <= 2)
    .sort((a, b) => a.split('/').length - b.split('/').length);
  const found = candidates[0];
  if (found === undefined) {
    throw new ReadError(
      'ENTRY_MISSING',
      `${source.name} has no ${MAIN_FILE}: import the folder Telegram Desktop wrote (it holds ${MAIN_FILE}), or ${MAIN_FILE} itself.`,
      { entry: MAIN_FILE },
    );
  }
  const root = path.posix.dirname(found);
  return { entry: found, root: root === '.' ? '' : root };
}
