import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { NameEntry } from './export-names';

/** Folders under which "Download your information" keeps `messages/inbox/<thread>/`. */
const META_ROOTS = [
  '',
  'your_instagram_activity/',
  'your_activity_across_facebook/',
  'your_facebook_activity/',
];

async function names(folder: string): Promise<Dirent[]> {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}

function toEntries(prefix: string, dirents: readonly Dirent[]): NameEntry[] {
  // Symbolic links are left out: the detector only reads what really sits in the folder.
  return dirents
    .filter((dirent) => dirent.isFile() || dirent.isDirectory())
    .map((dirent) => ({ path: `${prefix}${dirent.name}`, dir: dirent.isDirectory() }));
}

/** Files a chat export may be (a folder holding one is not looked into further). */
const CHAT_FILE = /\.(?:jsonl|json|txt|html?|md)$/i;
/** How many subfolders are looked into for a signal-export `chat.md`, at most. */
const CHAT_FOLDERS_PEEKED = 4;

/**
 * The names in a folder: its own entries, plus, for a "Download your information" export, the
 * first thread under messages/inbox, plus the `chat.md` of the first few subfolders (signal-export
 * writes one folder per chat): a handful of `readdir`s, never a walk of the tree.
 */
export async function listFolder(folder: string): Promise<NameEntry[]> {
  const entries = toEntries('', await names(folder));
  const dirs = new Set(entries.filter((entry) => entry.dir).map((entry) => entry.path));
  for (const root of META_ROOTS) {
    const top = root === '' ? 'messages' : root.slice(0, -1);
    if (!dirs.has(top)) continue;
    const inbox = `${root}messages/inbox/`;
    const threads = toEntries(inbox, await names(path.join(folder, inbox))).filter((e) => e.dir);
    entries.push(...threads);
    const firstThread = threads[0];
    if (firstThread === undefined) continue;
    entries.push(
      ...toEntries(`${firstThread.path}/`, await names(path.join(folder, firstThread.path))),
    );
  }
  // Only a folder with no chat file of its own can be a whole signal-export output.
  const ownChatFile = entries.some((entry) => !entry.dir && CHAT_FILE.test(entry.path));
  const subfolders = ownChatFile ? [] : [...dirs].filter((dir) => !dir.startsWith('.')).sort();
  for (const dir of subfolders.slice(0, CHAT_FOLDERS_PEEKED)) {
    const chat = (await names(path.join(folder, dir))).find(
      (dirent) => dirent.isFile() && dirent.name.toLowerCase() === 'chat.md',
    );
    if (chat !== undefined) entries.push({ path: `${dir}/${chat.name}`, dir: false });
  }
  return entries;
}
