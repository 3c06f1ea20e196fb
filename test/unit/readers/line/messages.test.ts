import { describe, expect, it } from 'vitest';
import { MessageKeyer } from '../../../../src/main/engine/import/message-key';
import { readLineText } from '../../../../src/main/engine/readers/line';
import { memorySource } from '../../../support/memory-source';
import { messagesOf } from '../../../support/read-records';
import { conversationsOf, readOutcome, warningsOf } from '../../../support/read-outcome';
import { lineExport, say, type LineLanguage } from './make-export';

async function read(text: string, name = '[LINE] Chat with Ana.txt') {
  const outcome = await readOutcome(
    readLineText,
    memorySource({ [name]: text }, { chunkBytes: 4 }),
    {
      timeZone: 'UTC',
    },
  );
  expect(outcome.error).toBeNull();
  return outcome.records;
}

const oneDay = (language: LineLanguage, ...messages: ReturnType<typeof say>[]) =>
  lineExport(language, { name: 'Ana', days: [{ year: 2024, month: 2, day: 1, messages }] });

describe('LINE reader: message text', () => {
  it('unwraps a message of several lines from its quotes and undoubles the quotes inside', async () => {
    const text = oneDay(
      'en',
      say(10, 0, 'Ana', 'first line\nshe said "hi"\n\nafter a blank line'),
      say(10, 1, 'Ben', 'next'),
    );
    expect(text).toContain('10:00\tAna\t"first line\nshe said ""hi""');
    expect(messagesOf(await read(text)).map((m) => m.text)).toEqual([
      'first line\nshe said "hi"\n\nafter a blank line',
      'next',
    ]);
  });

  it('keeps quotes a person typed around a one-line message', async () => {
    const text = oneDay('en', say(10, 0, 'Ana', '"quoted" and "more"'), say(10, 1, 'Ana', '"'));
    expect(messagesOf(await read(text)).map((m) => m.text)).toEqual(['"quoted" and "more"', '"']);
  });

  it('reads the placeholders of every language as media the export left out', async () => {
    const cases: [LineLanguage, string, string | null][] = [
      ['en', '[Photo]', 'image/jpeg'],
      ['en', '[Sticker]', 'image/png'],
      ['en', '[Video]', 'video/mp4'],
      ['en', '[Voice message]', 'audio/mp4'],
      ['en', '[File]', null],
      ['ja', '[写真]', 'image/jpeg'],
      ['ja', '[スタンプ]', 'image/png'],
      ['ja', '[動画]', 'video/mp4'],
      ['ja', '[ボイスメッセージ]', 'audio/mp4'],
      ['zh-CN', '[照片]', 'image/jpeg'],
      ['zh-CN', '[贴图]', 'image/png'],
      ['zh-CN', '[视频]', 'video/mp4'],
      ['zh-TW', '[貼圖]', 'image/png'],
      ['zh-TW', '[影片]', 'video/mp4'],
      ['zh-TW', '[語音訊息]', 'audio/mp4'],
    ];
    for (const [language, placeholder, mime] of cases) {
      const [message] = messagesOf(await read(oneDay(language, say(10, 0, 'Ana', placeholder))));
      expect(message, placeholder).toMatchObject({
        kind: 'media',
        text: '',
        attachments: [{ entryPath: null, name: placeholder, mime }],
      });
    }
  });

  it('keeps text that only looks like a placeholder as text', async () => {
    const texts = ['[Photo] of the cat is great', '[not a placeholder]', 'see [Photo]'];
    const records = await read(oneDay('en', ...texts.map((text, i) => say(10, i, 'Ana', text))));
    expect(messagesOf(records).map((m) => [m.kind, m.text])).toEqual([
      ['text', '[Photo] of the cat is great'],
      ['text', '[not a placeholder]'],
      ['text', 'see [Photo]'],
    ]);
  });

  it('reads calls as kind call and locations as kind other, keeping their text', async () => {
    const records = await read(
      oneDay(
        'ja',
        say(10, 0, 'Ana', '☎ 通話時間 0:35'),
        say(10, 1, 'Ana', '☎ Missed call'),
        say(10, 2, 'Ana', '[位置情報]'),
      ),
    );
    expect(messagesOf(records).map((m) => [m.kind, m.text])).toEqual([
      ['call', '☎ 通話時間 0:35'],
      ['call', '☎ Missed call'],
      ['other', '[位置情報]'],
    ]);
  });

  it('keeps two identical messages in the same minute as two messages with two keys', async () => {
    const records = await read(
      oneDay('en', say(10, 0, 'Ana', 'ok'), say(10, 0, 'Ana', 'ok'), say(10, 0, 'Ana', 'ok')),
    );
    const messages = messagesOf(records);
    expect(messages).toHaveLength(3);
    expect(new Set(messages.map((m) => m.sentAt)).size).toBe(1);
    const keyer = new MessageKeyer();
    const keys = messages.map((message) => keyer.key('c', message));
    expect(new Set(keys).size).toBe(3);
    // Read again (a second import of the same file), the keys are the same.
    const again = new MessageKeyer();
    expect(messages.map((message) => again.key('c', message))).toEqual(keys);
  });

  it('takes the title from the file name when the export has no title line', async () => {
    const text = '2024/02/01(Thu)\n10:00\tAna\thi\n';
    const records = await read(text, '[LINE] Chat with Ana Lima.txt');
    expect(conversationsOf(records)[0]).toMatchObject({
      title: 'Ana Lima',
      identity: 'line:Ana Lima',
    });
  });

  it('reads each [LINE] file of a zip as its own chat', async () => {
    const source = memorySource(
      {
        'exports/[LINE] Chat with Ana.txt': oneDay('en', say(10, 0, 'Ana', 'from Ana')),
        'exports/[LINE] 花子とのトーク.txt': lineExport('ja', {
          name: '花子',
          days: [{ year: 2024, month: 2, day: 1, messages: [say(9, 0, '花子', 'やあ')] }],
        }),
        'exports/notes.txt': 'not a chat',
      },
      { container: 'zip' },
    );
    const { records, error } = await readOutcome(readLineText, source, { timeZone: 'UTC' });
    expect(error).toBeNull();
    expect(conversationsOf(records).map((c) => [c.ref, c.title])).toEqual([
      ['chat-1', 'Ana'],
      ['chat-2', '花子'],
    ]);
    expect(messagesOf(records).map((m) => m.text)).toEqual(['from Ana', 'やあ']);
  });

  it('leaves out, with a warning, a message before the first date line and stray text', async () => {
    const text =
      '[LINE] Chat history with Ana\n10:00\tAna\tundated\nmore of it\n\n2024/02/01(Thu)\n10:01\tAna\tdated\n';
    const records = await read(text);
    expect(messagesOf(records).map((m) => m.text)).toEqual(['dated']);
    expect(warningsOf(records).map((w) => [w.code, w.entry])).toEqual([
      ['MESSAGE_WITHOUT_DATE', '[LINE] Chat with Ana.txt'],
    ]);
  });
});
