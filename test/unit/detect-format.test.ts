import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/main/engine/detect/detect-format';
import { readHead } from '../../src/main/engine/detect/read-head';
import { HEAD_BYTES } from '../../src/main/engine/detect/sniffed';
import { VaultError } from '../../src/main/engine/errors';
import { makeZip, type ZipInput } from '../support/make-zip';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

/** Writes `files` (relative path -> content) into a fresh folder and returns the folder. */
async function folderWith(files: Readonly<Record<string, string | Uint8Array>>): Promise<string> {
  const dir = await tempDir();
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(dir, name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return dir;
}

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  return path.join(await folderWith({ [name]: content }), name);
}

async function zipWith(name: string, entries: readonly ZipInput[]): Promise<string> {
  return fileWith(name, makeZip(entries));
}

const fileOf = (format: string, platform: string) => ({
  kind: 'detected',
  format,
  platform,
  container: 'file',
});
const zipOf = (format: string, platform: string) => ({
  kind: 'detected',
  format,
  platform,
  container: 'zip',
});
const folderOf = (format: string, platform: string) => ({
  kind: 'detected',
  format,
  platform,
  container: 'folder',
});

const ANDROID_CHAT = [
  '12/31/20, 9:41 PM - Messages and calls are end-to-end encrypted.',
  '12/31/20, 9:41 PM - Ana: Happy new year!',
  '12/31/20, 9:42 PM - Ben: You too',
  '',
].join('\n');

const TELEGRAM_CHAT = JSON.stringify(
  {
    name: 'Ana',
    type: 'personal_chat',
    id: 4242,
    messages: [
      {
        id: 1,
        type: 'message',
        date: '2023-08-23T13:11:23',
        date_unixtime: '1692797483',
        from: 'Ana',
        from_id: 'user1',
        text: 'hi',
      },
    ],
  },
  null,
  1,
);

const MESSENGER_THREAD = JSON.stringify(
  {
    participants: [{ name: 'Ana' }, { name: 'Ben' }],
    messages: [{ sender_name: 'Ana', timestamp_ms: 1415147732056, content: 'Hello' }],
    title: 'Ana',
    thread_path: 'inbox/ana_abc123',
  },
  null,
  2,
);

