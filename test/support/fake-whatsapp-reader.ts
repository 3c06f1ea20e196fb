import { createInterface } from 'node:readline';
import { ReadError } from '../../src/main/engine/readers/read-error';
import { plainMessage, type Reader, type ReadMessage } from '../../src/main/engine/readers/records';

const LINE = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+) - ([^:]+): (.*)$/u;

export type FakeReaderOptions = Readonly<{ breakAfter?: number }>;

/**
 * A deliberately small reader for pipeline tests: `M/D/YY, H:MM - Sender: text` lines, UTC, one
 * conversation named after the file. (The real WhatsApp reader is tested on its own.)
 */
export function fakeWhatsAppReader(options: FakeReaderOptions = {}): Reader {
  return async function* read(source) {
    const entry = source.entries.find((candidate) => candidate.path.endsWith('.txt'));
    if (entry === undefined) throw new ReadError('INVALID_FORMAT', 'no chat text');
    yield {
      type: 'conversation',
      ref: 'chat',
      platform: 'whatsapp',
      title: 'Test chat',
      identity: 'whatsapp:test',
    };
    let line = 0;
    let count = 0;
    for await (const text of createInterface({
      input: await source.open(entry.path),
      crlfDelay: Infinity,
    })) {
      line += 1;
      const match = LINE.exec(text);
      if (match === null) continue;
      if (options.breakAfter !== undefined && count >= options.breakAfter) {
        throw new ReadError('TRUNCATED', 'the file breaks here', { entry: entry.path, line });
      }
      const [, month, day, year, hour, minute, sender, body] = match;
      const message: ReadMessage = plainMessage({
        sentAt: Date.UTC(
          2000 + Number(year),
          Number(month) - 1,
          Number(day),
          Number(hour),
          Number(minute),
        ),
        sender: sender ?? null,
        text: body ?? '',
      });
      count += 1;
      yield { type: 'participant', conversationRef: 'chat', name: message.sender ?? '' };
      yield { type: 'message', conversationRef: 'chat', message };
    }
  };
}

/** WhatsApp-style lines for `count` messages, one a minute from 1 Jan 2020. */
export function chatLines(
  count: number,
  start = 0,
  sender = (i: number) => (i % 2 === 0 ? 'Ana' : 'Bo'),
): string {
  let out = '';
  for (let i = start; i < start + count; i += 1) {
    const day = 1 + Math.floor(i / 1440);
    const hour = Math.floor((i % 1440) / 60);
    const minute = i % 60;
    out += `1/${day}/20, ${hour}:${String(minute).padStart(2, '0')} - ${sender(i)}: message ${i}\n`;
  }
  return out;
}
