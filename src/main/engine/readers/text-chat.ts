/**
 * One chat of a line-based text export (LINE, Signal), streamed: the entry's lines go through the
 * format's line parser, which completes messages; each comes out as a record, after the
 * conversation (announced with the first message, or as soon as the parser has read a title) and
 * after its sender's participant record the first time they speak. Warnings come out before the
 * records of the line that raised them, at most a few per kind. A break is thrown after every
 * message before it has come out; the error always names the entry.
 */
import type { Platform } from '../../../shared/platforms';
import { ReadError } from './read-error';
import type { ReadMessage, ReadRecord } from './records';
import { WarningBudget } from './warning-budget';
import { readTextLines, type TextLine } from './whatsapp/text-lines';
import type { ExportSource } from '../source/export-source';

export type ChatLineParser = Readonly<{
  /** Adds one line; complete messages go to `out`. Throws where the input breaks. */
  push(line: TextLine, out: ReadMessage[]): void;
  /** The input ended: what is still open is complete. */
  end(out: ReadMessage[]): void;
  /** True once the chat may be announced without a message (its title line was read). */
  readonly named: boolean;
}>;

export type TextChat = Readonly<{
  entry: string;
  ref: string;
  platform: Platform;
  /** The chat's title as known when it is announced. */
  title: () => string;
  identity: (title: string) => string;
  /** The chat's parser, given a way to warn. */
  parser: (warn: (code: string, message: string) => void) => ChatLineParser;
  maxRecordBytes: number;
  /** The error when the entry holds no message at all. */
  empty: () => ReadError;
}>;

function withEntry(error: unknown, entry: string): unknown {
  if (error instanceof ReadError && error.position.entry === undefined) {
    return new ReadError(error.code, error.message, { ...error.position, entry });
  }
  return error;
}

export async function* readTextChat(
  source: ExportSource,
  chat: TextChat,
): AsyncGenerator<ReadRecord> {
  const { entry, ref } = chat;
  const budget = new WarningBudget(entry, 5);
  const pending: ReadRecord[] = [];
  const parser = chat.parser((code, message) => {
    const record = budget.warn(code, message, entry);
    if (record !== null) pending.push(record);
  });
  const senders = new Set<string>();
  const messages: ReadMessage[] = [];
  let announced = false;

  function* release(): Generator<ReadRecord> {
    if (!announced && (messages.length > 0 || parser.named)) {
      announced = true;
      const title = chat.title();
      yield {
        type: 'conversation',
        ref,
        platform: chat.platform,
        title,
        identity: chat.identity(title),
      };
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
    for await (const batch of readTextLines(stream, entry, chat.maxRecordBytes)) {
      let failure: Readonly<{ error: unknown }> | null = null;
      try {
        for (const line of batch) parser.push(line, messages);
      } catch (error: unknown) {
        failure = { error };
      }
      yield* release();
      if (failure !== null) throw failure.error;
    }
    parser.end(messages);
    yield* release();
    yield* budget.summary();
    if (!announced) throw chat.empty();
  } catch (error: unknown) {
    // A stream that fails between lines (a zip quota, damaged data): what was read still counts.
    parser.end(messages);
    yield* release();
    throw withEntry(error, entry);
  } finally {
    stream.destroy();
  }
}