describe('detectFormat: WhatsApp', () => {
  it('recognises an Android export with US dates and AM/PM', async () => {
    expect(await detectFormat(await fileWith('chat.txt', ANDROID_CHAT))).toEqual(
      fileOf('whatsapp-txt', 'whatsapp'),
    );
  });

  it('recognises day.month.year dates with a 24-hour clock', async () => {
    const chat = '31.12.20, 21:41 - Ana: Frohes neues Jahr\n31.12.20, 21:42 - Ben: Danke\n';
    expect(await detectFormat(await fileWith('chat.txt', chat))).toEqual(
      fileOf('whatsapp-txt', 'whatsapp'),
    );
  });

  it('recognises an iOS export with bracketed dates and seconds', async () => {
    const chat = '[31/12/2020, 21:41:05] Ana: Hi\n[31/12/2020, 21:41:09] Ben: Hello\n';
    expect(await detectFormat(await fileWith('_chat.txt', chat))).toEqual(
      fileOf('whatsapp-txt', 'whatsapp'),
    );
  });

  it('recognises year-first dates', async () => {
    const chat = '2020-12-31, 21:41 - Ana: Hi\n2020-12-31, 21:42 - Ben: Hello\n';
    expect(await detectFormat(await fileWith('chat.txt', chat))).toEqual(
      fileOf('whatsapp-txt', 'whatsapp'),
    );
  });

  it('recognises Spanish "a. m." and "p. m." times', async () => {
    const chat = '31/12/2020, 9:41 p. m. - Ana: Hola\n31/12/2020, 10:02 a. m. - Ben: Buenas\n';
    expect(await detectFormat(await fileWith('chat.txt', chat))).toEqual(
      fileOf('whatsapp-txt', 'whatsapp'),
    );
  });

  it('recognises a line behind a BOM and a left-to-right mark with a narrow no-break space before PM', async () => {
    const chat =
      '\ufeff\u200e[8/15/23, 9:12:33\u202fAM] Ana: \u200eimage omitted\n[8/15/23, 9:13:15\u202fAM] Ben: Nice\n';
    expect(await detectFormat(await fileWith('chat.txt', chat))).toEqual(
      fileOf('whatsapp-txt', 'whatsapp'),
    );
  });

  it('recognises an export saved as UTF-16 with a byte order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ANDROID_CHAT, 'utf16le')]);
    expect(await detectFormat(await fileWith('chat.txt', bytes))).toEqual(
      fileOf('whatsapp-txt', 'whatsapp'),
    );
  });

  it('recognises a zip holding _chat.txt and media from the names alone', async () => {
    const zip = await zipWith('export.zip', [
      { name: '_chat.txt', data: '[31/12/2020, 21:41:05] Ana: Hi\n', method: 'deflate' },
      {
        name: '00000001-PHOTO-2020-12-31-21-41-05.jpg',
        data: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
      },
    ]);
    expect(await detectFormat(zip)).toEqual(zipOf('whatsapp-zip', 'whatsapp'));
  });

  it('recognises a zip holding "WhatsApp Chat with <name>.txt" inside one folder', async () => {
    const zip = await zipWith('WhatsApp Chat with Ana.zip', [
      { name: 'WhatsApp Chat with Ana/' },
      {
        name: 'WhatsApp Chat with Ana/WhatsApp Chat with Ana.txt',
        data: ANDROID_CHAT,
        method: 'deflate',
      },
    ]);
    expect(await detectFormat(zip)).toEqual(zipOf('whatsapp-zip', 'whatsapp'));
  });

  it('recognises a zip holding one chat txt with another name by its first lines', async () => {
    const zip = await zipWith('sample.zip', [
      { name: 'sample.txt', data: ANDROID_CHAT, method: 'deflate' },
    ]);
    expect(await detectFormat(zip)).toEqual(zipOf('whatsapp-zip', 'whatsapp'));
  });

  it('recognises a folder holding a WhatsApp chat txt and its media', async () => {
    const dir = await folderWith({
      'WhatsApp Chat with Ana.txt': ANDROID_CHAT,
      'IMG-20201231-WA0001.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
    });
    expect(await detectFormat(dir)).toEqual(folderOf('whatsapp-txt', 'whatsapp'));
  });

  it('recognises a folder holding a chat txt with another name by its first lines', async () => {
    const dir = await folderWith({ 'notes.txt': ANDROID_CHAT });
    expect(await detectFormat(dir)).toEqual(folderOf('whatsapp-txt', 'whatsapp'));
  });

  it('does not take a text that only mentions a date for a chat', async () => {
    const text = 'Meeting notes from 12/31/20\n- buy milk\n';
    expect(await detectFormat(await fileWith('notes.txt', text))).toMatchObject({
      kind: 'unknown',
    });
  });

  it('does not take iMessage text output (month names, no separator) for a chat', async () => {
    const text = 'May 17, 2022  5:29:42 PM\nMe\nHello world\n\n';
    expect(await detectFormat(await fileWith('Ana.txt', text))).toMatchObject({ kind: 'unknown' });
  });
});

