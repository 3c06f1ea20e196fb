/**
 * Synthetic exports for the benchmarks, written as streams (never built in memory): a Telegram
 * Desktop `result.json` and a WhatsApp `.txt`, with mixed English and Chinese text.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const WORDS = [
  'hello',
  'see you tomorrow',
  'ok',
  'sounds good',
  'dinner at seven?',
  'photo from the trip',
  'haha',
  'where are you',
];
const CHINESE = ['今天吃饺子了吗', '明天见', '好的', '我在路上', '周末一起去爬山吧', '收到，谢谢'];
const SENDERS = ['Ana', 'Bo', 'Chen Wei', '李雷'];

/** Deterministic text for message `i`. */
export function textFor(i: number): string {
  const english = WORDS[i % WORDS.length] ?? '';
  const chinese = CHINESE[(i * 7) % CHINESE.length] ?? '';
  return i % 3 === 0 ? `${chinese} ${i}` : `${english} #${i}`;
}

export const senderFor = (i: number): string => SENDERS[(i * 13) % SENDERS.length] ?? 'Ana';

async function writeAll(file: string, chunks: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  for (const chunk of chunks) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

// The 13th, so the first WhatsApp line already shows the day comes first.
const START = Date.UTC(2015, 0, 13) / 1000;

function* telegramChunks(messages: number): Generator<string> {
  yield '{\n "name": "Bench chat",\n "type": "personal_chat",\n "id": 4242,\n "messages": [\n';
  let buffer = '';
  for (let i = 0; i < messages; i += 1) {
    const unix = START + i * 30;
    const date = new Date(unix * 1000).toISOString().slice(0, 19);
    const text = textFor(i);
    const sender = senderFor(i);
    buffer += `${i === 0 ? '' : ',\n'}  {\n   "id": ${i + 1},\n   "type": "message",\n   "date": "${date}",\n   "date_unixtime": "${unix}",\n   "from": "${sender}",\n   "from_id": "user${(i * 13) % 4}",\n   "text": ${JSON.stringify(text)},\n   "text_entities": [\n    {\n     "type": "plain",\n     "text": ${JSON.stringify(text)}\n    }\n   ]\n  }`;
    if (buffer.length > 1 << 20) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}\n ]\n}\n`;
}

function* whatsappChunks(messages: number): Generator<string> {
  let buffer = '';
  for (let i = 0; i < messages; i += 1) {
    const date = new Date((START + i * 30) * 1000);
    const day = String(date.getUTCDate()).padStart(2, '0');
    const month = String(date.getUTCMonth() + 1).padStart(2, '0');
    const year = date.getUTCFullYear();
    const time = `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
    buffer += `${day}/${month}/${year}, ${time} - ${senderFor(i)}: ${textFor(i)}\n`;
    if (buffer.length > 1 << 20) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer;
}

export const writeTelegramExport = (file: string, messages: number): Promise<void> =>
  writeAll(file, telegramChunks(messages));

export const writeWhatsAppExport = (file: string, messages: number): Promise<void> =>
  writeAll(file, whatsappChunks(messages));
