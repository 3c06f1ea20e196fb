/**
 * Which entries of a signal-export output are chats. The exporter writes one folder per chat,
 * named after it, holding `chat.md` (with `media/`, and in later versions `index.html` and
 * `data.json` beside it); people import one chat's `chat.md`, its folder, or the whole output. A
 * single file is itself; otherwise every `chat.md` is a chat, and failing any, the only `.md` or
 * `.txt` file.
 */
import path from 'node:path';
import { ReadError } from '../read-error';
import type { ExportSource } from '../../source/export-source';

export type SignalChatEntry = Readonly<{
  entry: string;
  /** The chat's name: its folder's, else the file's (null for a bare `chat.md`). */
  title: string | null;
}>;

const CHAT_FILE = /^chat\.md$/iu;
const TEXT_FILE = /\.(?:md|txt)$/iu;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function titleOf(entry: string, containerName: string): string | null {
  const folder = path.posix.basename(path.posix.dirname(entry));
  if (folder !== '.' && folder !== '') return folder;
  const stem = path.posix.basename(entry).replace(TEXT_FILE, '');
  if (!CHAT_FILE.test(path.posix.basename(entry)) && stem !== '') return stem;
  const outer = containerName.replace(/\.zip$/iu, '');
  return outer === '' || CHAT_FILE.test(containerName) ? null : outer;
}

export function findSignalChats(source: ExportSource): readonly SignalChatEntry[] {
  const { name } = source;
  if (source.container === 'file') {
    const only = source.entries[0];
    if (only === undefined) throw new ReadError('INVALID_FORMAT', `${name} is empty.`, {});
    return [{ entry: only.path, title: titleOf(only.path, '') }];
  }
  const paths = source.entries.map((entry) => entry.path);
  const chats = paths.filter((p) => CHAT_FILE.test(path.posix.basename(p))).sort(compare);
  const texts = paths.filter((p) => TEXT_FILE.test(p));
  const chosen = chats.length > 0 ? chats : texts.length === 1 ? texts : [];
  if (chosen.length === 0) {
    throw new ReadError(
      'INVALID_FORMAT',
      `${name} holds no Signal chat: signal-export writes each chat as <chat>/chat.md.`,
      {},
    );
  }
  return chosen.map((entry) => ({ entry, title: titleOf(entry, name) }));
}
