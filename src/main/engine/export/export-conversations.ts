/**
 * Exports conversations into a chosen folder, one folder per conversation (named after it), in
 * one of four formats. Messages are read from the vault a page at a time by cursor and written as
 * they come, so memory stays flat for a conversation of any size. Each conversation's folder is
 * written under a temporary name and renamed only once complete, never replacing anything (a
 * second export of "Ana" becomes "Ana (2)"); a cancel or a failure removes the unfinished folder.
 *
 * Which messages: a whole conversation, a date range of it, or chosen messages (the hits of a
 * search); `pages` lets another source (a search query) supply them instead of the vault's pages.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ExportFormat, Written } from '../../../shared/task-contract';
import { safeFileName } from '../../../shared/safe-file-name';
import type { DbClient } from '../db/client';
import { VaultError } from '../errors';
import { prepareDestination } from '../output/destination';
import { StagingFolder } from '../output/publish';
import { createChatLabWriter } from './chatlab-writer';
import type {
  ExportConversation,
  ExportHeader,
  ExportItem,
  ExportLanguage,
  ExportMessage,
  FormatWriter,
  ReplyPreview,
  WriterContext,
} from './export-types';
import { createHtmlWriter } from './html/html-writer';
import { createJsonWriter } from './json-writer';
import { MediaCopier } from './media-copier';
import { createTextWriter } from './text-writer';
import { machineTimeZone } from './zoned-clock';

/** Messages read from the vault per query. */
export const EXPORT_PAGE_MESSAGES = 1000;

/** Pages of one conversation's messages, oldest first. */
export type MessagePages = (conversationId: string) => AsyncIterable<readonly ExportMessage[]>;

export type ExportOptions = Readonly<{
  vaultDir: string;
  db: DbClient;
  conversationIds: readonly string[];
  format: ExportFormat;
  destination: string;
  /** Only messages sent at or after / before these instants (ms). */
  after?: number | null;
  before?: number | null;
  /** Only these messages (vault ids). */
  messageIds?: readonly string[] | null;
  /** Another source of the messages (e.g. a search); default: the vault's pages. */
  pages?: MessagePages;
  /** Copy stored photos and files beside the export (default true). */
  media?: boolean;
  generator: string;
  timeZone?: string;
  language?: ExportLanguage;
  signal?: AbortSignal | undefined;
  /** Messages written so far, of `total` (known once every conversation was counted). */
  onProgress?: (done: number, total: number) => void;
  /** Test hook: messages per HTML page. */
  htmlPageMessages?: number;
}>;

export type ExportReport = Readonly<{
  format: ExportFormat;
  destination: string;
  written: readonly Written[];
  /** Stored files that messages show but the vault no longer has (see verify). */
  missingMedia: number;
}>;

/** Read through a function so that checks after an `await` are not narrowed away. */
const aborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true;

function cancelled(): VaultError {
  return new VaultError(
    'CANCELLED',
    'The export was cancelled; the unfinished folder was removed and nothing else was touched.',
  );
}

async function createWriter(
  format: ExportFormat,
  context: WriterContext,
  htmlPageMessages: number | undefined,
): Promise<FormatWriter> {
  switch (format) {
    case 'html':
      return createHtmlWriter(context, htmlPageMessages);
    case 'txt':
      return createTextWriter(context);
    case 'json':
      return createJsonWriter(context);
    case 'chatlab':
      return createChatLabWriter(context);
  }
}

/** The vault's own pages of a conversation (a range, or chosen messages), by cursor. */
export function vaultPages(
  db: DbClient,
  range: Readonly<{
    after: number | null;
    before: number | null;
    messageIds: readonly string[] | null;
  }>,
): MessagePages {
  return async function* pages(conversationId) {
    let cursor = { sentAt: range.after ?? Number.MIN_SAFE_INTEGER, id: 0 };
    for (;;) {
      const page = await db.call('exportPage', {
        conversationId,
        cursor,
        before: range.before,
        messageIds: range.messageIds,
        limit: EXPORT_PAGE_MESSAGES,
      });
      if (page.length > 0) yield page;
      const last = page.at(-1);
      if (last === undefined || page.length < EXPORT_PAGE_MESSAGES) return;
      cursor = { sentAt: last.sentAt, id: Number(last.id) };
    }
  };
}

