/**
 * LINE's text export ("Export chat history": `[LINE] Chat with Ana.txt`), in English, Japanese or
 * Chinese, streamed line by line: the conversation first (once its first message is complete),
 * each sender as a participant when first seen, then the messages. LINE writes minutes only and
 * no message ids: `externalId` is null, and two identical messages in the same minute are two
 * records (the vault keys them by their occurrence). Times are wall-clock times in
 * `options.timeZone`, else the machine's zone.
 */
import { MAX_RECORD_BYTES, ReadError } from '../read-error';
import type { Reader, ReaderOptions, ReadMessage, ReadRecord } from '../records';
import { WarningBudget } from '../warning-budget';
import { readTextLines } from '../whatsapp/text-lines';
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

function withEntry(error: unknown, entry: string): unknown {
  if (error instanceof ReadError && error.position.entry === undefined) {
    return new ReadError(error.code, error.message, { ...error.position, entry });
  }
  return error;
}

async function* readChat(
  source: ExportSource,
  entry: string,
  ref: string,
  timeZone: string,
  limits: LineReaderLimits,
): AsyncGenerator<ReadRecord> {
  const budget = new WarningBudget(entry, 5);
  const pending: ReadRecord[] = [];
  const lines = new LineChatLines({
    entry,
    timeZone,
    maxRecordBytes: limits.maxRecordBytes,
    warn: (code, message) => {
      const record = budget.warn(code, message, entry);
      if (record !== null) pending.push(record);
    },
  });
  const senders = new Set<string>();
  let announced = false;
  const messages: ReadMessage[] = [];

  /** The records of the messages completed so far (the conversation before the first). */
  function* release(): Generator<ReadRecord> {
    if (!announced && (messages.length > 0 || lines.chatTitle !== null)) {
      announced = true;
      const title = lines.chatTitle ?? titleFromFileName(baseName(entry)) ?? 'LINE chat';
      yield { type: 'conversation', ref, platform: 'line', title, identity: `line:${title}` };
    }
    yield* pending.splice(0);
    for (const message of messages.splice(0)) {
      if (message.sender !== null && !senders.has(message.sender)) {
        senders.add(message.sender);
        yield { type: 'participant', conversationRef: ref, name: message.sender };
      }
      yield { type: 'message', conversationRef: ref, message };
    }
  }

  const stream = await source.open(entry);
  try {
    for await (const batch of readTextLines(stream, entry, limits.maxRecordBytes)) {
      let failure: Readonly<{ error: unknown }> | null = null;
      try {
        for (const line of batch) lines.push(line, messages);
      } catch (error: unknown) {
        failure = { error };
      }
      yield* release();
      if (failure !== null) throw failure.error;
    }
    lines.end(messages);
    yield* release();
    yield* budget.summary();
    if (!announced) {
      throw new ReadError(
        'INVALID_FORMAT',
        `${entry} holds no LINE messages: no date line followed by "time<tab>name<tab>text" lines.`,
        { entry, byte: 0 },
      );
    }
  } catch (error: unknown) {
    // A stream that fails between lines (a zip quota, damaged data): what was read still counts.
    lines.end(messages);
    yield* release();
    throw withEntry(error, entry);
  } finally {
    stream.destroy();
  }
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
    yield* readChat(source, entry, `chat-${index + 1}`, timeZone, limits);
  }
}

/** A LINE reader with other limits: for tests that need a small record limit. */
export function createLineReader(limits: Partial<LineReaderLimits> = {}): Reader {
  const merged = { ...DEFAULT_LIMITS, ...limits };
  return (source, options) => readLine(source, options, merged);
}

export const readLineText: Reader = createLineReader();