describe('detectFormat: Telegram', () => {
  it('recognises a single-chat JSON export by its chat type', async () => {
    expect(await detectFormat(await fileWith('result.json', TELEGRAM_CHAT))).toEqual(
      fileOf('telegram-json', 'telegram'),
    );
  });

  it('recognises a single-chat JSON export whatever the file is called', async () => {
    expect(await detectFormat(await fileWith('backup.json', TELEGRAM_CHAT))).toEqual(
      fileOf('telegram-json', 'telegram'),
    );
  });

  it('recognises a whole-account JSON export by "about" and "personal_information"', async () => {
    const account = JSON.stringify({
      about: 'Here is the data you requested.',
      personal_information: { user_id: 1 },
      chats: { about: '', list: [] },
    });
    expect(await detectFormat(await fileWith('result.json', account))).toEqual(
      fileOf('telegram-json', 'telegram'),
    );
  });

  it('recognises a minimal export whose messages carry date_unixtime', async () => {
    const minimal = JSON.stringify({
      messages: [{ type: 'message', date_unixtime: '1544006350', from: 'A', text: 'x' }],
    });
    expect(await detectFormat(await fileWith('chat.json', minimal))).toEqual(
      fileOf('telegram-json', 'telegram'),
    );
  });

  it('recognises the HTML export by its page structure, whatever the file is called', async () => {
    const html =
      '<!DOCTYPE html>\n<html><head><title>Exported Data</title></head><body><div class="page_wrap"><div class="page_body chat_page"><div class="history"><div class="message default clearfix" id="message1"></div></div></div></div></body></html>';
    expect(await detectFormat(await fileWith('page.html', html))).toEqual(
      fileOf('telegram-html', 'telegram'),
    );
  });

  it('recognises a folder holding result.json as the JSON export', async () => {
    const dir = await folderWith({
      'result.json': TELEGRAM_CHAT,
      'messages.html': '<html></html>',
      'photos/photo_1.jpg': 'x',
    });
    expect(await detectFormat(dir)).toEqual(folderOf('telegram-json', 'telegram'));
  });

  it('recognises a zip of an HTML export folder', async () => {
    const zip = await zipWith('ChatExport.zip', [
      { name: 'ChatExport_2023-08-23/messages.html', data: '<html></html>' },
      { name: 'ChatExport_2023-08-23/css/style.css', data: '' },
    ]);
    expect(await detectFormat(zip)).toEqual(zipOf('telegram-html', 'telegram'));
  });

  it('does not take an HTML page with a "history" class alone for Telegram', async () => {
    const html = '<html><body><div class="history">old posts</div></body></html>';
    expect(await detectFormat(await fileWith('messages.html', html))).toEqual({
      kind: 'unknown',
      reason: 'an HTML page that is not a Telegram export',
    });
  });
});

describe('detectFormat: Discord, Messenger, Instagram', () => {
  it('recognises DiscordChatExporter JSON by its guild and channel objects', async () => {
    const json = JSON.stringify(
      {
        guild: { id: '0', name: 'Direct Messages' },
        channel: { id: '5', type: 'DirectTextChat' },
        messages: [],
      },
      null,
      2,
    );
    expect(await detectFormat(await fileWith('dm.json', json))).toEqual(
      fileOf('discord-json', 'discord'),
    );
  });

  it('does not take JSON with a guild but no channel for Discord', async () => {
    const json = JSON.stringify({ guild: { id: '0' }, settings: {} });
    expect(await detectFormat(await fileWith('guild.json', json))).toEqual({
      kind: 'unknown',
      reason: 'JSON without chat messages',
    });
  });

  it('recognises a Messenger thread by participants, sender_name and timestamp_ms', async () => {
    expect(await detectFormat(await fileWith('message_1.json', MESSENGER_THREAD))).toEqual(
      fileOf('messenger-json', 'messenger'),
    );
  });

  it('calls the same thread Instagram when it sits in an Instagram export folder', async () => {
    const dir = await folderWith({
      'instagram-ana-2024-01-01/messages/inbox/ben_1/message_1.json': MESSENGER_THREAD,
    });
    const file = path.join(dir, 'instagram-ana-2024-01-01/messages/inbox/ben_1/message_1.json');
    expect(await detectFormat(file)).toEqual(fileOf('instagram-json', 'instagram'));
  });

  it('calls a thread Instagram when its media paths point into your_instagram_activity', async () => {
    const json = JSON.stringify({
      participants: [{ name: 'Ana' }],
      messages: [
        {
          sender_name: 'Ana',
          timestamp_ms: 1,
          photos: [{ uri: 'your_instagram_activity/messages/inbox/ana_1/photos/1.jpg' }],
        },
      ],
    });
    expect(await detectFormat(await fileWith('message_1.json', json))).toEqual(
      fileOf('instagram-json', 'instagram'),
    );
  });

  it('recognises a Facebook "Download your information" folder by messages/inbox', async () => {
    const dir = await folderWith({
      'messages/inbox/ben_1/message_1.json': MESSENGER_THREAD,
      'profile_information/profile.json': '{}',
    });
    expect(await detectFormat(dir)).toEqual(folderOf('messenger-json', 'messenger'));
  });

  it('recognises an Instagram "Download your information" zip by its folder names', async () => {
    const zip = await zipWith('export.zip', [
      {
        name: 'your_instagram_activity/messages/inbox/ben_1/message_1.json',
        data: MESSENGER_THREAD,
      },
    ]);
    expect(await detectFormat(zip)).toEqual(zipOf('instagram-json', 'instagram'));
  });
});

