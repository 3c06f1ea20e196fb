import path from 'node:path';
import { VaultError } from '../errors';
import { detectContainer } from './detect-container';
import { listFolder } from './folder-names';
import type { Detection } from './format';
import { readHead, statPath } from './read-head';
import { sniffHead } from './sniff-head';
import { unknown, withContainer } from './sniffed';
import { listZip } from './zip-names';

async function detectZip(zipPath: string): Promise<Detection> {
  const listing = await listZip(zipPath).catch((error: unknown) => {
    const why = error instanceof Error ? error.message : String(error);
    return unknown(`a damaged zip archive (${why})`);
  });
  if ('kind' in listing) return listing;
  try {
    return await detectContainer({
      kind: 'zip',
      where: zipPath,
      entries: listing.entries,
      readHead: listing.readHead,
      maxPeeks: 2,
    });
  } finally {
    listing.close();
  }
}

async function detectFolder(folder: string): Promise<Detection> {
  return detectContainer({
    kind: 'folder',
    where: folder,
    entries: await listFolder(folder),
    // A file that cannot be read is simply not peeked at; the folder may still be recognised.
    readHead: async (name) => readHead(path.join(folder, name)).catch(() => undefined),
    maxPeeks: 3,
  });
}

/**
 * Recognises a chat export (a file, a zip or a folder) from its name and first bytes: at most the
 * first 64 KiB of a file, a zip's central directory (plus the start of one or two entries when the
 * names do not decide), a folder's names (plus the start of a few files). Never reads a whole file.
 *
 * @throws VaultError EMPTY_FILE for a 0-byte file, NOT_FOUND / UNREADABLE when it cannot be read.
 */
export async function detectFormat(filePath: string): Promise<Detection> {
  const info = await statPath(filePath);
  if (info.isDirectory()) return detectFolder(filePath);
  if (!info.isFile()) return unknown('neither a regular file nor a folder');
  const empty = (): VaultError =>
    new VaultError(
      'EMPTY_FILE',
      `"${path.basename(filePath)}" is empty (0 bytes): there is nothing to import.`,
      {
        file: filePath,
      },
    );
  if (info.size === 0) throw empty();
  const head = await readHead(filePath);
  if (head.length === 0) throw empty();
  const verdict = sniffHead(head, filePath);
  if (verdict.kind === 'zip') return detectZip(filePath);
  return withContainer(verdict, 'file');
}
