/**
 * Signal Desktop chats as the community exporter signal-export (`sigexport`) writes them: one
 * Markdown file per chat, `[2019-05-29, 15:04] Aya: text` (later versions with seconds), media in
 * `media/` beside it. Streamed line by line; the conversation first, each sender as a participant
 * when first seen, then the messages. The export has no message ids: `externalId` is null and the
 * vault keys messages by time, sender, text and occurrence. Times are wall-clock times of the
 * exporting computer, read in `options.timeZone`, else the machine's zone.
 */
import path from 'node:path';
import { MAX_RECORD_BYTES, ReadError } from '../read-error';
import type { Reader, ReaderOptions, ReadRecord } from '../records';
import { readTextChat, type TextChat } from '../text-chat';
import { assertTimeZone, machineTimeZone } from '../zoned-time';
import type { ExportSource } from '../../source/export-source';
import { findSignalChats, type SignalChatEntry } from './chat-entries';
import { SignalChatLines } from './chat-lines';
import type { FileFinder } from './message-body';

export type SignalReaderLimits = Readonly<{
  /** The longest line or message accepted (RECORD_TOO_LARGE past it). */
  maxRecordBytes: number;
}>;

const DEFAULT_LIMITS: SignalReaderLimits = { maxRecordBytes: MAX_RECORD_BYTES };

/** Files a chat links to, relative to its folder; never anything outside the export. */
function fileFinder(source: ExportSource, entry: string): FileFinder {
  const folder = path.posix.dirname(entry);
  return (relativePath) => {
    const joined = path.posix.normalize(path.posix.join(folder, relativePath));
    if (joined.startsWith('../') || joined === '..' || path.posix.isAbsolute(joined)) return null;
    return source.find(joined) === undefined ? null : joined;
  };
}

function signalChat(
  source: ExportSource,
  chat: SignalChatEntry,
  ref: string,
  timeZone: string,
  limits: SignalReaderLimits,
): TextChat {
  const { entry } = chat;
  return {
    entry,
    ref,
    platform: 'signal',
    title: () => chat.title ?? 'Signal chat',
    identity: (title) => `signal:${title}`,
    parser: (warn) =>
      new SignalChatLines({
        entry,
        timeZone,
        maxRecordBytes: limits.maxRecordBytes,
        findFile: fileFinder(source, entry),
        warn,
      }),
    maxRecordBytes: limits.maxRecordBytes,
    empty: () =>
      new ReadError(
        'INVALID_FORMAT',
        `${entry} holds no Signal messages: no "[2019-05-29, 15:04] Name: text" lines.`,
        { entry, byte: 0 },
      ),
  };
}

async function* readSignal(
  source: ExportSource,
  options: ReaderOptions,
  limits: SignalReaderLimits,
): AsyncGenerator<ReadRecord> {
  if (options.timeZone !== undefined) assertTimeZone(options.timeZone);
  const timeZone = options.timeZone ?? machineTimeZone();
  for (const [index, chat] of findSignalChats(source).entries()) {
    if (chat.title === null) {
      yield {
        type: 'warning',
        code: 'CHAT_NAME_UNKNOWN',
        message: `${chat.entry} does not say which chat it is; it is kept as "Signal chat". Import the folder that holds it to keep the chat's name.`,
        entry: chat.entry,
      };
    }
    yield* readTextChat(source, signalChat(source, chat, `chat-${index + 1}`, timeZone, limits));
  }
}

/** A Signal reader with other limits: for tests that need a small record limit. */
export function createSignalReader(limits: Partial<SignalReaderLimits> = {}): Reader {
  const merged = { ...DEFAULT_LIMITS, ...limits };
  return (source, options) => readSignal(source, options, merged);
}

export const readSignalText: Reader = createSignalReader();