describe('detectFormat: Slack, LINE, ChatLab, Signal', () => {
  const slackFiles = {
    'channels.json': JSON.stringify([
      { id: 'C1', name: 'general', created: 1, is_general: true, members: ['U1'] },
    ]),
    'users.json': JSON.stringify([{ id: 'U1', team_id: 'T1', name: 'ana', real_name: 'Ana' }]),
    'general/2024-01-15.json': JSON.stringify([
      { type: 'message', text: 'hi', user: 'U1', ts: '1705315800.000100' },
    ]),
  };

  it('recognises a Slack workspace export folder', async () => {
    expect(await detectFormat(await folderWith(slackFiles))).toEqual(
      folderOf('slack-export', 'slack'),
    );
  });

  it('recognises a Slack workspace export zip', async () => {
    const zip = await zipWith('Workspace Slack export Jan 15 2024.zip', [
      { name: 'channels.json', data: slackFiles['channels.json'] },
      { name: 'users.json', data: slackFiles['users.json'] },
      { name: 'general/', data: '' },
      {
        name: 'general/2024-01-15.json',
        data: slackFiles['general/2024-01-15.json'],
        method: 'deflate',
      },
    ]);
    expect(await detectFormat(zip)).toEqual(zipOf('slack-export', 'slack'));
  });

  it('says a single Slack day file is only part of an export', async () => {
    const file = await fileWith('2024-01-15.json', slackFiles['general/2024-01-15.json']);
    const detection = await detectFormat(file);
    expect(detection.kind).toBe('unknown');
    expect(detection.kind === 'unknown' ? detection.reason : '').toMatch(/Slack day file/);
  });

  it('recognises a LINE export with the English header', async () => {
    const text =
      '[LINE] Chat history with Ana\r\nSaved on: 2024/01/15 10:30\r\n\r\n2024/01/15, Mon\r\n10:30\tAna\tHi\r\n';
    expect(await detectFormat(await fileWith('[LINE] Chat with Ana.txt', text))).toEqual(
      fileOf('line-txt', 'line'),
    );
  });

  it('recognises a LINE export with the Chinese header', async () => {
    const text =
      '[LINE] 与小明的聊天记录\n保存日期：2024/01/15 10:30\n\n2024/01/15（周一）\n10:30\t小明\t你好\n';
    expect(await detectFormat(await fileWith('chat.txt', text))).toEqual(
      fileOf('line-txt', 'line'),
    );
  });

  it('recognises a LINE export with the Japanese header', async () => {
    const text =
      '\ufeff[LINE] 花子とのトーク履歴\n保存日時：2024/01/15 10:30\n\n2024/01/15(月)\n10:30\t花子\tこんにちは\n';
    expect(await detectFormat(await fileWith('chat.txt', text))).toEqual(
      fileOf('line-txt', 'line'),
    );
  });

  it('does not take a text that mentions [LINE] later for a LINE export', async () => {
    const text = 'My notes\nthe [LINE] export is somewhere\n';
    expect(await detectFormat(await fileWith('notes.txt', text))).toMatchObject({
      kind: 'unknown',
    });
  });

  it('recognises ChatLab JSON and takes the platform from meta.platform', async () => {
    const json = JSON.stringify({
      chatlab: { version: '0.0.2', exportedAt: 1703001600 },
      meta: { name: '群', platform: 'wechat', type: 'group' },
      members: [],
      messages: [],
    });
    expect(await detectFormat(await fileWith('group.json', json))).toEqual(
      fileOf('chatlab-json', 'wechat'),
    );
  });

  it('calls ChatLab JSON from an unknown platform "chatlab"', async () => {
    const json = JSON.stringify({
      chatlab: { version: '0.0.2' },
      meta: { name: 'x', platform: 'somewhere-else', type: 'private' },
      messages: [],
    });
    expect(await detectFormat(await fileWith('x.json', json))).toEqual(
      fileOf('chatlab-json', 'chatlab'),
    );
  });

  it('recognises ChatLab JSON Lines by its header line', async () => {
    const lines = [
      JSON.stringify({
        _type: 'header',
        chatlab: { version: '0.0.2', exportedAt: 1 },
        meta: { name: 'g', platform: 'qq', type: 'group' },
      }),
      JSON.stringify({ _type: 'member', platformId: '1', accountName: '张三' }),
      JSON.stringify({
        _type: 'message',
        sender: '1',
        accountName: '张三',
        timestamp: 1,
        type: 0,
        content: '你好',
      }),
      '',
    ].join('\n');
    expect(await detectFormat(await fileWith('group.jsonl', lines))).toEqual(
      fileOf('chatlab-jsonl', 'qq'),
    );
  });

  it('recognises ChatLab JSON Lines that open with comment lines', async () => {
    const lines = `# exported by a converter\n${JSON.stringify({ _type: 'header', chatlab: { version: '0.0.2' }, meta: { platform: 'wechat' } })}\n`;
    expect(await detectFormat(await fileWith('g.jsonl', lines))).toEqual(
      fileOf('chatlab-jsonl', 'wechat'),
    );
  });

  it('recognises a Signal export (signal-export lines, minutes only)', async () => {
    const text = '[2024-01-15, 10:30] Ana: Hi\n[2024-01-15, 10:31] Ben: Hello\nsecond line\n';
    expect(await detectFormat(await fileWith('chat.md', text))).toEqual(
      fileOf('signal-txt', 'signal'),
    );
  });

  it('takes a bracketed year-first line with seconds for WhatsApp, not Signal', async () => {
    const text = '[2024-01-15, 10:30:05] Ana: Hi\n';
    expect(await detectFormat(await fileWith('chat.txt', text))).toEqual(
      fileOf('whatsapp-txt', 'whatsapp'),
    );
  });
});

