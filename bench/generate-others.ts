/**
 * Synthetic exports of the other platforms for the benchmarks, written as streams: a
 * DiscordChatExporter JSON file, a Slack workspace export folder (a day file per day), and a
 * Telegram Desktop HTML export folder (a thousand messages per page, as the exporter splits them).
 * Texts and senders are those of the Telegram and WhatsApp generators.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { senderFor, textFor } from './generate';

const START = Date.UTC(2015, 0, 13) / 1000;
const SECONDS_APART = 30;
const FLUSH_CHARS = 1 << 20;

async function writeAll(file: string, chunks: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  for (const chunk of chunks) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function* discordChunks(messages: number): Generator<string> {
  yield '{\n  "guild": {\n    "id": "81384788765712384",\n    "name": "Bench Server",\n    "iconUrl": null\n  },\n  "channel": {\n    "id": "81384788765712385",\n    "type": "GuildTextChat",\n    "categoryId": "1",\n    "category": "Text",\n    "name": "general",\n    "topic": null\n  },\n  "dateRange": {\n    "after": null,\n    "before": null\n  },\n  "messages": [\n';
  let buffer = '';
  for (let i = 0; i < messages; i += 1) {
    const timestamp = new Date((START + i * SECONDS_APART) * 1000)
      .toISOString()
      .replace('Z', '+00:00');
    const sender = senderFor(i);
    const reply =
      i % 10 === 9
        ? `,\n      "reference": {\n        "messageId": "${1_000_000 + i - 1}",\n        "channelId": "81384788765712385",\n        "guildId": "81384788765712384"\n      }`
        : '';
    buffer += `${i === 0 ? '' : ',\n'}    {\n      "id": "${1_000_000 + i}",\n      "type": "${reply === '' ? 'Default' : 'Reply'}",\n      "timestamp": "${timestamp}",\n      "timestampEdited": null,\n      "callEndedTimestamp": null,\n      "isPinned": false,\n      "content": ${JSON.stringify(textFor(i))},\n      "author": {\n        "id": "${(i * 13) % 4}",\n        "name": ${JSON.stringify(sender.toLowerCase())},\n        "discriminator": "0000",\n        "nickname": ${JSON.stringify(sender)},\n        "color": null,\n        "isBot": false,\n        "avatarUrl": "https://cdn.discordapp.com/embed/avatars/0.png"\n      },\n      "attachments": [],\n      "embeds": [],\n      "stickers": [],\n      "reactions": [],\n      "mentions": []${reply}\n    }`;
    if (buffer.length > FLUSH_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}\n  ],\n  "messageCount": ${messages}\n}\n`;
}

export const writeDiscordExport = (file: string, messages: number): Promise<void> =>
  writeAll(file, discordChunks(messages));

const MESSAGES_PER_DAY = 86_400 / SECONDS_APART;

function* slackDay(first: number, last: number): Generator<string> {
  let buffer = '[\n';
  for (let i = first; i < last; i += 1) {
    const ts = `${START + i * SECONDS_APART}.${String(i % 1_000_000).padStart(6, '0')}`;
    const thread =
      i % 10 === 9
        ? `,\n        "thread_ts": "${START + (i - 1) * SECONDS_APART}.${String((i - 1) % 1_000_000).padStart(6, '0')}"`
        : '';
    buffer += `${i === first ? '' : ',\n'}    {\n        "client_msg_id": "m-${i}",\n        "type": "message",\n        "text": ${JSON.stringify(textFor(i))},\n        "user": "U${(i * 13) % 4}",\n        "ts": "${ts}"${thread},\n        "team": "T1"\n    }`;
    if (buffer.length > FLUSH_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}\n]\n`;
}

/** A Slack export folder with one channel, #general, of `messages` messages. */
export async function writeSlackExport(folder: string, messages: number): Promise<void> {
  await mkdir(path.join(folder, 'general'), { recursive: true });
  const users = [0, 1, 2, 3].map((index) => ({
    id: `U${index}`,
    name: senderFor(index * 5).toLowerCase(),
    real_name: senderFor(index * 5),
    profile: { display_name: '', real_name: senderFor(index * 5) },
  }));
  await writeFile(path.join(folder, 'users.json'), JSON.stringify(users, null, 4));
  await writeFile(
    path.join(folder, 'channels.json'),
    JSON.stringify([{ id: 'C1', name: 'general', members: users.map((user) => user.id) }], null, 4),
  );
  for (let first = 0; first < messages; first += MESSAGES_PER_DAY) {
    const day = new Date((START + first * SECONDS_APART) * 1000).toISOString().slice(0, 10);
    const last = Math.min(messages, first + MESSAGES_PER_DAY);
    await writeAll(path.join(folder, 'general', `${day}.json`), slackDay(first, last));
  }
}

const PAGE_MESSAGES = 1000;
const escapeHtml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function htmlMessage(i: number, previousSender: string | null): string {
  const date = new Date((START + i * SECONDS_APART) * 1000);
  const pad = (value: number) => String(value).padStart(2, '0');
  const title = `${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} UTC+00:00`;
  const sender = senderFor(i);
  const joined = sender === previousSender;
  const from = joined
    ? ''
    : `\n       <div class="from_name">\n${escapeHtml(sender)}\n       </div>\n`;
  const userpic = joined
    ? ''
    : `\n      <div class="pull_left userpic_wrap">\n       <div class="userpic userpic1" style="width: 42px; height: 42px">\n        <div class="initials" style="line-height: 42px">\n${escapeHtml(sender.slice(0, 1))}\n        </div>\n       </div>\n      </div>\n`;
  return `\n     <div class="message default clearfix${joined ? ' joined' : ''}" id="message${i + 1}">\n${userpic}\n      <div class="body">\n       <div class="pull_right date details" title="${title}">\n${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}\n       </div>\n${from}\n       <div class="text">\n${escapeHtml(textFor(i))}\n       </div>\n      </div>\n     </div>\n`;
}

function* htmlPage(first: number, last: number): Generator<string> {
  yield '<!DOCTYPE html>\n<html>\n <head>\n  <meta charset="utf-8"/>\n<title>Exported Data</title>\n  <link href="css/style.css" rel="stylesheet"/>\n </head>\n <body onload="CheckLocation();">\n  <div class="page_wrap">\n   <div class="page_header">\n    <div class="content">\n     <div class="text bold">\nBench chat\n     </div>\n    </div>\n   </div>\n   <div class="page_body chat_page">\n    <div class="history">\n';
  let buffer = '';
  for (let i = first; i < last; i += 1)
    buffer += htmlMessage(i, i === first ? null : senderFor(i - 1));
  yield `${buffer}\n    </div>\n   </div>\n  </div>\n </body>\n</html>\n`;
}

/** A Telegram HTML export folder of one chat: messages.html, messages2.html... */
export async function writeTelegramHtmlExport(folder: string, messages: number): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (let first = 0, page = 1; first < messages; first += PAGE_MESSAGES, page += 1) {
    const name = page === 1 ? 'messages.html' : `messages${page}.html`;
    await writeAll(
      path.join(folder, name),
      htmlPage(first, Math.min(messages, first + PAGE_MESSAGES)),
    );
  }
}
