import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ReadError } from '../../../src/main/engine/readers/read-error';
import type {
  ReadMessage,
  ReadRecord,
  ReaderOptions,
} from '../../../src/main/engine/readers/records';
import { eachRecord } from '../../support/each-record';
import {
  createWhatsAppReader,
  readWhatsApp,
} from '../../../src/main/engine/readers/whatsapp/index';
import type { ExportSource } from '../../../src/main/engine/source/export-source';
import { memorySource, type MemorySourceOptions } from '../../support/memory-source';

type Files = Readonly<Record<string, string | Buffer>>;
type Outcome = Readonly<{ records: readonly ReadRecord[]; error: unknown }>;

/** Every record a read yields, and the error it ends with (undefined when it ends cleanly). */
async function readOutcome(
  source: ExportSource,
  options: ReaderOptions = {},
  reader = readWhatsApp,
): Promise<Outcome> {
  const records: ReadRecord[] = [];
  try {
    for await (const record of eachRecord(reader(source, options))) records.push(record);
  } catch (error: unknown) {
    return { records, error };
  }
  return { records, error: undefined };
}

async function readRecords(
  files: Files,
  sourceOptions: MemorySourceOptions = { chunkBytes: 7 },
  options: ReaderOptions = {},
): Promise<readonly ReadRecord[]> {
  const { records, error } = await readOutcome(memorySource(files, sourceOptions), options);
  if (error !== undefined) throw error;
  return records;
}

function messagesOf(records: readonly ReadRecord[]): ReadMessage[] {
  return records.flatMap((record) => (record.type === 'message' ? [record.message] : []));
}

async function readMessages(text: string | Buffer, chunkBytes = 7): Promise<ReadMessage[]> {
  return messagesOf(await readRecords({ 'chat.txt': text }, { chunkBytes }));
}

function warningsOf(records: readonly ReadRecord[]): { code: string; message: string }[] {
  return records.flatMap((record) =>
    record.type === 'warning' ? [{ code: record.code, message: record.message }] : [],
  );
}

const iso = (message: ReadMessage | undefined): string =>
  new Date(message?.sentAt ?? Number.NaN).toISOString();

function expectReadError(error: unknown, code: string): ReadError {
  expect(error).toBeInstanceOf(ReadError);
  const readError = error as ReadError;
  expect(readError.code).toBe(code);
  return readError;
}

