/**
 * Which files of a "Download your information" export hold which conversation. Messenger and
 * Instagram write one folder per thread (`messages/inbox/alice_1234567890/`) with the messages in
 * `message_1.json`, `message_2.json`, ... (message_1 holds the newest). Threads are read in the
 * order of their paths and each thread's files by number, so a re-read (a resumed import) yields
 * the same records in the same order. Only names are looked at; nothing is read here.
 *
 * Messenger's end-to-end encrypted chats come as a separate download: one JSON file per chat, side
 * by side, with the media in a folder beside them. When an export has no `message_N.json` at all,
 * every JSON file outside a media folder is taken for such a chat.
 */
import { ReadError } from '../read-error';
import type { ExportSource } from '../../source/export-source';

export type ThreadFiles = Readonly<{
  /** The thread's message files, in reading order (message_1.json first). */
  files: readonly string[];
  /**
   * The name of the thread's folder (`alice_1234567890`): the thread's identity in the export, the
   * same in every later export. Null for a lone file and for the end-to-end encrypted download.
   */
  folderName: string | null;
}>;

const MESSAGE_FILE = /^message_(\d+)\.json$/i;
const MEDIA_FOLDERS: ReadonlySet<string> = new Set([
  'media',
  'photos',
  'videos',
  'audio',
  'files',
  'gifs',
  'stickers_used',
]);

function splitPath(entryPath: string): { folder: string; name: string } {
  const slash = entryPath.lastIndexOf('/');
  return slash === -1
    ? { folder: '', name: entryPath }
    : { folder: entryPath.slice(0, slash), name: entryPath.slice(slash + 1) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function inMediaFolder(entryPath: string): boolean {
  return entryPath
    .split('/')
    .slice(0, -1)
    .some((segment) => MEDIA_FOLDERS.has(segment.toLowerCase()));
}

export function locateThreads(source: ExportSource): readonly ThreadFiles[] {
  if (source.container === 'file') {
    const only = source.entries[0];
    if (only === undefined) {
      throw new ReadError('ENTRY_MISSING', `${source.name} is empty.`, { entry: source.name });
    }
    return [{ files: [only.path], folderName: null }];
  }
  const byFolder = new Map<string, { number: number; path: string }[]>();
  for (const entry of source.entries) {
    const { folder, name } = splitPath(entry.path);
    const match = MESSAGE_FILE.exec(name);
    if (match === null) continue;
    const files = byFolder.get(folder) ?? [];
    files.push({ number: Number(match[1]), path: entry.path });
    byFolder.set(folder, files);
  }
  if (byFolder.size > 0) {
    return [...byFolder]
      .sort(([a], [b]) => compare(a, b))
      .map(([folder, files]) => ({
        files: files
          .sort((a, b) => a.number - b.number || compare(a.path, b.path))
          .map((f) => f.path),
        folderName: folder === '' ? null : splitPath(folder).name,
      }));
  }
  const chats = source.entries
    .map((entry) => entry.path)
    .filter((entryPath) => entryPath.toLowerCase().endsWith('.json') && !inMediaFolder(entryPath))
    .sort(compare);
  if (chats.length === 0) {
    throw new ReadError(
      'ENTRY_MISSING',
      `${source.name} holds no chat: a "Download your information" export keeps each chat in messages/inbox/<chat>/message_1.json. Import the whole downloaded zip or folder.`,
      {},
    );
  }
  return chats.map((entryPath) => ({ files: [entryPath], folderName: null }));
}
