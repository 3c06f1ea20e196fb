import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { NameEntry } from './export-names';
import { HEAD_BYTES } from './sniffed';

/** The names in a zip's central directory, and a way to peek at the start of a few entries. */
export type ZipListing = Readonly<{
  entries: readonly NameEntry[];
  /** Inflates at most the first 64 KiB of one entry; undefined when it cannot be read. */
  readHead: (name: string) => Promise<Buffer | undefined>;
  close: () => void;
}>;

/** Beyond this many entries the names already seen decide; the rest are media. */
const MAX_ENTRIES = 100_000;
const PEEKABLE = /\.(?:jsonl|json|txt|html?|md)$/i;

function openZip(zipPath: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // Names stay raw bytes so that a hostile name ("../x", "/etc/x") is listed, never refused or used.
    yauzl.open(
      zipPath,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false },
      (error, zip) => (error === null ? resolve(zip) : reject(error)),
    );
  });
}

function entryName(entry: Entry): string {
  return yauzl.getFileNameLowLevel(
    entry.generalPurposeBitFlag,
    entry.fileNameRaw,
    entry.extraFields,
    false,
  );
}

function readEntries(zip: ZipFile): Promise<Map<string, Entry | undefined>> {
  return new Promise((resolve, reject) => {
    const names = new Map<string, Entry | undefined>();
    zip.on('entry', (entry: Entry) => {
      const name = entryName(entry);
      names.set(name, PEEKABLE.test(name) ? entry : undefined);
      if (names.size >= MAX_ENTRIES) resolve(names);
      else zip.readEntry();
    });
    zip.on('end', () => resolve(names));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function readEntryHead(zip: ZipFile, entry: Entry): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    if (entry.isEncrypted()) {
      resolve(undefined);
      return;
    }
    zip.openReadStream(entry, (error, stream) => {
      if (error !== null) {
        resolve(undefined);
        return;
      }
      const chunks: Buffer[] = [];
      let total = 0;
      let done = false;
      const finish = (): void => {
        if (done) return;
        done = true;
        stream.removeAllListeners('data');
        stream.destroy();
        resolve(Buffer.concat(chunks).subarray(0, HEAD_BYTES));
      };
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        total += chunk.length;
        if (total >= HEAD_BYTES) finish();
      });
      stream.on('end', finish);
      stream.on('error', () => {
        if (total > 0) finish();
        else if (!done) {
          done = true;
          resolve(undefined);
        }
      });
    });
  });
}

/** Lists a zip (central directory only). Throws when the file is not a readable zip. */
export async function listZip(zipPath: string): Promise<ZipListing> {
  const zip = await openZip(zipPath);
  try {
    const names = await readEntries(zip);
    const entries: NameEntry[] = [...names.keys()].map((name) => ({
      path: name.replace(/\/+$/, ''),
      dir: name.endsWith('/'),
    }));
    return {
      entries,
      readHead: async (name) => {
        const entry = names.get(name);
        return entry === undefined ? undefined : readEntryHead(zip, entry);
      },
      close: () => zip.close(),
    };
  } catch (error: unknown) {
    zip.close();
    throw error;
  }
}