describe('WhatsApp reader: date styles', () => {
  it('reads Android US lines with a 12-hour clock', async () => {
    const [message] = await readMessages('12/31/20, 9:41 PM - Ana: Happy new year\n');
    expect(iso(message)).toBe('2020-12-31T21:41:00.000Z');
    expect(message?.sender).toBe('Ana');
    expect(message?.text).toBe('Happy new year');
  });

  it('reads dotted day-first dates with a 24-hour clock', async () => {
    const [message] = await readMessages('31.12.20, 21:41 - Ana: Frohes neues Jahr\n');
    expect(iso(message)).toBe('2020-12-31T21:41:00.000Z');
  });

  it('reads iOS bracketed lines with seconds', async () => {
    const [message] = await readMessages('[31/12/2020, 21:41:05] Ana: Feliz año\n');
    expect(iso(message)).toBe('2020-12-31T21:41:05.000Z');
    expect(message?.sender).toBe('Ana');
  });

  it('reads year-first dates with dashes or slashes', async () => {
    const messages = await readMessages(
      '2020-12-31, 21:41 - Ana: one\n2021-01-02, 08:00 - Ana: two\n',
    );
    expect(messages.map(iso)).toEqual(['2020-12-31T21:41:00.000Z', '2021-01-02T08:00:00.000Z']);
    const [bracketed] = await readMessages('[2021/01/02 08:00:07] Ana: three\n');
    expect(iso(bracketed)).toBe('2021-01-02T08:00:07.000Z');
  });

  it('reads the Spanish "a. m." and "p. m." with plain or no-break spaces', async () => {
    const messages = await readMessages(
      '30/12/2021, 00:08 a. m. - Ana: medianoche\n' +
        '30/12/2021, 12:10 p. m. - Ana: mediodía\n' +
        '30/12/2021, 1:55 p.\u00a0m. - Ana: tarde\n',
    );
    expect(messages.map(iso)).toEqual([
      '2021-12-30T00:08:00.000Z',
      '2021-12-30T12:10:00.000Z',
      '2021-12-30T13:55:00.000Z',
    ]);
  });

  it('reads 12 AM as midnight and 12 PM as noon', async () => {
    const messages = await readMessages(
      '12/31/20, 12:05 AM - Ana: night\n12/31/20, 12:05 PM - Ana: noon\n',
    );
    expect(messages.map(iso)).toEqual(['2020-12-31T00:05:00.000Z', '2020-12-31T12:05:00.000Z']);
  });

  it('reads AM/PM after a narrow no-break space, an underscore, or in lower case', async () => {
    const messages = await readMessages(
      '7/19/22, 11:32\u202fPM - Ana: a\n7/20/22, 3:22_AM - Ana: b\n7/20/22, 4:50:32 pm - Ana: c\n',
    );
    expect(messages.map(iso)).toEqual([
      '2022-07-19T23:32:00.000Z',
      '2022-07-20T03:22:00.000Z',
      '2022-07-20T16:50:32.000Z',
    ]);
  });

  it('reads Japanese and Korean AM/PM words written before the time', async () => {
    const [japanese] = await readMessages('2020/12/31 午後9:41 - 花子: こんばんは\n');
    expect(iso(japanese)).toBe('2020-12-31T21:41:00.000Z');
    expect(japanese?.sender).toBe('花子');
    const [korean] = await readMessages('2020. 12. 31. 오전 9:41 - 민수: 안녕\n');
    expect(iso(korean)).toBe('2020-12-31T09:41:00.000Z');
  });

  it('reads dotted times, the Finnish "klo" and spaced dotted dates', async () => {
    const [colon] = await readMessages('13.06.18 21.25.15: a: m\n');
    const [finnish] = await readMessages('13.6.2018 klo 21.25.15 - a: m\n');
    const [spaced] = await readMessages('13. 6. 2018. 21:25:15 a: m\n');
    for (const message of [colon, finnish, spaced]) {
      expect(iso(message)).toBe('2018-06-13T21:25:15.000Z');
      expect(message?.sender).toBe('a');
      expect(message?.text).toBe('m');
    }
  });

  it('reads an en dash or em dash between the time and the sender', async () => {
    const messages = await readMessages(
      '09/17/19, 8:30:52 AM \u2013 John: en dash\n09/17/19, 8:31:00 AM \u2013 John: again\n',
    );
    expect(messages.map((message) => message.text)).toEqual(['en dash', 'again']);
    expect(iso(messages[0])).toBe('2019-09-17T08:30:52.000Z');
  });

  it('reads a line without a comma between date and time', async () => {
    const messages = await readMessages('30/12/2020 13:00 - a: m\n13/1/2021 13:00 - a: n\n');
    expect(messages.map(iso)).toEqual(['2020-12-30T13:00:00.000Z', '2021-01-13T13:00:00.000Z']);
  });

  it('converts wall-clock times with the time zone it is given', async () => {
    const records = await readRecords(
      { 'chat.txt': '31/12/2020, 21:41 - Ana: hi\n' },
      {},
      { timeZone: 'America/Sao_Paulo' },
    );
    expect(iso(messagesOf(records)[0])).toBe('2021-01-01T00:41:00.000Z');
  });

  it('rejects an unknown time zone before reading', async () => {
    const { records, error } = await readOutcome(
      memorySource({ 'chat.txt': '31/12/2020, 21:41 - Ana: hi\n' }),
      { timeZone: 'Atlantis/Capital' },
    );
    expect(records).toEqual([]);
    expect(error).toBeInstanceOf(RangeError);
  });
});

