/**
 * Synthetic Messenger, LINE and Signal exports for the benchmarks, written as streams (never built
 * in memory), with the same mixed English and Chinese texts as generate.ts:
 * - Messenger: a "Download your information" folder with one thread of `message_N.json` files of
 *   10,000 messages each, newest first, every non-ASCII character escaped byte by byte as
 *   Facebook does (so the reader repairs every Chinese text);
 * - LINE: an English `[LINE] Chat history with Bench.txt` with a date line per day;
 * - Signal: a signal-export `chat.md` (seconds style) in a folder named after the chat.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { senderFor, textFor } from './generate';

const START = Date.UTC(2015, 0, 13);
const STEP_MS = 30_000;
const MESSAGES_PER_FILE = 10_000;

async function writeAll(file: string, chunks: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  for (const chunk of chunks) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** `text` as JSON with every non-ASCII character written as the \u00XX escapes of its bytes. */
function facebookString(text: string): string {
  return JSON.stringify(text).replace(/[^\p{ASCII}]/gu, (char) =>
    [...Buffer.from(char, 'utf8')].map((byte) => `\\u00${byte.toString(16)}`).join(''),
  );
}

function* threadFileChunks(newest: number, oldest: number): Generator<string> {
  yield '{\n  "participants": [\n    {\n      "name": "Ana"\n    },\n    {\n      "name": "Bo"\n    }\n  ],\n  "messages": [\n';
  let buffer = '';
  for (let i = newest; i >= oldest; i -= 1) {
    buffer += `${i === newest ? '' : ',\n'}    {\n      "sender_name": ${facebookString(senderFor(i))},\n      "timestamp_ms": ${START + i * STEP_MS},\n      "content": ${facebookString(textFor(i))},\n      "is_geoblocked_for_viewer": false\n    }`;
    if (buffer.length > 1 << 20) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}\n  ],\n  "title": "Bench",\n  "is_still_participant": true,\n  "thread_path": "inbox/bench_1234567890",\n  "magic_words": []\n}\n`;
}

/** A Messenger export folder at `folder` holding `messages` messages in one thread. */
export async function writeMessengerExport(folder: string, messages: number): Promise<void> {
  const thread = path.join(folder, 'your_facebook_activity/messages/inbox/bench_1234567890');
  await mkdir(thread, { recursive: true });
  const files = Math.max(1, Math.ceil(messages / MESSAGES_PER_FILE));
  for (let file = 1; file <= files; file += 1) {
    const newest = messages - 1 - (file - 1) * MESSAGES_PER_FILE;
    const oldest = Math.max(0, newest - MESSAGES_PER_FILE + 1);
    await writeAll(path.join(thread, `message_${file}.json`), threadFileChunks(newest, oldest));
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function* lineChunks(messages: number): Generator<string> {
  let buffer = '[LINE] Chat history with Bench\nSaved on: 2024/02/01 21:07\n';
  let day = '';
  for (let i = 0; i < messages; i += 1) {
    const at = new Date(START + i * STEP_MS);
    const date = `${at.getUTCFullYear()}/${pad(at.getUTCMonth() + 1)}/${pad(at.getUTCDate())}`;
    if (date !== day) {
      day = date;
      buffer += `\n${date}(${WEEKDAYS[at.getUTCDay()] ?? 'Sun'})\n`;
    }
    buffer += `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}\t${senderFor(i)}\t${textFor(i)}\n`;
    if (buffer.length > 1 << 20) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer;
}

export const writeLineExport = (file: string, messages: number): Promise<void> =>
  writeAll(file, lineChunks(messages));

function* signalChunks(messages: number): Generator<string> {
  let buffer = '';
  for (let i = 0; i < messages; i += 1) {
    const at = new Date(START + i * STEP_MS).toISOString();
    buffer += `[${at.slice(0, 10)} ${at.slice(11, 19)}] ${senderFor(i)}: ${textFor(i)}  \n\n`;
    if (buffer.length > 1 << 20) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer;
}

/** A signal-export output at `folder`: one chat, `Bench/chat.md`. */
export async function writeSignalExport(folder: string, messages: number): Promise<void> {
  await mkdir(path.join(folder, 'Bench'), { recursive: true });
  await writeAll(path.join(folder, 'Bench/chat.md'), signalChunks(messages));
}

function* chatLabChunks(messages: number): Generator<string> {
  let buffer = `${JSON.stringify({
    _type: 'header',
    chatlab: { version: '0.0.2', exportedAt: Math.floor(START / 1000), generator: 'bench' },
    meta: { name: 'Bench group', platform: 'wechat', type: 'group', groupId: '1001' },
  })}\n`;
  const members = ['Ana', 'Bo', 'Chen Wei', '李雷'];
  members.forEach((name, index) => {
    buffer += `${JSON.stringify({ _type: 'member', platformId: `wxid_${index}`, accountName: name })}\n`;
  });
  for (let i = 0; i < messages; i += 1) {
    const member = (i * 13) % members.length;
    buffer += `${JSON.stringify({
      _type: 'message',
      platformMessageId: `m${i}`,
      sender: `wxid_${member}`,
      accountName: members[member],
      timestamp: Math.floor((START + i * STEP_MS) / 1000),
      type: 0,
      content: textFor(i),
    })}\n`;
    if (buffer.length > 1 << 20) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer;
}

/** A ChatLab JSONL export (as WeChat exporters write it) of one group. */
export const writeChatLabExport = (file: string, messages: number): Promise<void> =>
  writeAll(file, chatLabChunks(messages));
