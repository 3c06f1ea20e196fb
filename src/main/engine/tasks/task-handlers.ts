/**
 * The contract's handlers for archives, restore, export, verify and their tasks. Each start
 * request checks what it can at once (the archive or conversations exist, the dates and zone are
 * valid) and then runs as a task; the reply carries the task, its events follow.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Handlers } from '../../../shared/contract';
import type { ExportRequest } from '../../../shared/task-contract';
import type { DbClient } from '../db/client';
import { VaultError } from '../errors';
import { exportConversations } from '../export/export-conversations';
import { restoreArchive } from '../restore/restore-archive';
import { verifyVault } from '../verify/verify-vault';
import type { FileHasher } from '../restore/file-hasher';
import type { TaskRunner } from './task-runner';

type TaskMethods =
  | 'archives.list'
  | 'restore.start'
  | 'export.start'
  | 'verify.start'
  | 'tasks.list'
  | 'task.cancel'
  | 'destination.default';

export type TaskHandlerOptions = Readonly<{
  vaultDir: string;
  db: DbClient;
  runner: TaskRunner;
  /** How restores read back and hash what they wrote. */
  hasher?: FileHasher;
  appVersion: string;
  /** Where exports go unless the person picks a folder; default: Documents/Chat Vault Exports. */
  exportFolder?: string | undefined;
}>;

export const EXPORT_FOLDER_NAME = 'Chat Vault Exports';

export function defaultExportFolder(home = os.homedir()): string {
  const documents = path.join(home, 'Documents');
  return path.join(existsSync(documents) ? documents : home, EXPORT_FOLDER_NAME);
}

/** A valid IANA zone, or a clear error. */
export function checkTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    throw new VaultError(
      'INVALID_TIME_ZONE',
      `"${timeZone}" is not a time zone this machine knows (use a name such as Europe/Paris).`,
    );
  }
}

/** A destination must be a full path; said at once, before a task starts. */
function checkDestination(destination: string): void {
  if (!path.isAbsolute(destination)) {
    throw new VaultError(
      'DESTINATION_NOT_ABSOLUTE',
      `"${destination}" is not a full path. Give the whole path of the folder to write into.`,
      { file: destination },
    );
  }
}

function exportTitle(titles: readonly string[]): string {
  const [first] = titles;
  if (first === undefined) return '';
  return titles.length === 1 ? first : `${first} (+${titles.length - 1})`;
}

export function taskHandlers(options: TaskHandlerOptions): Pick<Handlers, TaskMethods> {
  const { db, runner, vaultDir } = options;
  const generator = `Chat Vault ${options.appVersion}`;
  return {
    'archives.list': () => db.call('listArchives'),
    'restore.start': async ({ archiveId, destination }) => {
      checkDestination(destination);
      const archive = await db.call('archiveForRestore', archiveId);
      if (archive === null) {
        throw new VaultError('NOT_FOUND', `There is no archive ${archiveId} in the vault.`);
      }
      const task = runner.start('restore', archive.name, destination, 'bytes', async (controls) => {
        const report = await restoreArchive({
          vaultDir,
          db,
          archiveId,
          destination,
          signal: controls.signal,
          onProgress: controls.progress,
          ...(options.hasher === undefined ? {} : { hasher: options.hasher }),
        });
        return {
          written: [{ path: report.path, files: report.files.length, bytes: report.bytes }],
        };
      });
      return { task };
    },
    'export.start': async (request: ExportRequest) => {
      checkDestination(request.destination);
      const titles: string[] = [];
      for (const id of request.conversationIds) {
        const conversation = await db.call('exportConversation', id);
        if (conversation === null) {
          throw new VaultError('NOT_FOUND', `There is no conversation ${id} in the vault.`);
        }
        titles.push(conversation.title);
      }
      const timeZone = request.timeZone === undefined ? undefined : checkTimeZone(request.timeZone);
      const after = request.after == null ? null : Date.parse(request.after);
      const before = request.before == null ? null : Date.parse(request.before);
      const task = runner.start(
        'export',
        exportTitle(titles),
        request.destination,
        'messages',
        async (controls) => {
          const report = await exportConversations({
            vaultDir,
            db,
            conversationIds: request.conversationIds,
            format: request.format,
            destination: request.destination,
            after,
            before,
            messageIds: request.messageIds ?? null,
            media: request.media ?? true,
            generator,
            ...(timeZone === undefined ? {} : { timeZone }),
            ...(request.language === undefined ? {} : { language: request.language }),
            signal: controls.signal,
            onProgress: controls.progress,
          });
          return { written: report.written };
        },
      );
      return { task };
    },
    'verify.start': () => {
      const task = runner.start('verify', vaultDir, null, 'files', async (controls) => {
        const report = await verifyVault(vaultDir, db, controls.progress, controls.signal);
        return { report };
      });
      return Promise.resolve({ task });
    },
    'tasks.list': () => Promise.resolve({ tasks: runner.list() }),
    'task.cancel': ({ id }) => Promise.resolve({ cancelled: runner.cancel(id) }),
    'destination.default': () =>
      Promise.resolve({ path: options.exportFolder ?? defaultExportFolder() }),
  };
}