describe('WhatsApp reader: day and month order', () => {
  it('reads the month first when a second number over 12 proves it', async () => {
    const messages = await readMessages('1/2/21, 10:00 - A: x\n1/13/21, 10:00 - A: y\n');
    expect(messages.map(iso)).toEqual(['2021-01-02T10:00:00.000Z', '2021-01-13T10:00:00.000Z']);
  });

  it('reads the day first when a first number over 12 proves it', async () => {
    const messages = await readMessages('1/2/21, 10:00 - A: x\n13/2/21, 10:00 - A: y\n');
    expect(messages.map(iso)).toEqual(['2021-02-01T10:00:00.000Z', '2021-02-13T10:00:00.000Z']);
  });

  it('takes the number that changes more often as the day when none is over 12', async () => {
    const monthFirst = await readMessages(
      '12/1/24, 10:00 - A: x\n12/2/24, 10:00 - A: y\n12/3/24, 10:00 - A: z\n',
    );
    expect(monthFirst.map(iso)).toEqual([
      '2024-12-01T10:00:00.000Z',
      '2024-12-02T10:00:00.000Z',
      '2024-12-03T10:00:00.000Z',
    ]);
    const dayFirst = await readMessages('01/12/24, 10:00 - A: x\n02/12/24, 10:00 - A: y\n');
    expect(dayFirst.map(iso)).toEqual(['2024-12-01T10:00:00.000Z', '2024-12-02T10:00:00.000Z']);
  });

  it('reads the day first when nothing in the file tells', async () => {
    const [message] = await readMessages('3/6/18, 1:55 PM - a: m\n');
    expect(iso(message)).toBe('2018-06-03T13:55:00.000Z');
  });

  it('reads year, month, day when the year comes first and nothing tells', async () => {
    const [message] = await readMessages('2018/06/03, 13:55 - a: m\n');
    expect(iso(message)).toBe('2018-06-03T13:55:00.000Z');
  });

  it('keeps a guessed order without a warning when later proof agrees with it', async () => {
    const reader = createWhatsAppReader({ lookAheadLines: 2 });
    const { records, error } = await readOutcome(
      memorySource({
        'chat.txt':
          '1/2/21, 10:00 - A: one\n1/3/21, 10:00 - A: two\n1/4/21, 10:00 - A: three\n1/13/21, 10:00 - A: four\n',
      }),
      {},
      reader,
    );
    expect(error).toBeUndefined();
    // The look-ahead saw "1/2" and "1/3": the second number changed, so it was taken as the day
    // (month first); "1/13" on line 4 agrees.
    expect(messagesOf(records).map(iso)).toEqual([
      '2021-01-02T10:00:00.000Z',
      '2021-01-03T10:00:00.000Z',
      '2021-01-04T10:00:00.000Z',
      '2021-01-13T10:00:00.000Z',
    ]);
    expect(warningsOf(records)).toEqual([]);
  });

  it('warns DATE_ORDER_CHANGED and reads later dates the other way when proof comes after the look-ahead', async () => {
    const reader = createWhatsAppReader({ lookAheadLines: 2 });
    const { records, error } = await readOutcome(
      memorySource({
        'chat.txt':
          '2/1/21, 10:00 - A: one\n3/1/21, 10:00 - A: two\n4/1/21, 10:00 - A: three\n1/13/21, 10:00 - A: four\n1/14/21, 10:00 - A: five\n',
      }),
      {},
      reader,
    );
    expect(error).toBeUndefined();
    // Guessed day-first (the first number changed); "1/13/21" proves month-first from line 4 on.
    expect(messagesOf(records).map(iso)).toEqual([
      '2021-01-02T10:00:00.000Z',
      '2021-01-03T10:00:00.000Z',
      '2021-01-04T10:00:00.000Z',
      '2021-01-13T10:00:00.000Z',
      '2021-01-14T10:00:00.000Z',
    ]);
    const warnings = warningsOf(records);
    expect(warnings.map((warning) => warning.code)).toEqual(['DATE_ORDER_CHANGED']);
    expect(warnings[0]?.message).toMatch(/^Line 4 \(1\/13\/21 10:00\) shows the month first/);
  });

  it('keeps a line whose date only fits the other, already proven, order as text', async () => {
    const { records } = await readOutcome(
      memorySource({ 'chat.txt': '13/1/21, 10:00 - A: one\n1/14/21, 10:00 - A: pasted\n' }),
    );
    expect(messagesOf(records).map((message) => message.text)).toEqual([
      'one\n1/14/21, 10:00 - A: pasted',
    ]);
    expect(warningsOf(records).map((warning) => warning.code)).toEqual(['DATE_NOT_VALID']);
    expect(warningsOf(records)[0]?.message).toMatch(/^Line 2 starts with 1\/14\/21 10:00, which/);
  });

  it('keeps a line with an impossible calendar date as text', async () => {
    const { records } = await readOutcome(
      memorySource({ 'chat.txt': '28/02/21, 10:00 - A: one\n31/02/21, 10:00 - A: never\n' }),
    );
    expect(messagesOf(records)).toHaveLength(1);
    expect(warningsOf(records).map((warning) => warning.code)).toEqual(['DATE_NOT_VALID']);
  });
});

