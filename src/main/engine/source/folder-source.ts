import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ReadError } from '../readers/read-error';
import { countingStream } from './counted-stream';
import type { ExportSource, SourceEntry } from './export-source';

export type FolderListing = Readonly<{ entries: SourceEntry[]; skipped: string[] }>;

/** Every regular file under `root`, as `/`-separated relative paths; links are skipped, never followed. */
export async function listFolder(root: string): Promise<FolderListing> {
  const entries: SourceEntry[] = [];
  const skipped: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const children = await readdir(path.join(root, relative), { withFileTypes: true });
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) {
      const childRelative = relative === '' ? child.name : `${relative}/${child.name}`;
      if (child.isSymbolicLink()) skipped.push(childRelative);
      else if (child.isDirectory()) await walk(childRelative);
      else if (child.isFile()) {
        const info = await lstat(path.join(root, childRelative));
        entries.push({ path: childRelative, bytes: info.size });
      }
    }
  };
  await walk('');
  return { entries, skipped };
}

/** An export folder (Telegram Desktop, Slack unzipped): read file by file, in place. */
export async function openFolderSource(
  root: string,
): Promise<ExportSource & { skipped: readonly string[] }> {
  const { entries, skipped } = await listFolder(root);
  const byPath = new Map(entries.map((entry) => [entry.path, entry]));
  let read = 0;
  return {
    name: path.basename(root),
    container: 'folder',
    entries,
    skipped,
    find: (entryPath) => byPath.get(entryPath),
    open(entryPath) {
      if (!byPath.has(entryPath)) {
        return Promise.reject(
          new ReadError('ENTRY_MISSING', `${path.basename(root)} has no file ${entryPath}.`, {
            entry: entryPath,
          }),
        );
      }
      const stream = createReadStream(path.join(root, ...entryPath.split('/')));
      return Promise.resolve(stream.pipe(countingStream((bytes) => (read += bytes))));
    },
    bytesRead: () => read,
    totalBytes: entries.reduce((sum, entry) => sum + entry.bytes, 0),
    close: () => Promise.resolve(),
  };
}