describe('detectFormat: what is not a chat export', () => {
  it('says JSON that is not a chat has no chat messages', async () => {
    const json = JSON.stringify({ name: 'my-app', version: '1.0.0', dependencies: {} });
    expect(await detectFormat(await fileWith('package.json', json))).toEqual({
      kind: 'unknown',
      reason: 'JSON without chat messages',
    });
  });

  it('says JSON with messages in an unknown layout is not a known export', async () => {
    const json = JSON.stringify({ messages: [{ who: 'a', what: 'b' }] });
    const detection = await detectFormat(await fileWith('x.json', json));
    expect(detection).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/layout/) });
  });

  it('says a random text file is not a chat export', async () => {
    const text = 'Lorem ipsum dolor sit amet.\nConsectetur adipiscing elit.\n';
    expect(await detectFormat(await fileWith('lorem.txt', text))).toMatchObject({
      kind: 'unknown',
    });
  });

  it('names a PNG image', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await detectFormat(await fileWith('image.png', png))).toEqual({
      kind: 'unknown',
      reason: 'a PNG image',
    });
  });

  it('trusts the first bytes over the name: a JPEG called chat.txt is a JPEG', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
    expect(await detectFormat(await fileWith('chat.txt', jpeg))).toEqual({
      kind: 'unknown',
      reason: 'a JPEG image',
    });
  });

  it('names a SQLite database (an iMessage chat.db is not supported)', async () => {
    const db = Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(84)]);
    expect(await detectFormat(await fileWith('chat.db', db))).toEqual({
      kind: 'unknown',
      reason: 'a SQLite database',
    });
  });

  it('says other binary bytes are a binary file', async () => {
    const bytes = Buffer.from(Array.from({ length: 512 }, (_, index) => (index * 7919) % 256));
    expect(await detectFormat(await fileWith('blob.bin', bytes))).toEqual({
      kind: 'unknown',
      reason: 'a binary file',
    });
  });

  it('throws EMPTY_FILE naming an empty file', async () => {
    const file = await fileWith('empty-chat.txt', '');
    const error: unknown = await detectFormat(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VaultError);
    expect(error).toMatchObject({
      code: 'EMPTY_FILE',
      file,
      message: expect.stringContaining('empty-chat.txt'),
    });
  });

  it('throws NOT_FOUND naming a missing file', async () => {
    const file = path.join(await tempDir(), 'gone.zip');
    await expect(detectFormat(file)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      file,
      message: expect.stringContaining('gone.zip'),
    });
  });

  it('says a zip without a chat inside is not an export', async () => {
    const zip = await zipWith('photos.zip', [
      { name: 'a.jpg', data: new Uint8Array([0xff, 0xd8, 0xff]) },
      { name: 'readme.txt', data: 'Holiday photos, 2023.\n' },
    ]);
    expect(await detectFormat(zip)).toEqual({
      kind: 'unknown',
      reason: 'a zip without a chat export inside',
    });
  });

  it('says an empty zip is empty', async () => {
    expect(await detectFormat(await zipWith('nothing.zip', []))).toEqual({
      kind: 'unknown',
      reason: 'an empty zip',
    });
  });

  it('says a damaged zip is damaged instead of failing', async () => {
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 0x41)]);
    const detection = await detectFormat(await fileWith('broken.zip', broken));
    expect(detection).toMatchObject({
      kind: 'unknown',
      reason: expect.stringMatching(/damaged zip/),
    });
  });

  it('only lists hostile entry names ("../", absolute) and still recognises the chat beside them', async () => {
    const zip = await zipWith('odd.zip', [
      { name: '../../outside.txt', data: 'x' },
      { name: '/etc/passwd', data: 'x' },
      { name: '_chat.txt', data: '[31/12/2020, 21:41:05] Ana: Hi\n' },
    ]);
    expect(await detectFormat(zip)).toEqual(zipOf('whatsapp-zip', 'whatsapp'));
  });

  it('says a folder without a chat export is not an export', async () => {
    const dir = await folderWith({
      'a.jpg': new Uint8Array([0xff, 0xd8, 0xff]),
      'todo.txt': 'milk\n',
    });
    expect(await detectFormat(dir)).toEqual({
      kind: 'unknown',
      reason: 'a folder without a chat export inside',
    });
  });

  it('says an empty folder is empty', async () => {
    expect(await detectFormat(await tempDir())).toEqual({
      kind: 'unknown',
      reason: 'an empty folder',
    });
  });
});