describe('WhatsApp reader: message structure', () => {
  it('joins continuation lines with a newline and keeps blank lines inside a message', async () => {
    const [message] = await readMessages(
      '09/04/2017, 01:50 - Bo: How are you?\n\nIs everything alright?\n',
    );
    expect(message?.text).toBe('How are you?\n\nIs everything alright?');
  });

  it('drops trailing white space and blank lines at the end of a message', async () => {
    const messages = await readMessages(
      '1/1/21, 10:00 - A: first  \n\n\n1/1/21, 10:01 - A: last\n\n',
    );
    expect(messages.map((message) => message.text)).toEqual(['first', 'last']);
  });

  it('reads lines without "Name:" as system lines with no sender', async () => {
    const messages = await readMessages(
      '12/9/20, 23:55 - Messages and calls are end-to-end encrypted. Tap to learn more.\n' +
        '12/9/20, 23:56 - Alice created group "Cool"\n12/9/20, 23:57 - Bob left\n',
    );
    expect(messages.map((message) => [message.kind, message.sender])).toEqual([
      ['system', null],
      ['system', null],
      ['system', null],
    ]);
    expect(messages[1]?.text).toBe('Alice created group "Cool"');
  });

  it('reads the encryption notice written with a chat name as a system line, not a person', async () => {
    const records = await readRecords({
      'chat.txt':
        '15.04.2016, 15:04 - Pokemon Chat: Messages and calls are end-to-end encrypted. No one outside of this chat can read them.\n' +
        '15.04.2016, 15:05 - Ash: Hey!\n',
    });
    expect(messagesOf(records).map((message) => [message.kind, message.sender])).toEqual([
      ['system', null],
      ['text', 'Ash'],
    ]);
    expect(records.filter((record) => record.type === 'participant')).toEqual([
      { type: 'participant', conversationRef: 'chat', name: 'Ash' },
    ]);
  });

  it('reads an iOS note written as "Title: \u200enote" as a system line', async () => {
    const records = await readRecords(
      {
        '_chat.txt':
          '[05/12/2024, 08:00:15] Family: \u200eSarah changed the subject to "Smiths"\n' +
          '[05/12/2024, 08:01:00] Sarah: hi\n',
        'IMG-1.jpg': 'x',
      },
      { name: 'WhatsApp Chat - Family.zip', container: 'zip' },
    );
    expect(
      messagesOf(records).map((message) => [message.kind, message.sender, message.text]),
    ).toEqual([
      ['system', null, 'Sarah changed the subject to "Smiths"'],
      ['text', 'Sarah', 'hi'],
    ]);
  });

  it('splits the sender at the first colon followed by a space', async () => {
    const [message] = await readMessages(
      '2/11/19, 14:21 - The final test: Does it work with colons?: Hallelujah!\n',
    );
    expect(message?.sender).toBe('The final test');
    expect(message?.text).toBe('Does it work with colons?: Hallelujah!');
  });

  it('reads a sender whose text is empty on the first line', async () => {
    const [message] = await readMessages('2/11/19, 14:48 - John Doe:\nsecond line\n');
    expect(message?.sender).toBe('John Doe');
    expect(message?.text).toBe('\nsecond line');
  });

  it('yields the conversation first, then each participant once before their first message', async () => {
    const records = await readRecords({
      'chat.txt': '1/1/21, 10:00 - A: one\n1/1/21, 10:01 - B: two\n1/1/21, 10:02 - A: three\n',
    });
    expect(records.map((record) => record.type)).toEqual([
      'conversation',
      'participant',
      'message',
      'participant',
      'message',
      'message',
    ]);
  });

  it('yields both of two identical messages in the same minute', async () => {
    const messages = await readMessages('1/1/21, 10:00 - A: ok\n1/1/21, 10:00 - A: ok\n');
    expect(messages).toHaveLength(2);
    expect(messages[0]).toEqual(messages[1]);
    expect(messages[0]?.externalId).toBeNull();
  });

  it('keeps a line in another date style as text of the message before, with a warning', async () => {
    const { records } = await readOutcome(
      memorySource({
        'chat.txt':
          '[04.01.18, 11:53:57] Ann: look\n[1.2.2019, 00:00:00] Bob: pasted\n2/11/19, 14:48 Bob: also pasted\n',
      }),
    );
    expect(messagesOf(records).map((message) => message.text)).toEqual([
      'look\n[1.2.2019, 00:00:00] Bob: pasted\n2/11/19, 14:48 Bob: also pasted',
    ]);
    expect(warningsOf(records).map((warning) => warning.code)).toEqual([
      'OTHER_LINE_STYLE',
      'OTHER_LINE_STYLE',
    ]);
  });

  it('strips invisible marks around the stamp and the sender but keeps them inside the text', async () => {
    const [message] = await readMessages(
      '\u200e[8/15/23, 9:12:48 AM] \u200eDr. Feather\u200e: \u200fשלום \u200eworld\n',
    );
    expect(iso(message)).toBe('2023-08-15T09:12:48.000Z');
    expect(message?.sender).toBe('Dr. Feather');
    expect(message?.text).toBe('שלום \u200eworld');
  });

  it('skips a UTF-8 byte-order mark', async () => {
    const [message] = await readMessages('\ufeff1/1/21, 10:00 - A: hi\n', 1);
    expect(message?.sender).toBe('A');
  });

  it('reads UTF-16 little-endian text with a byte-order mark', async () => {
    const text = '1/13/21, 10:00 - Ana: olá\r\n1/13/21, 10:01 - Bo: 你好\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const messages = await readMessages(bytes, 5);
    expect(messages.map((message) => message.text)).toEqual(['olá', '你好']);
  });

  it('reads CRLF line ends', async () => {
    const messages = await readMessages(
      '1/1/21, 10:00 - A: one\r\ntwo\r\n1/1/21, 10:01 - B: x\r\n',
    );
    expect(messages.map((message) => message.text)).toEqual(['one\ntwo', 'x']);
  });

  it('reads the same records whatever size the chunks of the stream have', async () => {
    const chat =
      '\ufeff[31/12/2020, 21:41:05] Zoë: Ünïcödé 🎉👩🏻‍⚖️\r\nline two — ok\n' +
      '[31/12/2020, 21:42:00] 花子: 田中さんにあげて下さい\n[01/01/2021, 00:00:01] Zoë: 🥂';
    const expected = await readMessages(chat, 1_000_000);
    expect(expected).toHaveLength(3);
    for (const size of [1, 2, 3, 5, 7, 64]) {
      expect(await readMessages(chat, size)).toEqual(expected);
    }
  });

  it('skips text before the first message line and warns about it', async () => {
    const records = await readRecords({
      'chat.txt': 'Exported by hand\n\n1/1/21, 10:00 - A: hi\n',
    });
    expect(messagesOf(records)).toHaveLength(1);
    expect(warningsOf(records).map((warning) => warning.code)).toEqual([
      'TEXT_BEFORE_FIRST_MESSAGE',
    ]);
  });
});

