/**
 * WhatsApp's text export (a .txt, or the zip / folder with `_chat.txt` and media), streamed.
 *
 * Records come out in the file's order: the conversation first (once the first message line is
 * found), each sender as a participant when first seen, then the messages as their lines are read.
 * Only the look-ahead that decides the day/month order is held back (see date-order.ts). Times are
 * wall-clock times in `options.timeZone`, else the machine's zone. WhatsApp has no message ids:
 * `externalId` is null and two identical messages in the same minute are two records.
 */
import { MAX_RECORD_BYTES, ReadError } from '../read-error';
import type { Reader, ReaderOptions, ReadRecord, ReadRecords } from '../records';
import { assertTimeZone, machineTimeZone } from '../zoned-time';
import type { ExportSource } from '../../source/export-source';
import { attachmentResolver } from './attachments';
import { chatTitle, findChatEntry, type ChatEntry } from './chat-entry';
import { ChatAssembler } from './chat-records';
import { MessageLineSorter, type LineEvent, type LookAheadLimits } from './message-lines';
import { readTextLines, type TextLine } from './text-lines';

export type WhatsAppReaderLimits = LookAheadLimits &
  Readonly<{
    /** The longest line or message accepted (RECORD_TOO_LARGE past it). */
    maxRecordBytes: number;
  }>;

export const DEFAULT_WHATSAPP_LIMITS: WhatsAppReaderLimits = {
  maxRecordBytes: MAX_RECORD_BYTES,
  lookAheadLines: 1000,
  lookAheadBytes: 1024 * 1024,
};

const CONVERSATION_REF = 'chat';

async function* readChat(
  source: ExportSource,
  options: ReaderOptions,
  limits: WhatsAppReaderLimits,
): AsyncGenerator<ReadRecords> {
  if (options.timeZone !== undefined) assertTimeZone(options.timeZone);
  const chat = findChatEntry(source);
  const title = chatTitle(source, chat.path);
  const sorter = new MessageLineSorter(chat.path, limits, options.timeZone ?? machineTimeZone());
  const assembler = new ChatAssembler({
    entry: chat.path,
    conversationRef: CONVERSATION_REF,
    title,
    resolveAttachment: attachmentResolver(source, chat.path),
    maxRecordBytes: limits.maxRecordBytes,
  });
  const events: LineEvent[] = [];
  const records: ReadRecord[] = [];
  let announced = false;

  /**
   * Turns the events so far into records and yields them together (see ReadRecords), if there are
   * any; a break is thrown after them.
   */
  function* release(): Generator<readonly ReadRecord[]> {
    let failure: Readonly<{ error: unknown }> | undefined;
    try {
      for (const event of events) assembler.push(event, records);
    } catch (error: unknown) {
      failure = { error };
    }
    events.length = 0;
    if (records.length > 0) {
      if (announced) yield records.splice(0);
      else {
        announced = true;
        yield [...announce(source, chat, title), ...records.splice(0)];
      }
    }
    if (failure !== undefined) throw failure.error;
  }

  const stream = await source.open(chat.path);
  try {
    const batches = readTextLines(stream, chat.path, limits.maxRecordBytes);
    for (;;) {
      let next: IteratorResult<readonly TextLine[]>;
      try {
        next = await batches.next();
      } catch (error: unknown) {
        // The stream failed between lines (a zip quota, damaged data): what was held still counts.
        sorter.interrupt(events);
        for (const ready of release()) yield ready;
        throw error;
      }
      if (next.done === true) break;
      for (const line of next.value) sorter.push(line, events);
      for (const ready of release()) yield ready;
    }
    sorter.end(events);
    for (const ready of release()) yield ready;
    assembler.end(records);
    for (const ready of release()) yield ready;
  } catch (error: unknown) {
    if (error instanceof ReadError && error.position.entry === undefined) {
      throw new ReadError(error.code, error.message, { ...error.position, entry: chat.path });
    }
    throw error;
  } finally {
    stream.destroy();
  }
}

function* announce(source: ExportSource, chat: ChatEntry, title: string): Generator<ReadRecord> {
  yield {
    type: 'conversation',
    ref: CONVERSATION_REF,
    platform: 'whatsapp',
    title,
    identity: `whatsapp:${title}`,
  };
  for (const other of chat.others) {
    yield {
      type: 'warning',
      code: 'OTHER_CHAT_NOT_READ',
      message: `${source.name} holds another chat text, ${other}; only ${chat.path} was read.`,
      entry: other,
    };
  }
}

/** A WhatsApp reader with other limits: for tests that need a small record or look-ahead limit. */
export function createWhatsAppReader(limits: Partial<WhatsAppReaderLimits> = {}): Reader {
  const merged = { ...DEFAULT_WHATSAPP_LIMITS, ...limits };
  return (source, options) => readChat(source, options, merged);
}

export const readWhatsApp: Reader = createWhatsAppReader();