describe('detectFormat reads only the first 64 KiB', () => {
  const garbage = (bytes: number): Buffer =>
    Buffer.from(Array.from({ length: bytes }, (_, index) => (index * 131) % 256));

  it('hands the sniffers no more than 64 KiB of a 5 MB file', async () => {
    const file = await fileWith(
      'big.txt',
      Buffer.concat([Buffer.from(ANDROID_CHAT), garbage(5 * 1024 * 1024)]),
    );
    expect(HEAD_BYTES).toBe(64 * 1024);
    expect((await readHead(file)).length).toBe(64 * 1024);
  });

  it('recognises a 5 MB WhatsApp export whose tail is garbage', async () => {
    const lines = Buffer.from(
      ANDROID_CHAT.repeat(Math.ceil((HEAD_BYTES + 1024) / ANDROID_CHAT.length)),
    );
    const file = await fileWith('big.txt', Buffer.concat([lines, garbage(5 * 1024 * 1024)]));
    expect(await detectFormat(file)).toEqual(fileOf('whatsapp-txt', 'whatsapp'));
  });

  it('recognises a Telegram JSON cut and followed by garbage after the first 64 KiB', async () => {
    const many = JSON.stringify({
      name: 'Ana',
      type: 'private_supergroup',
      id: 1,
      messages: Array.from({ length: 2000 }, (_, id) => ({
        id,
        type: 'message',
        date_unixtime: '1692797483',
        from: 'Ana',
        text: 'lorem ipsum',
      })),
    });
    const file = await fileWith(
      'result.json',
      Buffer.concat([Buffer.from(many.slice(0, HEAD_BYTES + 10)), garbage(5 * 1024 * 1024)]),
    );
    expect(await detectFormat(file)).toEqual(fileOf('telegram-json', 'telegram'));
  });

  it('does not see a chat that starts only after the first 64 KiB', async () => {
    // 64 KiB + 16 bytes of blank lines, then the chat.
    const file = await fileWith('late.txt', `${' \n'.repeat(32 * 1024 + 8)}${ANDROID_CHAT}`);
    expect(await detectFormat(file)).toMatchObject({ kind: 'unknown' });
  });
});