describe('WhatsApp reader: media and other kinds', () => {
  const zipped = (chat: string, media: Files = {}): ExportSource =>
    memorySource(
      { 'WhatsApp Chat with Ana.txt': chat, ...media },
      { name: 'WhatsApp Chat with Ana.zip', container: 'zip', chunkBytes: 7 },
    );

  it('reads "<Media omitted>" in any case as media with an omitted attachment and no text', async () => {
    const messages = await readMessages(
      '1/1/21, 12:03 - B: <Media omitted>\n1/1/21, 12:04 - B: <media omitted>\n',
    );
    for (const message of messages) {
      expect(message.kind).toBe('media');
      expect(message.text).toBe('');
      expect(message.attachments).toEqual([
        { entryPath: null, name: message.attachments[0]?.name, mime: null },
      ]);
    }
  });

  it('points an attached file at its entry when the export has it', async () => {
    const { records } = await readOutcome(
      zipped('1/13/21, 10:00 - Ana: IMG-20210113-WA0001.jpg (file attached)\nLook at this\n', {
        'IMG-20210113-WA0001.jpg': Buffer.from([0xff, 0xd8]),
      }),
    );
    const [message] = messagesOf(records);
    expect(message?.kind).toBe('media');
    expect(message?.text).toBe('Look at this');
    expect(message?.attachments).toEqual([
      { entryPath: 'IMG-20210113-WA0001.jpg', name: 'IMG-20210113-WA0001.jpg', mime: 'image/jpeg' },
    ]);
  });

  it('leaves the entry of an attached file null when the export lacks it', async () => {
    const [message] = await readMessages(
      '1/13/21, 10:00 - Ana: PTT-20210113-WA0002.opus (file attached)\n',
    );
    expect(message?.attachments).toEqual([
      { entryPath: null, name: 'PTT-20210113-WA0002.opus', mime: 'audio/ogg' },
    ]);
  });

  it('finds an iOS attachment by its name anywhere in the zip, preferring the chat folder', async () => {
    const source = memorySource(
      {
        'Chat/_chat.txt':
          '[13/01/2021, 10:00:00] Ana: \u200e<attached: 00000012-PHOTO-2021-01-13-10-00-00.jpg>\n' +
          '[13/01/2021, 10:01:00] Ana: \u200e<attached: 00000013-AUDIO-2021-01-13-10-01-00.opus>\n',
        'Chat/00000012-PHOTO-2021-01-13-10-00-00.jpg': 'a',
        'other/00000012-PHOTO-2021-01-13-10-00-00.jpg': 'b',
        'media/deep/00000013-AUDIO-2021-01-13-10-01-00.opus': 'c',
      },
      { name: 'WhatsApp Chat - Ana.zip', container: 'zip' },
    );
    const messages = messagesOf((await readOutcome(source)).records);
    expect(messages.map((message) => message.attachments[0]?.entryPath)).toEqual([
      'Chat/00000012-PHOTO-2021-01-13-10-00-00.jpg',
      'media/deep/00000013-AUDIO-2021-01-13-10-01-00.opus',
    ]);
  });

  it('reads a caption written after the media note on the same line', async () => {
    const [message] = await readMessages(
      '[13/01/2021, 10:00:00] Ana: <attached: 1-PHOTO.jpg> sunset\n',
    );
    expect(message?.kind).toBe('media');
    expect(message?.text).toBe('sunset');
  });

  it('reads the iOS "omitted" notes as media', async () => {
    const notes = ['image', 'video', 'audio', 'sticker', 'GIF', 'Contact card'].map(
      (what) => `\u200e${what} omitted`,
    );
    const chat = notes
      .map((note, index) => `[13/01/2021, 10:0${index}:00] Ana: ${note}\n`)
      .join('');
    const messages = await readMessages(chat);
    expect(messages.map((message) => message.kind)).toEqual(notes.map(() => 'media'));
    expect(messages[0]?.attachments).toEqual([
      { entryPath: null, name: 'image omitted', mime: null },
    ]);
  });

  it('reads an omitted iOS document with its file name', async () => {
    const [message] = await readMessages(
      '[13/01/2021, 10:00:00] Ana: \u200eReport.pdf • \u200e3 pages \u200edocument omitted\n',
    );
    expect(message?.kind).toBe('media');
    expect(message?.attachments[0]?.name).toBe('Report.pdf');
    expect(message?.attachments[0]?.entryPath).toBeNull();
  });

  it('reads localized media notes', async () => {
    const messages = await readMessages(
      '13.01.21, 10:00 - Ana: <Medien ausgelassen>\n' +
        '13.01.21, 10:01 - Ana: \u200e4f26.jpg (Datei angehängt)\nFrohe Ostern\n' +
        '13.01.21, 10:02 - Ana: 2015-08-04-PHOTO-00004762.jpg <\u200eattached>\n' +
        '13.01.21, 10:03 - Ana: < attached: 00000042-PHOTO.jpg >\n',
    );
    expect(
      messages.map((message) => [message.kind, message.attachments[0]?.name, message.text]),
    ).toEqual([
      ['media', '<Medien ausgelassen>', ''],
      ['media', '4f26.jpg', 'Frohe Ostern'],
      ['media', '2015-08-04-PHOTO-00004762.jpg', ''],
      ['media', '00000042-PHOTO.jpg', ''],
    ]);
  });

  it('reads a deleted message as kind other and keeps its note', async () => {
    const messages = await readMessages(
      '6/29/23, 12:16 am - User 4: This message was deleted\n6/29/23, 12:17 am - Me: You deleted this message\n',
    );
    expect(messages.map((message) => [message.kind, message.text])).toEqual([
      ['other', 'This message was deleted'],
      ['other', 'You deleted this message'],
    ]);
  });

  it('reads an iOS call note as a call', async () => {
    const [message] = await readMessages('[13/01/2021, 10:00:00] Ana: \u200eMissed voice call\n');
    expect(message?.kind).toBe('call');
    expect(message?.text).toBe('Missed voice call');
  });

  it('keeps a person writing about encryption or media as text', async () => {
    const messages = await readMessages(
      '1/13/21, 10:00 - Ana: Messages here are end-to-end encrypted, right?\n1/13/21, 10:01 - Ana: the image omitted part\n',
    );
    expect(messages.map((message) => message.kind)).toEqual(['text', 'text']);
  });
});

