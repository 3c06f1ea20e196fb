/**
 * A zip export read in place: the central directory lists the entries, each entry inflates as a
 * stream when a reader asks for it, under quotas counted on the inflated bytes.
 */
import { Transform, type Readable } from 'node:stream';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ReadError } from '../readers/read-error';
import type { ExportSource, SourceEntry } from './export-source';
import { checkEntryName } from './zip-entry-name';
import { DEFAULT_ZIP_QUOTAS, type ZipQuotas } from './zip-quotas';

export type SkippedEntry = Readonly<{ name: string; reason: string }>;

const fail = (code: 'ZIP_CORRUPT' | 'ZIP_QUOTA', message: string, entry?: string): ReadError =>
  new ReadError(code, message, entry === undefined ? {} : { entry });

function openZip(zipPath: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      zipPath,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (error, zip) =>
        error === null
          ? resolve(zip)
          : reject(
              fail(
                'ZIP_CORRUPT',
                `${path.basename(zipPath)} is not a readable zip: ${error.message}`,
              ),
            ),
    );
  });
}

const rawName = (entry: Entry): string =>
  yauzl.getFileNameLowLevel(
    entry.generalPurposeBitFlag,
    entry.fileNameRaw,
    entry.extraFields,
    false,
  );

const isSymlink = (entry: Entry): boolean =>
  ((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000;

function listEntries(
  zip: ZipFile,
  quotas: ZipQuotas,
  zipName: string,
): Promise<{ entries: Map<string, Entry>; skipped: SkippedEntry[] }> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    const skipped: SkippedEntry[] = [];
    let count = 0;
    zip.on('entry', (entry: Entry) => {
      count += 1;
      if (count > quotas.maxEntries) {
        reject(
          fail(
            'ZIP_QUOTA',
            `${zipName} has more than ${quotas.maxEntries} entries; it is not imported as a chat export.`,
          ),
        );
        return;
      }
      const name = rawName(entry);
      if (!name.endsWith('/')) {
        const checked = checkEntryName(name);
        if (!checked.ok) skipped.push({ name, reason: checked.reason });
        else if (isSymlink(entry)) skipped.push({ name, reason: 'it is a symbolic link' });
        else if (entry.isEncrypted()) skipped.push({ name, reason: 'it is encrypted' });
        else entries.set(checked.path, entry);
      }
      zip.readEntry();
    });
    zip.once('end', () => resolve({ entries, skipped }));
    zip.once('error', (error: Error) =>
      reject(fail('ZIP_CORRUPT', `${zipName} is damaged: ${error.message}`)),
    );
    zip.readEntry();
  });
}

export async function openZipSource(
  zipPath: string,
  quotas: ZipQuotas = DEFAULT_ZIP_QUOTAS,
): Promise<ExportSource & { skipped: readonly SkippedEntry[] }> {
  const name = path.basename(zipPath);
  const totalBytes = (await stat(zipPath)).size;
  const zip = await openZip(zipPath);
  let listed: Awaited<ReturnType<typeof listEntries>>;
  try {
    listed = await listEntries(zip, quotas, name);
  } catch (error) {
    zip.close();
    throw error;
  }
  const sourceEntries: SourceEntry[] = [...listed.entries].map(([entryPath, entry]) => ({
    path: entryPath,
    bytes: entry.uncompressedSize,
  }));
  const byPath = new Map(sourceEntries.map((entry) => [entry.path, entry]));
  let inflatedTotal = 0;
  let compressedRead = 0;

  const open = (entryPath: string): Promise<Readable> => {
    const entry = listed.entries.get(entryPath);
    if (entry === undefined) {
      return Promise.reject(
        new ReadError('ENTRY_MISSING', `${name} has no entry ${entryPath}.`, { entry: entryPath }),
      );
    }
    return new Promise((resolve, reject) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error !== null) {
          reject(
            fail(
              'ZIP_CORRUPT',
              `${entryPath} in ${name} cannot be read: ${error.message}`,
              entryPath,
            ),
          );
          return;
        }
        let inflated = 0;
        const scale =
          entry.uncompressedSize > 0 ? entry.compressedSize / entry.uncompressedSize : 1;
        const guard = new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            inflated += chunk.length;
            inflatedTotal += chunk.length;
            compressedRead += Math.min(chunk.length * scale, entry.compressedSize);
            if (inflated > quotas.maxEntryBytes) {
              callback(
                fail(
                  'ZIP_QUOTA',
                  `${entryPath} in ${name} inflates past ${quotas.maxEntryBytes} bytes.`,
                  entryPath,
                ),
              );
            } else if (inflatedTotal > quotas.maxTotalBytes) {
              callback(
                fail(
                  'ZIP_QUOTA',
                  `${name} inflates past ${quotas.maxTotalBytes} bytes in all.`,
                  entryPath,
                ),
              );
            } else if (
              inflated > quotas.ratioGraceBytes &&
              inflated / Math.max(entry.compressedSize, 1) > quotas.maxRatio
            ) {
              callback(
                fail(
                  'ZIP_QUOTA',
                  `${entryPath} in ${name} inflates more than ${quotas.maxRatio} times its size: a zip bomb?`,
                  entryPath,
                ),
              );
            } else {
              callback(null, chunk);
            }
          },
        });
        stream.on('error', (streamError: Error) =>
          guard.destroy(
            streamError instanceof ReadError
              ? streamError
              : fail(
                  'ZIP_CORRUPT',
                  `${entryPath} in ${name} is damaged: ${streamError.message}`,
                  entryPath,
                ),
          ),
        );
        guard.on('close', () => stream.destroy());
        resolve(stream.pipe(guard));
      });
    });
  };

  return {
    name,
    container: 'zip',
    entries: sourceEntries,
    skipped: listed.skipped,
    find: (entryPath) => byPath.get(entryPath),
    open,
    bytesRead: () => Math.min(Math.round(compressedRead), totalBytes),
    totalBytes,
    close: () => {
      zip.close();
      return Promise.resolve();
    },
  };
}
