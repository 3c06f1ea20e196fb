/**
 * One import, start to finish, streaming: detect the format, open the export in place, and while
 * the original is stored whole beside the reading, turn the reader's records into batches that
 * commit as they fill — the first one small and early so messages show within a second, later ones
 * large. Resumes an interrupted import of the same path from its checkpoint. Never throws: every
 * outcome, broken input included, comes back as an ImportResult.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { detectFormat } from '../detect/detect-format';
import type { FormatId } from '../detect/format';
import { describeError, VaultError } from '../errors';
import { ReadError } from '../readers/read-error';
import { isRecordList, type Reader, type ReadRecord } from '../readers/records';
import { openExportSource } from '../source/open-export-source';
import type { ExportSource } from '../source/export-source';
import { storeStream, type CopyAndHash, type StoredBlob } from '../vault/blob-store';
import { startArchive, type ArchiveHandle, type ArchiveTotals } from './archive-records';
import { BatchPacker } from './batch-columns';
import { BatchPolicy, COMMITS_IN_FLIGHT } from './batch-policy';
import { finishImport } from './finish-import';
import type { ImportErrorInfo, ImportProgress, ImportResult, ImportWarning } from './import-result';
import { conversationIdFor, MessageKeyer } from './message-key';
import { storeFolderEntry, storeOriginals, type BlobCache } from './store-originals';
import { inThreadSink, type BatchSink } from './batch-sink';
import { attachmentRows, messageRow } from './vault-writer';

export type RunImportOptions = Readonly<{
  db: Database;
  vaultDir: string;
  inputPath: string;
  readerFor: (format: FormatId) => Reader | undefined;
  timeZone?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** After each commit (the UI refreshes its lists). */
  onCommit?: () => void;
  /** Where batches are committed; default: a writer on `db`, on this thread. */
  sink?: BatchSink;
  /**
   * How an original that is one file (a file or zip export) is copied into the vault and hashed;
   * default: on this thread. The import thread has it done on a thread at background priority.
   */
  copyOriginal?: CopyAndHash;
}>;

const failed = (
  inputPath: string,
  format: FormatId | null,
  error: ImportErrorInfo,
): ImportResult => ({
  path: inputPath,
  status: 'failed',
  format,
  archiveId: null,
  conversations: 0,
  messagesAdded: 0,
  messagesExisting: 0,
  warnings: [],
  error,
});

function errorFrom(error: unknown, file: string): ImportErrorInfo {
  if (error instanceof ReadError) {
    return { code: error.code, message: error.message, file, position: error.position };
  }
  const { code, message } = describeError(error);
  return { code, message, file };
}

export async function runImport(options: RunImportOptions): Promise<ImportResult> {
  const inputPath = path.resolve(options.inputPath);
  const name = path.basename(inputPath);
  let detection;
  try {
    await stat(inputPath).catch((error: unknown) => {
      throw new VaultError(
        'NOT_FOUND',
        `${inputPath} could not be read: it does not exist or is not accessible.`,
        {
          file: inputPath,
          cause: error,
        },
      );
    });
    detection = await detectFormat(inputPath);
  } catch (error) {
    return failed(inputPath, null, errorFrom(error, inputPath));
  }
  if (detection.kind === 'unknown') {
    return failed(inputPath, null, {
      code: 'UNKNOWN_FORMAT',
      message: `Chat Vault found no chat in ${name} (${detection.reason}). Export the chat again from its app and drop the exported file, folder or zip.`,
      file: inputPath,
    });
  }
  const reader = options.readerFor(detection.format);
  if (reader === undefined) {
    return failed(inputPath, detection.format, {
      code: 'READER_NOT_AVAILABLE',
      message: `${name} is a ${detection.format} export, which this version of Chat Vault cannot read yet. Nothing was stored.`,
      file: inputPath,
    });
  }
  let opened;
  try {
    opened = await openExportSource(inputPath, detection.container);
  } catch (error) {
    return failed(inputPath, detection.format, errorFrom(error, inputPath));
  }
  const { source, skipped } = opened;
  try {
    const handle = startArchive(options.db, {
      path: inputPath,
      name,
      format: detection.format,
      container: detection.container,
    });
    const warnings: ImportWarning[] = skipped.map((entry) => ({
      code: 'ENTRY_SKIPPED',
      message: `${entry.name} was skipped: ${entry.reason}.`,
      entry: entry.name,
    }));
    return await importRecords(options, {
      inputPath,
      format: detection.format,
      source,
      reader,
      handle,
      warnings,
    });
  } finally {
    await source.close();
  }
}

type ImportContext = Readonly<{
  inputPath: string;
  format: FormatId;
  source: ExportSource;
  reader: Reader;
  handle: ArchiveHandle;
  warnings: ImportWarning[];
}>;