describe('WhatsApp reader: which file, and the title', () => {
  const chat = '1/13/21, 10:00 - Ana: hi\n';
  const conversationOf = async (source: ExportSource): Promise<ReadRecord | undefined> =>
    (await readOutcome(source)).records[0];

  it('names the chat after an Android export file', async () => {
    expect(await conversationOf(memorySource({ 'WhatsApp Chat with Ana.txt': chat }))).toEqual({
      type: 'conversation',
      ref: 'chat',
      platform: 'whatsapp',
      title: 'Ana',
      identity: 'whatsapp:Ana',
    });
    expect(
      await conversationOf(memorySource({ 'WhatsApp Chat - Family.txt': chat })),
    ).toMatchObject({
      title: 'Family',
    });
  });

  it('names a zipped _chat.txt after the zip, without a copy suffix', async () => {
    const source = memorySource(
      { '_chat.txt': chat, 'IMG-1.jpg': 'x' },
      { name: 'WhatsApp Chat - Family (1).zip', container: 'zip' },
    );
    expect(await conversationOf(source)).toMatchObject({
      title: 'Family',
      identity: 'whatsapp:Family',
    });
  });

  it('names a chat in a zip with another name after the zip stem', async () => {
    const source = memorySource(
      { '_chat.txt': chat, 'a.jpg': 'x' },
      { name: 'Ana backup.zip', container: 'zip' },
    );
    expect(await conversationOf(source)).toMatchObject({ title: 'Ana backup' });
  });

  it('finds the only text file in any subfolder', async () => {
    const source = memorySource(
      { 'deep/folder/notes.txt': chat, 'deep/a.jpg': 'x' },
      { name: 'Export', container: 'folder' },
    );
    expect(messagesOf((await readOutcome(source)).records)).toHaveLength(1);
    expect(source.opened).toEqual(['deep/folder/notes.txt']);
  });

  it('prefers _chat.txt and warns about another chat text it does not read', async () => {
    const source = memorySource(
      { 'a/WhatsApp Chat with Bo.txt': chat, '_chat.txt': chat, 'readme.txt': 'x' },
      { name: 'WhatsApp Chat - Ana.zip', container: 'zip' },
    );
    const { records } = await readOutcome(source);
    expect(source.opened).toEqual(['_chat.txt']);
    expect(warningsOf(records).map((warning) => warning.code)).toEqual(['OTHER_CHAT_NOT_READ']);
  });

  it('fails with INVALID_FORMAT when a zip holds no chat text', async () => {
    const source = memorySource({ 'a.jpg': 'x', 'b.jpg': 'y' }, { container: 'zip' });
    const { records, error } = await readOutcome(source);
    expect(records).toEqual([]);
    expectReadError(error, 'INVALID_FORMAT');
  });
});

