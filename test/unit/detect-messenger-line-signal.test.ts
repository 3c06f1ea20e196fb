/**
 * Detection of the exports the Messenger/Instagram, LINE and Signal readers read, made as the
 * readers' own tests make them: every case here is also read by its reader in test/unit/readers.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/main/engine/detect/detect-format';
import { makeZip } from '../support/make-zip';
import { useTempDirs } from '../support/temp-dir';
import { lineExport, say, type LineLanguage } from './readers/line/make-export';
import { facebookJson, fbMessage, fbThread, plainJson, T0 } from './readers/messenger/make-export';
import { chatMarkdown } from './readers/signal/make-export';

const tempDir = useTempDirs();

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

async function zipWith(name: string, files: Readonly<Record<string, string>>): Promise<string> {
  return fileWith(
    name,
    makeZip(Object.entries(files).map(([entry, data]) => ({ name: entry, data }))),
  );
}

const detected = (format: string, platform: string, container: string) => ({
  kind: 'detected',
  format,
  platform,
  container,
});

const THREAD = facebookJson(
  fbThread([fbMessage('Zoë', 2, { content: 'Ça va?' }), fbMessage('Ana', 1, { content: 'hi' })], {
    title: 'Zoë',
    threadPath: 'inbox/zoe_1',
  }),
);
const ENCRYPTED = plainJson({
  participants: ['Zoë', 'Ana'],
  threadName: 'Zoë',
  messages: [
    {
      isUnsent: false,
      media: [],
      reactions: [],
      senderName: 'Zoë',
      text: 'hi',
      timestamp: T0,
      type: 'text',
    },
  ],
});
const ENCRYPTED_MESSAGES_FIRST = plainJson({
  messages: [{ senderName: 'Zoë', timestamp: T0, text: 'hi', media: [] }],
  participants: ['Zoë', 'Ana'],
  threadName: 'Zoë',
});

describe('detectFormat: Messenger and Instagram', () => {
  it('recognises a thread file, and a whole download as zip or folder', async () => {
    expect(await detectFormat(await fileWith('message_1.json', THREAD))).toEqual(
      detected('messenger-json', 'messenger', 'file'),
    );
    const files = {
      'facebook-ana-2024-05-01/your_facebook_activity/messages/inbox/zoe_1/message_1.json': THREAD,
      'facebook-ana-2024-05-01/your_facebook_activity/messages/inbox/zoe_1/photos/1.jpg': 'x',
    };
    expect(await detectFormat(await zipWith('facebook-ana-2024-05-01.zip', files))).toEqual(
      detected('messenger-json', 'messenger', 'zip'),
    );
    const folder = await folderWith({
      'your_facebook_activity/messages/inbox/zoe_1/message_1.json': THREAD,
    });
    expect(await detectFormat(folder)).toEqual(detected('messenger-json', 'messenger', 'folder'));
    const instagram = await zipWith('instagram-ana-2024-05-01.zip', {
      'your_instagram_activity/messages/inbox/zoe_1/message_1.json': THREAD,
    });
    expect(await detectFormat(instagram)).toEqual(detected('instagram-json', 'instagram', 'zip'));
  });

  it('recognises a chat of the end-to-end encrypted download, whichever key comes first', async () => {
    for (const json of [ENCRYPTED, ENCRYPTED_MESSAGES_FIRST]) {
      expect(await detectFormat(await fileWith('zoe_1.json', json))).toEqual(
        detected('messenger-json', 'messenger', 'file'),
      );
    }
    const zip = await zipWith('messages.zip', { 'zoe_1.json': ENCRYPTED, 'media/1.jpg': 'x' });
    expect(await detectFormat(zip)).toEqual(detected('messenger-json', 'messenger', 'zip'));
  });
});

describe('detectFormat: LINE', () => {
  const chat = (language: LineLanguage) =>
    lineExport(language, {
      name: 'Ana',
      days: [
        {
          year: 2024,
          month: 2,
          day: 1,
          messages: [say(10, 0, 'Ana', 'hi'), say(13, 5, 'Ben', 'yo')],
        },
      ],
    });

  it.each(['en', 'en-android', 'ja', 'zh-CN', 'zh-TW'] as const)(
    'recognises the %s export as a file, in a zip and in a folder',
    async (language) => {
      expect(
        await detectFormat(await fileWith('[LINE] Chat with Ana.txt', chat(language))),
      ).toEqual(detected('line-txt', 'line', 'file'));
      const zip = await zipWith('line.zip', { '[LINE] Chat with Ana.txt': chat(language) });
      expect(await detectFormat(zip)).toEqual(detected('line-txt', 'line', 'zip'));
      const folder = await folderWith({ '[LINE] Chat with Ana.txt': chat(language) });
      expect(await detectFormat(folder)).toEqual(detected('line-txt', 'line', 'folder'));
    },
  );

  it('recognises an export without a title, starting at its first date line', async () => {
    const text = '2024/02/01(Thu)\n10:00\tAna\thi\n下午02:16\tBen\t[Sticker]\n';
    expect(await detectFormat(await fileWith('[LINE] Family.txt', text))).toEqual(
      detected('line-txt', 'line', 'file'),
    );
  });
});

describe('detectFormat: Signal (signal-export)', () => {
  const chat = (style: 'minutes' | 'seconds') =>
    chatMarkdown(
      [
        { at: [2024, 3, 9, 15, 4, 5], sender: 'Me', body: 'hi' },
        { at: [2024, 3, 9, 15, 5, 6], sender: 'Aya', body: 'yo', files: ['a.jpg'] },
      ],
      style,
    );

  it('recognises chat.md of both exporter versions', async () => {
    for (const style of ['minutes', 'seconds'] as const) {
      expect(await detectFormat(await fileWith('chat.md', chat(style))), style).toEqual(
        detected('signal-txt', 'signal', 'file'),
      );
    }
  });

  it('recognises a chat folder with its html and json beside chat.md, as folder and zip', async () => {
    const files = {
      'chat.md': chat('seconds'),
      'data.json':
        '{"date": "2024-03-09T15:04:05", "sender": "Me", "body": "hi"}\n{"date": "2024-03-09T15:05:06", "sender": "Aya", "body": "yo"}\n',
      'index.html': '<!DOCTYPE html><html><body>chat</body></html>',
      'media/a.jpg': 'x',
    };
    expect(await detectFormat(await folderWith(files))).toEqual(
      detected('signal-txt', 'signal', 'folder'),
    );
    expect(await detectFormat(await zipWith('Aya.zip', files))).toEqual(
      detected('signal-txt', 'signal', 'zip'),
    );
  });

  it('recognises the whole output, one folder per chat, as folder and zip', async () => {
    const files = {
      'Aya/chat.md': chat('seconds'),
      'Aya/media/a.jpg': 'x',
      'Family/chat.md': chat('minutes'),
      'exported_stickers/pack/1.webp': 'x',
    };
    expect(await detectFormat(await folderWith(files))).toEqual(
      detected('signal-txt', 'signal', 'folder'),
    );
    expect(await detectFormat(await zipWith('signal.zip', files))).toEqual(
      detected('signal-txt', 'signal', 'zip'),
    );
  });

  it('still takes a WhatsApp text with year-first bracketed stamps for WhatsApp', async () => {
    const text = '[2024-03-09 15:04:05] Ana: hi\n[2024-03-09 15:05:06] Ben: yo\n';
    expect(await detectFormat(await fileWith('_chat.txt', text))).toEqual(
      detected('whatsapp-txt', 'whatsapp', 'file'),
    );
  });
});
