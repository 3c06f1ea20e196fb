/**
 * Rebuilds the original files of one import, byte for byte, in a chosen folder: a file or zip as
 * that one file, a folder export as a folder with every file it held. Everything is written under
 * temporary names and given its final name only once complete and checked (see copy-verified.ts),
 * so an interrupted restore leaves nothing half-written under a final name; an existing file or
 * folder is never replaced (the restored one becomes "name (2)"); and whatever names the archive
 * recorded, nothing lands outside the chosen folder (see safe-tree.ts).
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { safeFileName } from '../../../shared/safe-file-name';
import type { DbClient } from '../db/client';
import { VaultError } from '../errors';
import { prepareDestination } from '../output/destination';
import { outputError } from '../output/output-errors';
import { partialPath, publish, StagingFolder } from '../output/publish';
import { copyVerified, syncFolder } from './copy-verified';
import type { FileHasher } from './file-hasher';
import { SafeTree } from './safe-tree';

export type RestoredFile = Readonly<{
  /** Where the file now is, relative to the restored folder (or its own name). */
  path: string;
  /** The path the archive recorded, when it had to be changed to be safe. */
  originalPath?: string;
  bytes: number;
  sha256: string;
}>;

export type RestoreReport = Readonly<{
  archiveId: string;
  /** The restored file (a file or zip archive) or folder (a folder archive). */
  path: string;
  kind: 'file' | 'folder';
  files: readonly RestoredFile[];
  bytes: number;
}>;

export type RestoreOptions = Readonly<{
  vaultDir: string;
  db: DbClient;
  archiveId: string;
  destination: string;
  signal?: AbortSignal | undefined;
  /** Bytes written and checked so far, of `total`. */
  onProgress?: (done: number, total: number) => void;
  /** How copies are read back and hashed (default: in this thread; the engine uses a pool). */
  hasher?: FileHasher;
}>;

/**
 * Files copied, checked and synced at once: enough to keep the disk writing while other files are
 * copied, read back and hashed (measured on 500 files: 4 at once gave 0.87 of `cp`, 32 gave 1.2-1.5).
 */
const COPIES_AT_ONCE = 32;

function cancelled(): VaultError {
  return new VaultError('CANCELLED', 'The restore was cancelled; nothing was left half-written.');
}

/** Throws CANCELLED when the signal has fired. */
function checkSignal(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw cancelled();
}

export async function restoreArchive(options: RestoreOptions): Promise<RestoreReport> {
  const { db, archiveId, signal } = options;
  const archive = await db.call('archiveForRestore', archiveId);
  if (archive === null) {
    throw new VaultError(
      'NOT_FOUND',
      `There is no archive ${archiveId} in the vault. List them with "chat-vault archives".`,
    );
  }
  if (archive.files.length === 0) {
    throw new VaultError(
      'ARCHIVE_NOT_STORED',
      `The original files of ${archive.name} were never stored in the vault (its import ${archive.status === 'importing' ? 'has not finished' : 'could not keep them'}), so there is nothing to restore.`,
    );
  }
  const destination = await prepareDestination(options.destination);
  const total = archive.files.reduce((sum, file) => sum + file.bytes, 0);
  let done = 0;
  options.onProgress?.(0, total);
  const copy = async (file: (typeof archive.files)[number], target: string): Promise<void> => {
    checkSignal(signal);
    let counted = 0;
    try {
      await copyVerified({
        vaultDir: options.vaultDir,
        sha256: file.sha256,
        bytes: file.bytes,
        target,
        name: file.path,
        signal,
        ...(options.hasher === undefined ? {} : { hasher: options.hasher }),
        onBytes: (bytes) => {
          done += bytes - counted;
          counted = bytes;
          options.onProgress?.(done, total);
        },
      });
    } catch (error) {
      if (signal?.aborted === true) throw cancelled();
      throw error;
    }
  };

  if (archive.container !== 'folder') {
    const [file] = archive.files;
    if (file === undefined) throw new Error('unreachable: an archive without files');
    const temp = partialPath(destination);
    try {
      await copy(file, temp);
      checkSignal(signal);
      const final = await publish(temp, destination, safeFileName(file.path, 'archive'), 'file');
      await syncFolder(destination);
      return {
        archiveId,
        path: final,
        kind: 'file',
        files: [{ path: path.basename(final), bytes: file.bytes, sha256: file.sha256 }],
        bytes: file.bytes,
      };
    } finally {
      await rm(temp, { force: true });
    }
  }

  const staging = await StagingFolder.create(destination);
  try {
    const tree = new SafeTree();
    const planned = archive.files.map((file) => {
      const levels = tree.place(file.path);
      const target = path.join(staging.path, ...levels);
      // SafeTree's levels are plain names; this holds whatever they are.
      if (!target.startsWith(staging.path + path.sep)) throw new Error(`unsafe path ${file.path}`);
      return { file, levels, target };
    });
    const folders = [...new Set(planned.map(({ target }) => path.dirname(target)))];
    for (const folder of folders) {
      try {
        await mkdir(folder, { recursive: true });
      } catch (error) {
        throw outputError(error, folder);
      }
    }
    // A few files at a time: some are read back, hashed or synced while others are being copied.
    let next = 0;
    let failed = false;
    const worker = async (): Promise<void> => {
      while (next < planned.length && !failed) {
        const item = planned[next++];
        if (item === undefined) continue;
        try {
          await copy(item.file, item.target);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    };
    // Every copy has stopped before the first failure is reported (and the folder removed).
    const outcomes = await Promise.allSettled(
      Array.from({ length: Math.min(COPIES_AT_ONCE, planned.length) }, worker),
    );
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
    checkSignal(signal);
    for (const folder of folders) await syncFolder(folder);
    const final = await staging.publish(safeFileName(archive.name, 'archive'));
    await syncFolder(destination);
    const restored: RestoredFile[] = planned.map(({ file, levels }) => {
      const placed = levels.join('/');
      return {
        path: placed,
        ...(placed === file.path ? {} : { originalPath: file.path }),
        bytes: file.bytes,
        sha256: file.sha256,
      };
    });
    return { archiveId, path: final, kind: 'folder', files: restored, bytes: total };
  } finally {
    await staging.discard();
  }
}
