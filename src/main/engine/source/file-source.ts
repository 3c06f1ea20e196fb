import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ReadError } from '../readers/read-error';
import { countingStream } from './counted-stream';
import type { ExportSource } from './export-source';

/** A single exported file (a WhatsApp .txt, a Telegram result.json): one entry, itself. */
export async function openFileSource(filePath: string): Promise<ExportSource> {
  const info = await stat(filePath);
  const name = path.basename(filePath);
  const entry = { path: name, bytes: info.size };
  let read = 0;
  return {
    name,
    container: 'file',
    entries: [entry],
    find: (entryPath) => (entryPath === name ? entry : undefined),
    open(entryPath) {
      if (entryPath !== name) {
        return Promise.reject(
          new ReadError('ENTRY_MISSING', `${name} has no entry ${entryPath}.`, {
            entry: entryPath,
          }),
        );
      }
      return Promise.resolve(
        createReadStream(filePath).pipe(countingStream((bytes) => (read += bytes))),
      );
    },
    bytesRead: () => read,
    totalBytes: info.size,
    close: () => Promise.resolve(),
  };
}