describe('WhatsApp reader: broken input', () => {
  it('reads a last line without a line end as a whole message', async () => {
    const messages = await readMessages('1/1/21, 10:00 - A: one\n1/1/21, 10:01 - A: two');
    expect(messages.map((message) => message.text)).toEqual(['one', 'two']);
  });

  it('ends with TRUNCATED when the file stops inside a message stamp, after the complete messages', async () => {
    const { records, error } = await readOutcome(
      memorySource(
        { 'chat.txt': '12/31/20, 9:40 PM - A: one\n12/31/20, 9:41 PM - A: two\n12/31/20, 9:4' },
        { chunkBytes: 7 },
      ),
    );
    expect(messagesOf(records).map((message) => message.text)).toEqual(['one', 'two']);
    const readError = expectReadError(error, 'TRUNCATED');
    expect(readError.position).toEqual({ entry: 'chat.txt', line: 3, byte: 54 });
  });

  it('ends with TRUNCATED when the file stops inside a character', async () => {
    const bytes = Buffer.concat([
      Buffer.from('1/1/21, 10:00 - A: one\n1/1/21, 10:01 - A: caf', 'utf8'),
      Buffer.from([0xc3]),
    ]);
    const { records, error } = await readOutcome(
      memorySource({ 'chat.txt': bytes }, { chunkBytes: 3 }),
    );
    expect(messagesOf(records).map((message) => message.text)).toEqual(['one']);
    expect(expectReadError(error, 'TRUNCATED').position).toMatchObject({ line: 2, byte: 45 });
  });

  it('ends with INVALID_UTF8 naming the byte and line, after the messages before it', async () => {
    const bytes = Buffer.concat([
      Buffer.from('1/1/21, 10:00 - A: one\n1/1/21, 10:01 - A: two\n1/1/21, 10:02 - A: th', 'utf8'),
      Buffer.from([0xff]),
      Buffer.from('ree\n1/1/21, 10:03 - A: four\n', 'utf8'),
    ]);
    const { records, error } = await readOutcome(
      memorySource({ 'chat.txt': bytes }, { chunkBytes: 4 }),
    );
    expect(messagesOf(records).map((message) => message.text)).toEqual(['one', 'two']);
    const readError = expectReadError(error, 'INVALID_UTF8');
    expect(readError.position).toEqual({ entry: 'chat.txt', line: 3, byte: 67 });
    expect(readError.message).toMatch(/byte 67.*line 3/);
  });

  it('leaves out the message whose own continuation line breaks', async () => {
    const bytes = Buffer.concat([
      Buffer.from('1/1/21, 10:00 - A: one\n1/1/21, 10:01 - A: two\nmore of tw', 'utf8'),
      Buffer.from([0xfe]),
      Buffer.from('o\n', 'utf8'),
    ]);
    const { records, error } = await readOutcome(memorySource({ 'chat.txt': bytes }));
    expect(messagesOf(records).map((message) => message.text)).toEqual(['one']);
    expect(expectReadError(error, 'INVALID_UTF8').position).toMatchObject({ line: 3 });
  });

  it('ends with RECORD_TOO_LARGE for a line over the limit, without buffering it', async () => {
    const reader = createWhatsAppReader({ maxRecordBytes: 100 });
    const chat = `1/1/21, 10:00 - A: short\n1/1/21, 10:01 - A: ${'x'.repeat(500)}\n`;
    const { records, error } = await readOutcome(
      memorySource({ 'chat.txt': chat }, { chunkBytes: 16 }),
      {},
      reader,
    );
    expect(messagesOf(records).map((message) => message.text)).toEqual(['short']);
    expect(expectReadError(error, 'RECORD_TOO_LARGE').position).toEqual({
      entry: 'chat.txt',
      line: 2,
      byte: 25,
    });
  });

  it('ends with RECORD_TOO_LARGE for a message of many lines over the limit', async () => {
    const reader = createWhatsAppReader({ maxRecordBytes: 100 });
    const chat = `1/1/21, 10:00 - A: short\n1/1/21, 10:01 - A: long\n${'line of text\n'.repeat(20)}`;
    const { records, error } = await readOutcome(memorySource({ 'chat.txt': chat }), {}, reader);
    expect(messagesOf(records)).toHaveLength(1);
    expect(expectReadError(error, 'RECORD_TOO_LARGE').position).toMatchObject({ line: 2 });
  });

  it('fails with INVALID_FORMAT for an empty file', async () => {
    const { records, error } = await readOutcome(memorySource({ 'chat.txt': '' }));
    expect(records).toEqual([]);
    expect(expectReadError(error, 'INVALID_FORMAT').message).toMatch(/empty/);
  });

  it('fails with INVALID_FORMAT for a file with no message lines', async () => {
    const { records, error } = await readOutcome(
      memorySource({ 'chat.txt': 'Dear diary,\ntoday 12/31/20 was fine.\n' }),
    );
    expect(records).toEqual([]);
    expect(expectReadError(error, 'INVALID_FORMAT').message).toMatch(/no WhatsApp message lines/);
  });
});

