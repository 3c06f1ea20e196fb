/**
 * The end of an import: once the originals are durable, record them, recognise a repeat of bytes
 * the vault already holds (status `unchanged`, the new archive dropped), else close the archive as
 * complete or partial.
 */
import { Readable } from 'node:stream';
import type { Database } from 'better-sqlite3';
import type { ExportSource } from '../source/export-source';
import { storeStream } from '../vault/blob-store';
import {
  archiveTotals,
  dropRepeatedArchive,
  findSameArchive,
  finishArchive,
  type ArchiveHandle,
  type ArchiveTotals,
} from './archive-records';
import type { ImportErrorInfo, ImportResult } from './import-result';
import type { ArchiveFile } from './store-originals';

export type FinishInput = Readonly<{
  db: Database;
  vaultDir: string;
  inputPath: string;
  handle: ArchiveHandle;
  container: ExportSource['container'];
  /** The originals being stored beside the reading. */
  originals: Promise<ArchiveFile[]>;
  /** Where the input broke (or was cancelled), if it did. */
  breakError: ImportErrorInfo | null;
  sawMessages: boolean;
  report: (
    totals: ArchiveTotals,
    status: ImportResult['status'],
    error: ImportErrorInfo | null,
  ) => ImportResult;
}>;

export async function finishImport(input: FinishInput): Promise<ImportResult> {
  const { db, handle, breakError } = input;
  let files: ArchiveFile[];
  try {
    files = await input.originals;
  } catch (error) {
    const info: ImportErrorInfo = {
      code: 'ORIGINAL_NOT_STORED',
      message: `The original could not be stored in the vault: ${error instanceof Error ? error.message : String(error)}`,
      file: input.inputPath,
    };
    finishArchive(db, handle, {
      files: [],
      manifest: null,
      sha256: null,
      bytes: 0,
      status: 'partial',
      error: info,
    });
    return input.report(archiveTotals(db, handle.archiveId), 'partial', info);
  }
  const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
  // A file or zip is its own blob; a folder is identified by the blob of its manifest.
  const manifest =
    input.container === 'folder'
      ? await storeStream(input.vaultDir, Readable.from([Buffer.from(JSON.stringify(files))]))
      : null;
  const sha256 = manifest?.sha256 ?? files[0]?.sha256 ?? null;
  const totals = archiveTotals(db, handle.archiveId);
  if (breakError === null && sha256 !== null && totals.messagesAdded === 0) {
    const same = findSameArchive(db, sha256, handle.archiveId);
    if (same !== null) {
      dropRepeatedArchive(db, handle);
      return { ...input.report(totals, 'unchanged', null), archiveId: same };
    }
  }
  const complete = breakError === null;
  finishArchive(db, handle, {
    files,
    manifest,
    sha256,
    bytes,
    status: complete ? 'complete' : 'partial',
    error: breakError,
  });
  return input.report(
    totals,
    complete ? 'imported' : input.sawMessages ? 'partial' : 'failed',
    breakError,
  );
}
