/**
 * LINE's text export ("Export chat history": `[LINE] Chat with Ana.txt`), in English, Japanese or
 * Chinese, streamed line by line: the conversation first (once its first message is complete),
 * each sender as a participant when first seen, then the messages. LINE writes minutes only and
 * no message ids: `externalId` is null, and two identical messages in the same minute are two
 * records (the vault keys them by their occurrence). Times are wall-clock times in
 * `options.timeZone`, else the machine's zone.
 */
import { MAX_RECORD_BYTES, ReadError } from '../read-error';
import type { Reader, ReaderOptions, ReadRecord } from '../records';
import { readTextChat, type TextChat } from '../text-chat';
import { assertTimeZone, machineTimeZone } from '../zoned-time';
import type { ExportSource } from '../../source/export-source';
import { baseName, findChatEntries } from './chat-entries';
import { LineChatLines } from './chat-lines';
import { titleFromFileName } from './header';

export type LineReaderLimits = Readonly<{
  /** The longest line or message accepted (RECORD_TOO_LARGE past it). */
  maxRecordBytes: number;
}>;

const DEFAULT_LIMITS: LineReaderLimits = { maxRecordBytes: MAX_RECORD_BYTES };

function lineChat(
  entry: string,
  ref: string,
  timeZone: string,
  limits: LineReaderLimits,
): TextChat {
  let lines: LineChatLines | undefined;
  return {
    entry,
    ref,
    platform: 'line',
    title: () => lines?.chatTitle ?? titleFromFileName(baseName(entry)) ?? 'LINE chat',
    identity: (title) => `line:${title}`,
    parser: (warn) => {
      lines = new LineChatLines({ entry, timeZone, maxRecordBytes: limits.maxRecordBytes, warn });
      return lines;
    },
    maxRecordBytes: limits.maxRecordBytes,
    empty: () =>
      new ReadError(
        'INVALID_FORMAT',
        `${entry} holds no LINE messages: no date line followed by "time<tab>name<tab>text" lines.`,
        { entry, byte: 0 },
      ),
  };
}

async function* readLine(
  source: ExportSource,
  options: ReaderOptions,
  limits: LineReaderLimits,
): AsyncGenerator<ReadRecord> {
  if (options.timeZone !== undefined) assertTimeZone(options.timeZone);
  const timeZone = options.timeZone ?? machineTimeZone();
  const entries = findChatEntries(source);
  for (const [index, entry] of entries.entries()) {
    yield* readTextChat(source, lineChat(entry, `chat-${index + 1}`, timeZone, limits));
  }
}

/** A LINE reader with other limits: for tests that need a small record limit. */
export function createLineReader(limits: Partial<LineReaderLimits> = {}): Reader {
  const merged = { ...DEFAULT_LIMITS, ...limits };
  return (source, options) => readLine(source, options, merged);
}

export const readLineText: Reader = createLineReader();
