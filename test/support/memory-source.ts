import { Readable } from 'node:stream';
import { ReadError } from '../../src/main/engine/readers/read-error';
import type { ExportSource, SourceEntry } from '../../src/main/engine/source/export-source';

export type MemorySourceOptions = Readonly<{
  /** What was imported; default: the only entry's name for a file, else `export.zip`. */
  name?: string;
  container?: ExportSource['container'];
  /** Streams entries in chunks of this many bytes (lines and characters get cut across chunks). */
  chunkBytes?: number;
}>;

function chunksOf(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) {
    chunks.push(bytes.subarray(offset, offset + size));
  }
  return chunks;
}

/**
 * An export held in memory, for reader tests: entries from strings (UTF-8) or bytes. With one entry
 * and no container it is a single file, else a zip-like export.
 */
export function memorySource(
  files: Readonly<Record<string, string | Buffer>>,
  options: MemorySourceOptions = {},
): ExportSource & { readonly opened: readonly string[] } {
  const contents = new Map<string, Buffer>(
    Object.entries(files).map(([entryPath, data]) => [
      entryPath,
      typeof data === 'string' ? Buffer.from(data, 'utf8') : data,
    ]),
  );
  const entries: SourceEntry[] = [...contents].map(([entryPath, bytes]) => ({
    path: entryPath,
    bytes: bytes.length,
  }));
  const container = options.container ?? (entries.length === 1 ? 'file' : 'zip');
  const name =
    options.name ?? (container === 'file' ? (entries[0]?.path ?? 'chat.txt') : 'export.zip');
  const opened: string[] = [];
  let read = 0;
  return {
    name,
    container,
    entries,
    opened,
    find: (entryPath) => entries.find((entry) => entry.path === entryPath),
    open(entryPath) {
      const bytes = contents.get(entryPath);
      if (bytes === undefined) {
        return Promise.reject(
          new ReadError('ENTRY_MISSING', `${name} has no entry ${entryPath}.`, {
            entry: entryPath,
          }),
        );
      }
      opened.push(entryPath);
      const chunks =
        options.chunkBytes === undefined ? [bytes] : chunksOf(bytes, options.chunkBytes);
      const counted = function* (): Generator<Buffer> {
        for (const chunk of chunks) {
          read += chunk.length;
          yield chunk;
        }
      };
      return Promise.resolve(Readable.from(counted(), { objectMode: false }));
    },
    bytesRead: () => read,
    totalBytes: entries.reduce((sum, entry) => sum + entry.bytes, 0),
    close: () => Promise.resolve(),
  };
}
