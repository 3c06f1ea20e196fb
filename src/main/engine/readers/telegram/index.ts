/**
 * Telegram Desktop's machine-readable export (result.json), one chat or the whole account, read as
 * a stream: the JSON is tokenized as it arrives and one message object at a time is assembled,
 * converted and yielded, so memory stays flat for a file of any size. A message object over the
 * record limit (64 MB) ends the read with RECORD_TOO_LARGE; broken input ends it with the ReadError
 * naming the byte, after every complete message before it has been yielded.
 *
 * Names and texts that arrive double-encoded (UTF-8 read as Windows-1252, as tools that re-save
 * the file sometimes leave them) are repaired, and a warning says so once.
 */
import { streamJsonBatches } from '../json/json-stream';
import { repairMojibake } from '../mojibake';
import { MAX_RECORD_BYTES } from '../read-error';
import type { Reader, ReadRecord } from '../records';
import { ChatWalker } from './chat-walker';
import { selectTelegram } from './export-layout';
import { locateTelegramJson } from './locate-export';
import { WarningBudget } from './warnings';

export type TelegramReaderLimits = Readonly<{
  /** The largest message object, in bytes of JSON (default MAX_RECORD_BYTES, 64 MB). */
  maxRecordBytes?: number;
}>;

/** A Telegram JSON reader with its own limits (tests use a small record limit). */
export function createTelegramJsonReader(limits: TelegramReaderLimits = {}): Reader {
  return async function* readTelegram(source, options) {
    const { entry, root } = locateTelegramJson(source);
    const pending: ReadRecord[] = [];
    const warnings = new WarningBudget(entry);
    const warn = (code: string, message: string): void => {
      const record = warnings.warn(code, message);
      if (record !== null) pending.push(record);
    };
    let repaired = false;
    const clean = (text: string): string => {
      const fixed = repairMojibake(text);
      if (fixed !== text && !repaired) {
        repaired = true;
        const message = `Some names or texts in ${entry} were double-encoded (UTF-8 read as Windows-1252) and have been repaired.`;
        warn('MOJIBAKE_REPAIRED', message);
      }
      return fixed;
    };
    const walker = new ChatWalker({
      entry,
      root,
      timeZone: options.timeZone,
      clean,
      warn,
      onUnsafePath: (rawPath) => {
        warn(
          'MEDIA_PATH_UNSAFE',
          `A media path in ${entry} points outside the export and is ignored: ${rawPath}`,
        );
      },
    });
    const stream = await source.open(entry);
    const events = streamJsonBatches(stream, {
      select: selectTelegram,
      maxValueBytes: limits.maxRecordBytes ?? MAX_RECORD_BYTES,
      entry,
      telegramDesktopQuirks: true,
    });
    try {
      for await (const batch of events) {
        // The records of a batch of events go out together (see ReadRecords); a break in the
        // middle of one goes after the records before it.
        const ready: ReadRecord[] = [];
        let failure: Readonly<{ error: unknown }> | undefined;
        try {
          for (const event of batch) {
            const records = walker.handle(event);
            // Warnings come before the records they are about.
            if (pending.length > 0) for (const warning of pending.splice(0)) ready.push(warning);
            for (const record of records) ready.push(record);
          }
        } catch (error: unknown) {
          failure = { error };
        }
        if (ready.length > 0) yield ready;
        if (failure !== undefined) throw failure.error;
      }
      walker.finish(source.find(entry)?.bytes ?? 0);
      yield* warnings.summary();
    } finally {
      stream.destroy();
    }
  };
}

export const readTelegramJson: Reader = createTelegramJsonReader();