async function importRecords(
  options: RunImportOptions,
  context: ImportContext,
): Promise<ImportResult> {
  const { db, vaultDir } = options;
  const { inputPath, source, handle, warnings } = context;
  const sink = options.sink ?? inThreadSink(db);
  /** Commits sent and not yet awaited, oldest first. */
  const inFlight: Promise<void>[] = [];
  /** The first commit that failed: no batch is sent after it (its records must be read again). */
  let commitFailure: Readonly<{ error: unknown }> | null = null;
  const stopIfACommitFailed = (): void => {
    if (commitFailure !== null) throw commitFailure.error;
  };
  const keyer = new MessageKeyer();
  const blobCache: BlobCache = new Map();
  // The original is stored beside the reading, starting once the first batch is committed, so that
  // copying a large file never delays the first messages.
  let firstCommitted: () => void = () => undefined;
  const firstCommit = new Promise<void>((resolve) => (firstCommitted = resolve));
  const originals = firstCommit.then(() =>
    storeOriginals(vaultDir, inputPath, source, blobCache, options.copyOriginal),
  );
  originals.catch(() => undefined);
  const conversations = new Map<string, string>();
  const seenParticipants = new Set<string>();
  const policy = new BatchPolicy();
  /** The next batch, packed as it is read. */
  const packer = new BatchPacker();
  let records = 0;
  let messages = 0;
  let breakError: ImportErrorInfo | null = null;

  const attachmentBlob = (entryPath: string | null): Promise<StoredBlob | null> => {
    if (entryPath === null || source.find(entryPath) === undefined) return Promise.resolve(null);
    if (source.container === 'folder')
      return storeFolderEntry(vaultDir, inputPath, entryPath, blobCache);
    let stored = blobCache.get(entryPath);
    if (stored === undefined) {
      stored = source.open(entryPath).then((stream) => storeStream(vaultDir, stream));
      blobCache.set(entryPath, stored);
    }
    return stored.catch((error: unknown) => {
      warnings.push({
        code: 'ATTACHMENT_UNREADABLE',
        message: `${entryPath} could not be stored: ${error instanceof Error ? error.message : String(error)}`,
        entry: entryPath,
      });
      return null;
    });
  };

  const flush = async (): Promise<void> => {
    stopIfACommitFailed();
    const batch = await packer.take();
    // Reading goes on while batches commit, and the writer has the next batch at hand when it
    // finishes one: up to COMMITS_IN_FLIGHT are sent and not yet done.
    while (inFlight.length >= COMMITS_IN_FLIGHT) await inFlight.shift();
    stopIfACommitFailed();
    const progress = { bytesDone: source.bytesRead(), bytesTotal: source.totalBytes, messages };
    const commit = sink
      .commit(batch, handle.archiveId, { id: handle.jobId, recordsDone: records })
      .then(
        () => {
          options.onProgress?.(progress);
          options.onCommit?.();
        },
        (error: unknown) => {
          commitFailure ??= { error };
          throw error;
        },
      );
    // A failure is seen when the commit is awaited, not as an unhandled rejection before.
    commit.catch(() => undefined);
    inFlight.push(commit);
    policy.committed();
    void commit.then(firstCommitted, firstCommitted);
  };

  const accept = (record: ReadRecord, replay: boolean): void => {
    switch (record.type) {
      case 'conversation': {
        const id = record.vaultId ?? conversationIdFor(record.identity);
        conversations.set(record.ref, id);
        packer.conversation({ id, platform: record.platform, title: record.title });
        return;
      }
      case 'participant': {
        const conversationId = conversations.get(record.conversationRef);
        const key = `${conversationId ?? ''}\u0000${record.name}`;
        if (conversationId === undefined || seenParticipants.has(key)) return;
        seenParticipants.add(key);
        packer.participant({ conversationId, name: record.name });
        return;
      }
      case 'message': {
        const conversationId = conversations.get(record.conversationRef);
        if (conversationId === undefined) return;
        const key = keyer.key(conversationId, record.message);
        messages += 1;
        if (replay) return;
        const message = record.message;
        const row = messageRow(conversationId, key, message, []);
        if (message.attachments.length === 0) packer.add(row);
        else
          packer.add(
            row,
            Promise.all(
              message.attachments.map((attachment) => attachmentBlob(attachment.entryPath)),
            ).then((blobs) => attachmentRows(message, blobs)),
          );
        return;
      }
      case 'warning':
        if (!replay)
          warnings.push({
            code: record.code,
            message: record.message,
            ...(record.entry === undefined ? {} : { entry: record.entry }),
          });
        return;
    }
  };

  try {
    for await (const item of context.reader(
      source,
      options.timeZone === undefined ? {} : { timeZone: options.timeZone },
    )) {
      if (options.signal?.aborted === true) throw new ReadError('INVALID_FORMAT', 'cancelled');
      for (const record of isRecordList(item) ? item : [item]) {
        records += 1;
        accept(record, records <= handle.recordsDone);
        if (policy.due(packer.count, packer.byteLength)) await flush();
      }
    }
  } catch (error) {
    breakError =
      options.signal?.aborted === true
        ? {
            code: 'CANCELLED',
            message: 'The import was cancelled; what was read before is kept.',
            file: inputPath,
          }
        : errorFrom(error, inputPath);
  }
  try {
    await flush();
    while (inFlight.length > 0) await inFlight.shift();
  } catch (error) {
    breakError ??= errorFrom(error, inputPath);
    await Promise.allSettled(inFlight);
  }
  firstCommitted();

  return finishImport({
    db,
    vaultDir,
    inputPath,
    handle,
    container: source.container,
    originals,
    breakError,
    sawMessages: messages > 0,
    report: (totals, status, error) => result(context, totals, conversations.size, status, error),
  });
}

function result(
  context: ImportContext,
  totals: ArchiveTotals,
  conversationCount: number,
  status: ImportResult['status'],
  error: ImportErrorInfo | null,
): ImportResult {
  return {
    path: context.inputPath,
    status,
    format: context.format,
    archiveId: context.handle.publicId,
    conversations: conversationCount,
    messagesAdded: totals.messagesAdded,
    messagesExisting: totals.messagesExisting,
    warnings: context.warnings,
    error,
  };
}
