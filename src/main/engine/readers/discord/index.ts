/**
 * DiscordChatExporter JSON, read as a stream: one file per channel or thread (a single file, or a
 * folder or zip of them with their `--media` downloads), each tokenized as it arrives with one
 * message object assembled at a time, so memory stays flat for a channel of any size. The files
 * are read in name order, the partitions of a channel one after the other. A file whose content
 * breaks ends as a break at its byte, after every message before it; the other files are still
 * read (see ../file-breaks.ts). In a folder, a JSON file that is not an export is skipped with a
 * warning.
 */
import { folderOf, type FileProblem } from '../export-path';
import { FileBreaks } from '../file-breaks';
import { streamJsonBatches } from '../json/json-stream';
import { MAX_RECORD_BYTES, ReadError } from '../read-error';
import type { Reader } from '../records';
import { WarningLog } from '../warning-log';
import { discordExportFiles } from './export-files';
import { DiscordConversations, DiscordFileWalker, selectDiscord } from './file-walker';

export type DiscordReaderLimits = Readonly<{
  /** The largest message object, in bytes of JSON (default MAX_RECORD_BYTES, 64 MB). */
  maxRecordBytes?: number;
}>;

function mediaWarning(code: FileProblem, entry: string, raw: string): string {
  return code === 'MEDIA_NOT_FOUND'
    ? `${entry} refers to the media file ${raw}, which is not in the export (import the folder or zip with the media folder DiscordChatExporter wrote).`
    : `${entry} refers to the media file ${raw} outside the export; it is left out.`;
}

export function createDiscordReader(limits: DiscordReaderLimits = {}): Reader {
  return async function* readDiscord(source) {
    const files = discordExportFiles(source);
    if (files.length === 0) {
      throw new ReadError(
        'ENTRY_MISSING',
        `${source.name} holds no DiscordChatExporter JSON file.`,
        {
          entry: source.name,
        },
      );
    }
    const warnings = new WarningLog();
    const breaks = new FileBreaks();
    const conversations = new DiscordConversations();
    let exportsRead = 0;
    for (const entry of files) {
      const walker = new DiscordFileWalker({
        entry,
        folder: folderOf(entry),
        conversations,
        has: (entryPath) => source.find(entryPath) !== undefined,
        warn: (code, raw) => warnings.warn(code, mediaWarning(code, entry, raw), entry),
        note: (code, message) => warnings.warn(code, message, entry),
      });
      const stream = await source.open(entry);
      try {
        const events = streamJsonBatches(stream, {
          select: selectDiscord,
          maxValueBytes: limits.maxRecordBytes ?? MAX_RECORD_BYTES,
          entry,
        });
        for await (const batch of events) {
          for (const event of batch) {
            const records = walker.handle(event);
            // Warnings come before the records they are about.
            for (const warning of warnings.take()) yield warning;
            for (const record of records) yield record;
          }
        }
        walker.finish(source.find(entry)?.bytes ?? 0);
        exportsRead += 1;
      } catch (error: unknown) {
        const foreign =
          error instanceof ReadError &&
          error.code === 'INVALID_FORMAT' &&
          !walker.readMessages &&
          files.length > 1;
        if (foreign) {
          warnings.warn('FILE_SKIPPED', `${error.message} It is skipped.`, entry);
        } else {
          breaks.note(error);
        }
        for (const warning of warnings.take()) yield warning;
      } finally {
        stream.destroy();
      }
    }
    yield* warnings.summary();
    breaks.finish();
    if (exportsRead === 0) {
      throw new ReadError(
        'INVALID_FORMAT',
        `${source.name} holds no DiscordChatExporter export: none of its JSON files is one.`,
        {
          entry: source.name,
        },
      );
    }
  };
}

export const readDiscordJson: Reader = createDiscordReader();