export async function exportConversations(options: ExportOptions): Promise<ExportReport> {
  const { db, signal } = options;
  const after = options.after ?? null;
  const before = options.before ?? null;
  const messageIds = options.messageIds ?? null;
  const conversations: ExportConversation[] = [];
  for (const id of new Set(options.conversationIds)) {
    const conversation = await db.call('exportConversation', id);
    if (conversation === null) {
      throw new VaultError(
        'NOT_FOUND',
        `There is no conversation ${id} in the vault. List them with "chat-vault conversations".`,
      );
    }
    conversations.push(conversation);
  }
  const destination = await prepareDestination(options.destination);
  const counts = await Promise.all(
    conversations.map((conversation) =>
      db.call('countExportMessages', {
        conversationId: conversation.id,
        after,
        before,
        messageIds,
      }),
    ),
  );
  const total = counts.reduce((sum, count) => sum + count, 0);
  const pages = options.pages ?? vaultPages(db, { after, before, messageIds });
  const written: Written[] = [];
  let done = 0;
  let missingMedia = 0;
  options.onProgress?.(0, total);

  for (const [index, conversation] of conversations.entries()) {
    if (aborted(signal)) throw cancelled();
    const header: ExportHeader = {
      conversation,
      messageCount: counts[index] ?? 0,
      after,
      before,
      chosen: messageIds !== null || options.pages !== undefined,
      exportedAt: Date.now(),
      generator: options.generator,
      timeZone: options.timeZone ?? machineTimeZone(),
      language: options.language ?? 'en',
    };
    const staging = await StagingFolder.create(destination);
    let writer: FormatWriter | null = null;
    try {
      writer = await createWriter(
        options.format,
        { folder: staging.path, header },
        options.htmlPageMessages,
      );
      const media =
        options.media === false ? null : new MediaCopier(options.vaultDir, staging.path);
      let messages = 0;
      for await (const page of pages(conversation.id)) {
        if (aborted(signal)) throw cancelled();
        const items: ExportItem[] = await Promise.all(
          page.map(async (message) => ({
            message,
            files:
              media === null
                ? message.attachments.map(() => null)
                : await Promise.all(
                    message.attachments.map((attachment) =>
                      media.place(attachment.sha256, attachment.name, attachment.bytes),
                    ),
                  ),
          })),
        );
        let replies: ReadonlyMap<string, ReplyPreview> = new Map();
        if (writer.wantsReplies) {
          const wanted = [...new Set(page.flatMap((message) => message.replyTo ?? []))];
          const found = await db.call('replyPreviews', conversation.id, wanted);
          replies = new Map(found.map((preview) => [preview.externalId, preview]));
        }
        await writer.page(items, replies);
        messages += page.length;
        done += page.length;
        options.onProgress?.(done, Math.max(total, done));
      }
      await writer.finish();
      if (aborted(signal)) throw cancelled();
      const final = await staging.publish(safeFileName(conversation.title, 'chat'));
      missingMedia += media?.missing ?? 0;
      written.push({
        path: final,
        ...(await sizeOf(final)),
        conversationId: conversation.id,
        messages,
      });
    } catch (error) {
      await writer?.abandon();
      if (aborted(signal)) throw cancelled();
      throw error;
    } finally {
      await staging.discard();
    }
  }
  return { format: options.format, destination, written, missingMedia };
}

/** Files under `folder` and their bytes (what an export wrote, for its report). */
async function sizeOf(folder: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      const inner = await sizeOf(full);
      files += inner.files;
      bytes += inner.bytes;
    } else if (entry.isFile()) {
      files += 1;
      bytes += (await stat(full)).size;
    }
  }
  return { files, bytes };
}