describe('WhatsApp reader: streaming', () => {
  /** An export whose chat text is produced on demand, counting the bytes handed out. */
  function endlessChat(firstLines: string, line: (index: number) => string, count: number) {
    let produced = 0;
    const source: ExportSource = {
      name: 'chat.txt',
      container: 'file',
      entries: [{ path: 'chat.txt', bytes: 0 }],
      find: () => undefined,
      open: () =>
        Promise.resolve(
          Readable.from(
            (function* () {
              const head = Buffer.from(firstLines);
              produced += head.length;
              yield head;
              for (let index = 0; index < count; index += 1) {
                const bytes = Buffer.from(line(index));
                produced += bytes.length;
                yield bytes;
              }
            })(),
          ),
        ),
      bytesRead: () => produced,
      totalBytes: 0,
      close: () => Promise.resolve(),
    };
    return { source, produced: () => produced };
  }

  it('yields the first message after reading little more than its lines when the order is proven', async () => {
    const chat = endlessChat(
      '13/1/21, 10:00 - A: first\n',
      () => '13/1/21, 10:01 - A: more\n',
      200_000,
    );
    for await (const record of eachRecord(readWhatsApp(chat.source, {}))) {
      if (record.type === 'message') break;
    }
    expect(chat.produced()).toBeLessThan(64 * 1024);
  });

  it('stops reading a line that never ends once it passes the record limit', async () => {
    const reader = createWhatsAppReader({ maxRecordBytes: 10_000 });
    const chat = endlessChat(
      '13/1/21, 10:00 - A: first\n13/1/21, 10:01 - A: ',
      () => 'x'.repeat(100),
      1_000_000,
    );
    const { records, error } = await readOutcome(chat.source, {}, reader);
    expect(messagesOf(records).map((message) => message.text)).toEqual(['first']);
    expectReadError(error, 'RECORD_TOO_LARGE');
    expect(chat.produced()).toBeLessThan(10_000 + 64 * 1024);
  });

  it('holds back no more than the look-ahead when the order is not proven', async () => {
    const reader = createWhatsAppReader({ lookAheadLines: 1000, lookAheadBytes: 1024 * 1024 });
    const chat = endlessChat(
      '1/1/21, 10:00 - A: first\n',
      () => '1/1/21, 10:01 - A: same day\n',
      200_000,
    );
    for await (const record of eachRecord(reader(chat.source, {}))) {
      if (record.type === 'message') break;
    }
    // 1000 message lines of ~28 bytes, plus what the stream buffers ahead.
    expect(chat.produced()).toBeLessThan(28 * 1000 + 64 * 1024);
  });
});
