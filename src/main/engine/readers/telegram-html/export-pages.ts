/**
 * The pages of a Telegram Desktop HTML export, grouped by chat and in order. One chat exported
 * alone is `messages.html`, `messages2.html`, `messages3.html`... (a thousand messages each) in
 * one folder; a whole-account export holds one such folder per chat (`chats/chat_001/`). The
 * media each page shows sits in folders beside it (`photos/`, `files/`...).
 */
import path from 'node:path';
import type { ExportSource } from '../../source/export-source';
import { folderOf } from '../export-path';

const PAGE = /^messages(\d*)\.html?$/i;

export type ChatPages = Readonly<{
  /** The folder of the chat's pages inside the source (`''` at its root). */
  folder: string;
  /** Its pages, first to last. */
  pages: readonly string[];
}>;

function pageNumber(entry: string): number {
  const digits = PAGE.exec(path.posix.basename(entry))?.[1] ?? '';
  return digits === '' ? 1 : Number(digits);
}

export function telegramHtmlChats(source: ExportSource): ChatPages[] {
  const candidates =
    source.container === 'file'
      ? source.entries.map((entry) => entry.path)
      : source.entries
          .map((entry) => entry.path)
          .filter((entry) => PAGE.test(path.posix.basename(entry)));
  const byFolder = new Map<string, string[]>();
  for (const entry of candidates) {
    const folder = folderOf(entry);
    let pages = byFolder.get(folder);
    if (pages === undefined) byFolder.set(folder, (pages = []));
    pages.push(entry);
  }
  return [...byFolder]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([folder, pages]) => ({
      folder,
      pages: pages.sort((a, b) => pageNumber(a) - pageNumber(b)),
    }));
}
