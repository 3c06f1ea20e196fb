/**
 * The WhatsApp reader against every WhatsApp sample in ../shared/fixtures/whatsapp, asserting the
 * facts each sample's EXPECTED file states. Where a statement conflicts with another sample or with
 * the reader's documented rules, the test asserts the rule and says why, with the evidence.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadMessage, ReadRecord } from '../../src/main/engine/readers/records';
import { readWhatsApp } from '../../src/main/engine/readers/whatsapp/index';
import type { ExportSource } from '../../src/main/engine/source/export-source';
import { openFolderSource } from '../../src/main/engine/source/folder-source';
import { openZipSource } from '../../src/main/engine/source/zip-source';
import { memorySource } from '../support/memory-source';
import { fixturesDir } from '../support/paths';
import { messagesOf, participantsOf, readAll as readRecords } from '../support/read-records';

const readAll = (source: ExportSource) => readRecords(readWhatsApp, source);

const samples = path.join(fixturesDir, 'whatsapp');
const sample = (...parts: string[]): string => path.join(samples, ...parts);

/** A sample .txt as a single-file export, streamed in small chunks. */
function textFile(...parts: string[]): ExportSource {
  const file = sample(...parts);
  return memorySource({ [path.basename(file)]: readFileSync(file) }, { chunkBytes: 13 });
}

const titleOf = (records: readonly ReadRecord[]): string | undefined =>
  records[0]?.type === 'conversation' ? records[0].title : undefined;
const byPeople = (messages: readonly ReadMessage[]): ReadMessage[] =>
  messages.filter((message) => message.kind !== 'system');
const iso = (message: ReadMessage | undefined): string =>
  new Date(message?.sentAt ?? Number.NaN).toISOString();
/** Peer times written as local "YYYY-MM-DD HH:MM[:SS]"; the tests run in UTC. */
const utc = (local: string): string =>
  new Date(`${local.replace(' ', 'T')}${local.length === 16 ? ':00' : ''}.000Z`).toISOString();

describe('every WhatsApp sample', () => {
  const exportsInSamples = readdirSync(samples).flatMap((folder) =>
    readdirSync(sample(folder))
      .filter(
        (name) =>
          /\.(?:txt|zip)$/u.test(name) &&
          name !== 'SOURCE.txt' &&
          !name.startsWith('EXPECTED') &&
          // One date style per line, to be read line by line (see the pustur tests below).
          name !== 'date-format-lines.txt',
      )
      .map((name) => path.join(folder, name))
      .concat(
        readdirSync(sample(folder))
          .filter((name) => statSync(sample(folder, name)).isDirectory())
          .map((name) => path.join(folder, name)),
      ),
  );

  it.each(exportsInSamples)(
    '%s reads to a conversation with messages and no error',
    async (item) => {
      const full = sample(item);
      const source = statSync(full).isDirectory()
        ? await openFolderSource(full)
        : item.endsWith('.zip')
          ? await openZipSource(full)
          : textFile(item);
      const records = await readAll(source);
      expect(records[0]?.type).toBe('conversation');
      expect(messagesOf(records).length).toBeGreaterThan(0);
    },
  );
});

describe('chat-analytics samples', () => {
  it('2A_5M: five messages by A and B, the lowercase media note as media', async () => {
    const records = await readAll(textFile('chat-analytics-2A_5M', '2A_5M.txt'));
    const messages = messagesOf(records);
    expect(participantsOf(records)).toEqual(['A', 'B']);
    // The peer emits messages in time order, moving the 12:02 line written after 12:03 before it.
    // Readers yield in the export's order (records.ts: "in the order the export holds them"); the
    // timeline orders by sentAt. Sorting by time (stable) gives exactly the peer's order.
    expect(messages.map((message) => [message.sender, message.text, iso(message)])).toEqual([
      ['A', 'Hi', utc('2021-01-01 12:00')],
      ['B', 'Whats up?', utc('2021-01-01 12:01')],
      ['A', 'All good', utc('2021-01-01 12:02')],
      ['B', '', utc('2021-01-01 12:03')],
      ['A', 'This message should be reordered', utc('2021-01-01 12:02')],
    ]);
    expect(messages[3]?.kind).toBe('media');
    expect(messages[3]?.attachments).toEqual([
      { entryPath: null, name: '<media omitted>', mime: null },
    ]);
    const sorted = [...messages].sort((a, b) => a.sentAt - b.sentAt);
    expect(sorted.map((message) => message.text)).toEqual([
      'Hi',
      'Whats up?',
      'All good',
      'This message should be reordered',
      '',
    ]);
  });

  const check4A11M = (records: readonly ReadRecord[]): void => {
    const messages = messagesOf(records);
    expect(new Set(participantsOf(records))).toEqual(
      new Set(['Alice', 'Bob', 'Eve', 'Mallory', 'Trent']),
    );
    expect(messages.filter((message) => message.kind === 'system')).toHaveLength(3);
    expect(byPeople(messages)).toHaveLength(11);
    // "12/9/20, 23:55": no number over 12 and none changes, so the day comes first: 12 September.
    const boiii = messages.find((message) => message.text === 'boiii');
    expect([boiii?.sender, iso(boiii)]).toEqual(['Alice', utc('2020-09-12 23:55')]);
    const judge = messages.find((message) => message.sender === 'Trent');
    expect([judge?.text, iso(judge)]).toEqual(['👩🏻‍⚖️', utc('2020-09-12 23:55')]);
  };

  it('4A_11M.txt: five authors, three system lines, eleven messages, 12 September', async () => {
    check4A11M(await readAll(textFile('chat-analytics-4A_11M', '4A_11M.txt')));
  });

  it('4A_11M.zip: the same chat read from _chat.txt in the zip, named after the zip', async () => {
    const records = await readAll(
      await openZipSource(sample('chat-analytics-4A_11M', '4A_11M.zip')),
    );
    expect(titleOf(records)).toBe('4A_11M');
    check4A11M(records);
  });
});

describe('chat-miner: five date styles of one chat', () => {
  type Target = Readonly<{ timestamp: string; author: string; message: string }>;
  const target = (
    JSON.parse(readFileSync(sample('chat-miner-5formats', 'target.json'), 'utf8')) as Target[]
  ).toReversed();
  const files = [
    'test_[mmddyy]_24hrs.txt',
    'test_ddmmyy_24hrs.txt',
    'test_mmddyy_24hrs.txt',
    'test_mmddyyyy_12hrs.txt',
    'test_yyyymmdd_24hrs.txt',
  ];

  it.each(files)('%s gives the six messages of target.json', async (file) => {
    const messages = messagesOf(await readAll(textFile('chat-miner-5formats', file)));
    const people = messages.filter((message) => message.kind === 'text');
    // The peer joins a message's lines with a space; the reader keeps the line break the export
    // has ("\n"), as rwhatsapp, Pustur and the Ruby parser expect. Texts are compared with that.
    expect(
      people.map((message) => ({
        timestamp: iso(message).slice(0, 19),
        author: message.sender,
        message: message.text.replaceAll('\n', ' '),
      })),
    ).toEqual(target);
    expect(people[1]?.text).toContain(',\nconsectetur');
    // The peer drops system lines and the line "John Doe:." (its "self-destroying message").
    // WhatsApp always writes "Name: " with a space, so "John Doe:." has no sender: the reader keeps
    // it, as a system line, rather than lose a line of the export.
    expect(
      messages.filter((message) => message.kind === 'system').map((message) => message.text),
    ).toEqual(['John Doe:.', '+12 345 578 created group "Groupname"', 'You were added']);
  });
});

describe('Chatistics edge cases', () => {
  type Truth = Readonly<{
    ground_truth_chat1: Readonly<{ text: string[]; senderName: string[] }>;
    ground_truth_chat2: Readonly<{ datetime: string[] }>;
    ground_truth_chat3: Readonly<{ datetime: string[] }>;
    ground_truth_chat4: Readonly<{ datetime: string[]; text: string[]; senderName: string[] }>;
  }>;
  const truth = JSON.parse(
    readFileSync(sample('chatistics-edge-cases', 'EXPECTED.json'), 'utf8'),
  ) as Truth;
  /** "2019, 9, 17, 16, 37, 47" (local, here UTC) as an ISO string. */
  const fromTuple = (tuple: string): string => {
    const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = tuple.split(',').map(Number);
    return new Date(Date.UTC(y, mo - 1, d, h, mi, s)).toISOString();
  };

  it('_chat.txt: the first twenty messages, with the fake message lines kept as text', async () => {
    const people = byPeople(
      messagesOf(await readAll(textFile('chatistics-edge-cases', '_chat.txt'))),
    );
    const first = people.slice(0, 20);
    expect(first.map((message) => message.text)).toEqual(truth.ground_truth_chat1.text);
    expect(first.map((message) => message.sender)).toEqual(truth.ground_truth_chat1.senderName);
  });

  it('_chat 2.txt: four messages; "[1.9.19, 00:00:00]" continues the first', async () => {
    const messages = messagesOf(await readAll(textFile('chatistics-edge-cases', '_chat 2.txt')));
    expect(messages.map(iso)).toEqual(truth.ground_truth_chat2.datetime.map(fromTuple));
    expect(messages[0]?.text).toContain('\n[1.9.19, 00:00:00] Peter Doe: this is the second line');
  });

  it('_chat 3.txt: nine messages by people, the encryption notes as system lines', async () => {
    const messages = messagesOf(await readAll(textFile('chatistics-edge-cases', '_chat 3.txt')));
    const people = byPeople(messages);
    expect(people).toHaveLength(9);
    expect(messages.filter((message) => message.kind === 'system')).toHaveLength(2);
    expect(people.map((message) => message.sender)).toEqual([
      'n',
      'Very long username',
      'Even longer username with emoticons! 🙈 🙈',
      'The final test',
      'John Doe',
      'The final test',
      'John Doe',
      'John Doe',
      'John Doe',
    ]);
    // DISAGREEMENT: the peer reads "2/11/19" as 11 February and "10/11/19" as 11 October (month
    // first). No number in this file is over 12, so nothing in it proves either order. The first
    // number changes (2 -> 10 -> 2) and the second never does, so by the reader's documented rule
    // the first is the day: 2 and 10 November. The chat-analytics sample 4A_11M, written in the
    // same shape ("12/9/20, 23:55 - "), expects the day first; both cannot hold. Times of day and
    // their order agree with the peer.
    const expectedByPeer = truth.ground_truth_chat3.datetime.map(fromTuple);
    expect(people.map((message) => iso(message).slice(11))).toEqual(
      expectedByPeer.map((value) => value.slice(11)),
    );
    expect(people.map(iso)).toEqual([
      '2019-11-02T14:18:00.000Z',
      '2019-11-02T14:21:00.000Z',
      '2019-11-02T14:21:00.000Z',
      '2019-11-02T14:21:00.000Z',
      '2019-11-02T14:22:00.000Z',
      '2019-11-10T14:25:00.000Z',
      '2019-11-02T14:33:00.000Z',
      '2019-11-02T14:48:00.000Z',
      '2019-11-02T14:51:00.000Z',
    ]);
    expect(people[7]?.text).toBe('\n\n\n\n\n👍👍👍👍👍👍!');
    expect(people[8]?.text).toBe(
      'this is a message which contains some dates and colons\n\n\n2/11/19: Arrival\n12/12/19: Departure',
    );
  });

  it('_chat 4.txt: three US-style messages with an en dash', async () => {
    const messages = messagesOf(await readAll(textFile('chatistics-edge-cases', '_chat 4.txt')));
    expect(messages.map(iso)).toEqual(truth.ground_truth_chat4.datetime.map(fromTuple));
    expect(messages.map((message) => message.text)).toEqual(truth.ground_truth_chat4.text);
    expect(messages.map((message) => message.sender)).toEqual(truth.ground_truth_chat4.senderName);
  });
});

describe('LangChain samples', () => {
  it('iOS en-US: the notice is a system line, three images are media, the macaw comes first', async () => {
    const messages = messagesOf(
      await readAll(textFile('langchain-ios-en-us', 'whatsapp_chat.txt')),
    );
    expect(messages).toHaveLength(12);
    expect(messages[0]?.kind).toBe('system');
    expect(messages[0]?.sender).toBeNull();
    const media = messages.filter((message) => message.kind === 'media');
    expect(media).toHaveLength(3);
    expect(media.map((message) => message.attachments[0]?.name)).toEqual([
      'image omitted',
      'image omitted',
      'image omitted',
    ]);
    const texts = messages.filter((message) => message.kind === 'text');
    expect(texts).toHaveLength(8);
    expect(texts[0]?.text).toContain(
      'I spotted a rare Hyacinth Macaw yesterday in the Amazon Rainforest. Such a magnificent creature!',
    );
    expect(iso(messages.at(-1))).toBe('2023-08-15T21:25:16.000Z');
  });

  it('mixed formats: one export style per file, so the other styles are text', async () => {
    const records = await readAll(textFile('langchain-mixed-formats', 'whatsapp_chat.txt'));
    const messages = messagesOf(records);
    // DISAGREEMENT: the peer expects eight messages out of five different header styles in one
    // file (it matches each line against every style). A real export writes one style; the
    // Chatistics samples expect a line in another style to be text of the message before
    // ("[1.2.2019, 00:00:00] John Doe: ..." inside a "[04.01.18, ...]" chat, text #16 of
    // _chat.txt; "[1.9.19, 00:00:00]" in _chat 2.txt). Both cannot hold. The reader's rule: the
    // first message line fixes the style; other styles are kept as text, with a warning.
    expect(messages).toHaveLength(1);
    expect(messages[0]?.sender).toBe('James');
    expect(iso(messages[0])).toBe('2023-05-05T15:48:11.000Z');
    expect(messages[0]?.text.split('\n')).toHaveLength(10);
    expect(messages[0]?.text).toContain('[2023/5/4, 16:13:23] ~ User 2: See you!');
    expect(
      records.filter((record) => record.type === 'warning' && record.code === 'OTHER_LINE_STYLE'),
    ).toHaveLength(6);
  });

  it("mixed formats: each line read on its own gives the peer's sender and text", async () => {
    const lines = readFileSync(sample('langchain-mixed-formats', 'whatsapp_chat.txt'), 'utf8')
      .split('\n')
      .filter((line) => line !== '');
    const read: [string | null, string, string][] = [];
    for (const line of lines) {
      const [message] = messagesOf(await readAll(memorySource({ 'line.txt': line })));
      if (message !== undefined) read.push([message.sender, message.kind, message.text]);
    }
    expect(read).toEqual([
      ['James', 'text', 'Hi here'],
      ['User name', 'text', 'Message 123'],
      ['User 2', 'text', 'Bye!'],
      ['User 1', 'text', 'And let me know if anything changes'],
      ['~ User name 2', 'text', 'Of course!'],
      ['~ User 2', 'text', 'See you!'],
      ['User 1', 'text', 'Hello'],
      ['User 2', 'text', 'Goodbye'],
      // The peer drops these two; the reader keeps them as media and as a deleted message.
      ['User 3', 'media', ''],
      ['User 4', 'other', 'This message was deleted'],
    ]);
  });
});

describe('Pustur whatsapp-chat-parser samples', () => {
  type PusturExpected = Readonly<{
    date_formats: readonly Readonly<{
      line: string;
      expected_date_utc: string;
      expected_author: string;
      expected_message: string;
    }>[];
    attachments_expected_fileName: readonly string[];
  }>;
  const expectedText = readFileSync(sample('pustur-format-lines', 'EXPECTED.txt'), 'utf8');
  const expected = JSON.parse(
    expectedText.slice(expectedText.indexOf('{\n "date_formats"')),
  ) as PusturExpected;
  const formatLines = readFileSync(sample('pustur-format-lines', 'date-format-lines.txt'), 'utf8')
    .split('\n')
    .filter((line) => line !== '');

  it('has one line per stated date format', () => {
    expect(formatLines).toEqual(expected.date_formats.map((format) => format.line));
  });

  it.each(expected.date_formats.map((format, index) => [index + 1, format] as const))(
    'date format %i read on its own gives the stated date, author and message',
    async (_index, format) => {
      const [message] = messagesOf(await readAll(memorySource({ 'line.txt': format.line })));
      expect(iso(message)).toBe(format.expected_date_utc);
      expect(message?.sender).toBe(format.expected_author);
      expect(message?.text).toBe(format.expected_message);
    },
  );

  it('attachment lines name the stated files, and a plain message has none', async () => {
    const messages = messagesOf(
      await readAll(textFile('pustur-format-lines', 'attachment-lines.txt')),
    );
    expect(messages.map((message) => message.attachments[0]?.name)).toEqual(
      expected.attachments_expected_fileName,
    );
    expect(messages.map((message) => message.kind)).toEqual(['media', 'media', 'media', 'media']);
    expect(messages[3]?.text).toBe('Dir auch frohe Ostern.');
    const [plain] = messagesOf(
      await readAll(memorySource({ 'x.txt': '3/6/18, 1:55 p.m. - a: m' })),
    );
    expect(plain?.attachments).toEqual([]);
  });

  it('short chat: five messages with system lines, an empty line kept inside the last', async () => {
    const messages = messagesOf(await readAll(textFile('pustur-short-chat', 'short-chat.txt')));
    expect(messages).toHaveLength(5);
    expect([messages[1]?.sender, messages[1]?.text, iso(messages[1])]).toEqual([
      null,
      'You created group "ShortChat"',
      utc('2017-03-06 00:45'),
    ]);
    expect(messages[4]?.sender).toBe('+410123456789');
    // DISAGREEMENT (minor): the peer keeps a trailing "\n" ("How are you?\n\nIs everything
    // alright?\n"): it splits the file on "\n" and the file's final line end leaves an empty last
    // piece. That line end ends the last line; it is not an empty line of the message, and the
    // reader drops trailing white space of every message (WhatsApp trims what is sent).
    expect(messages[4]?.text).toBe('How are you?\n\nIs everything alright?');
  });

  it('issue 237: two lines without a comma, day first', async () => {
    const messages = messagesOf(
      await readAll(textFile('pustur-short-chat', 'issue-237-two-lines.txt')),
    );
    expect(messages.map(iso)).toEqual(['2020-12-30T13:00:00.000Z', '2021-01-13T13:00:00.000Z']);
  });
  // The peer's parseString("") returns []. An empty file is no export: the reader fails with
  // INVALID_FORMAT (the CLI reports such an import as `failed`); see the unit tests.
});

describe('Ruby parser mixed sample', () => {
  it('reads the Android style of its first line; the iOS-style lines are text', async () => {
    const messages = messagesOf(await readAll(textFile('rb-parser-mixed-sample', 'sample.txt')));
    // DISAGREEMENT: the peer expects 7 messages from Android and iOS header styles mixed in one
    // file; its SOURCE notes "Real exports never mix styles". Same rule and evidence as the
    // LangChain mixed sample: the first line's style is the export's; other styles are text.
    expect(messages.map((message) => [message.sender, message.kind, iso(message)])).toEqual([
      ['John Doe', 'text', '2025-12-15T10:30:00.000Z'],
      ['Jane Smith', 'text', '2025-12-15T10:31:00.000Z'],
      [null, 'system', '2025-12-15T10:35:00.000Z'],
    ]);
    expect(messages[1]?.text).toMatch(
      /^Hi John! This is another Android message\.\nIt has multiple lines\nto test grouping\.\n\[15\/12\/2025/u,
    );
    expect(messages[2]?.text).toBe(
      'Note System message on Android.\n[15/12/2025, 10:36:00 AM] Note System message on iOS.',
    );
  });
});

describe('rwhatsapp sample', () => {
  type Row = Readonly<{ time: string; author: string | null; text: string }>;
  const rows = JSON.parse(
    readFileSync(sample('rwhatsapp-sample', 'EXPECTED.json'), 'utf8'),
  ) as Row[];
  // The stored times carry a +36 s artefact; the export has minute precision.
  const minute = (time: string): string => `${time.slice(0, 16)}:00.000Z`;

  const checkRows = (messages: readonly ReadMessage[]): void => {
    expect(messages).toHaveLength(9);
    expect(messages.map(iso)).toEqual(rows.map((row) => minute(row.time)));
    expect(messages.map((message) => message.sender)).toEqual(rows.map((row) => row.author));
    // rwhatsapp keeps "<Media omitted>" as text; the reader makes it a media message whose omitted
    // attachment carries the note as its name, with no text.
    expect(
      messages.map((message) =>
        message.kind === 'media' ? (message.attachments[0]?.name ?? '') : message.text,
      ),
    ).toEqual(rows.map((row) => row.text));
    expect(messages[2]?.kind).toBe('media');
    expect(messages[4]?.text).toBe("It's fun doing text analysis with R\nisn't it?");
  };

  it('sample.txt: nine rows with times, authors and texts', async () => {
    checkRows(messagesOf(await readAll(textFile('rwhatsapp-sample', 'sample.txt'))));
  });

  it('sample.zip: the same nine rows', async () => {
    checkRows(
      messagesOf(await readAll(await openZipSource(sample('rwhatsapp-sample', 'sample.zip')))),
    );
  });
});

describe('whats-reader example chats (folders)', () => {
  const read = async (folder: string): Promise<ReadRecord[]> =>
    readAll(await openFolderSource(sample('whats-reader-example-chats', folder)));

  it('android-private: Alice and Bob over several days, media found beside the chat', async () => {
    const records = await read('android-private');
    const messages = messagesOf(records);
    expect(titleOf(records)).toBe('Alice');
    expect(participantsOf(records)).toEqual(['Alice', 'Bob']);
    expect(messages).toHaveLength(45);
    // "01/12/24" to "04/12/24": the first number changes, so it is the day (the files are named
    // IMG-20241202-..., December).
    expect([iso(messages[0]), iso(messages.at(-1))]).toEqual([
      '2024-12-01T10:00:00.000Z',
      '2024-12-04T16:45:00.000Z',
    ]);
    expect(
      messages
        .filter((message) => message.kind === 'media')
        .map((message) => message.attachments[0]),
    ).toEqual([
      { entryPath: 'IMG-20241202-WA0001.jpg', name: 'IMG-20241202-WA0001.jpg', mime: 'image/jpeg' },
      {
        entryPath: 'PTT-20241202-WA0002.opus',
        name: 'PTT-20241202-WA0002.opus',
        mime: 'audio/ogg',
      },
      { entryPath: 'IMG-20241203-WA0003.jpg', name: 'IMG-20241203-WA0003.jpg', mime: 'image/jpeg' },
      {
        entryPath: 'PTT-20241203-WA0004.opus',
        name: 'PTT-20241203-WA0004.opus',
        mime: 'audio/ogg',
      },
    ]);
    expect(
      messages.filter((message) => message.kind === 'system').map((message) => message.text),
    ).toEqual([
      'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.',
      "Alice's security code with Bob changed. Tap to learn more.",
    ]);
  });

  it('android-group: four family members, group events as system lines, media not in the folder', async () => {
    const records = await read('android-group');
    const messages = messagesOf(records);
    expect(titleOf(records)).toBe('Family Group 👨‍👩‍👧‍👦');
    expect(participantsOf(records)).toEqual(['Mom', 'Dad', 'Sarah', 'Mike']);
    expect(messages).toHaveLength(50);
    expect(
      messages.filter((message) => message.kind === 'system').map((message) => message.text),
    ).toEqual([
      expect.stringMatching(/^Messages and calls are end-to-end encrypted/u),
      'Mom created group "Family Group 👨‍👩‍👧‍👦"',
      "Dad joined using this group's invite link",
      'Mom added Sarah',
      "Mike joined using this group's invite link",
      "Mom changed this group's icon",
      expect.stringMatching(/^Mike turned on disappearing messages/u),
      'Mike turned off disappearing messages',
    ]);
    const media = messages.filter((message) => message.kind === 'media');
    expect(media).toHaveLength(4);
    expect(media.every((message) => message.attachments[0]?.entryPath === null)).toBe(true);
  });

  it('ios-group: Sarah, Mom, Dad and Jake; subject and icon changes are system lines', async () => {
    const records = await read('ios-group');
    const messages = messagesOf(records);
    expect(titleOf(records)).toBe('ios-group');
    expect(participantsOf(records)).toEqual(['Sarah', 'Mom', 'Dad', 'Jake']);
    expect(messages).toHaveLength(39);
    expect(messages.filter((message) => message.kind === 'system')).toHaveLength(6);
    expect([iso(messages[0]), iso(messages.at(-1))]).toEqual([
      '2024-12-05T08:00:15.000Z',
      '2024-12-09T08:00:51.000Z',
    ]);
  });

  it('ios-private: 45 lines, two photos and two voice notes', async () => {
    const messages = messagesOf(await read('ios-private'));
    expect(messages).toHaveLength(45);
    expect(messages.filter((message) => message.kind === 'media')).toHaveLength(4);
    expect(iso(messages.find((message) => message.text.startsWith('Crystal clear')))).toBe(
      '2024-12-03T21:25:35.000Z',
    );
  });
});

describe('whatstk samples', () => {
  const head = (messages: readonly ReadMessage[]): [string, string | null][] =>
    messages.slice(0, 5).map((message) => [iso(message), message.sender]);

  it('lorem-2000: 2000 messages in "[%Y-%m-%d %H:%M]" style', async () => {
    const messages = messagesOf(await readAll(textFile('whatstk-lorem-2000', 'lorem-2000.txt')));
    expect(messages).toHaveLength(2000);
    expect(head(messages)).toEqual([
      [utc('2019-04-16 02:09'), '+1 123 456 789'],
      [utc('2019-04-16 03:01'), 'Mary'],
      [utc('2019-04-17 12:56'), 'John'],
      [utc('2019-04-17 13:30'), 'Mary'],
      [utc('2019-04-17 15:09'), 'John'],
    ]);
    expect(messages[0]?.text).toBe('Et labore proident laboris do labore ex.');
  });

  it('lorem-merge: two parts of 300 messages with slightly different names', async () => {
    const part1 = await readAll(textFile('whatstk-lorem-merge', 'lorem-merge-part1.txt'));
    const part2 = await readAll(textFile('whatstk-lorem-merge', 'lorem-merge-part2.txt'));
    expect(messagesOf(part1)).toHaveLength(300);
    expect(messagesOf(part2)).toHaveLength(300);
    expect(head(messagesOf(part1))).toEqual([
      [utc('2019-10-20 10:16'), 'John'],
      [utc('2019-10-20 11:15'), 'Mary'],
      [utc('2019-10-20 12:16'), '+1 123 456 789'],
      [utc('2019-10-20 12:57'), '+1 123 456 789'],
      [utc('2019-10-20 17:28'), 'John'],
    ]);
    expect(messagesOf(part1)[4]?.text).toBe('Do ex dolor consequat tempor et ex.');
    expect(head(messagesOf(part2))).toEqual([
      [utc('2020-06-20 10:16'), 'John'],
      [utc('2020-06-20 11:15'), 'Maria'],
      [utc('2020-06-20 12:16'), '+1 123 456 789'],
      [utc('2020-06-20 12:57'), '+1 123 456 789'],
      [utc('2020-06-20 17:28'), 'John'],
    ]);
    expect(
      messagesOf(part2)
        .slice(0, 2)
        .map((message) => message.text),
    ).toEqual([
      'Elit incididunt lorem sed nostrud.',
      'Esse do irure dolor tempor ipsum fugiat. 🇩🇰',
    ]);
    expect(participantsOf(part1)).toContain('Mary');
    expect(participantsOf(part2)).toContain('Maria');
  });

  it('lorem: 500 messages in "[%d-%m-%y %H:%M:%S]" style', async () => {
    const messages = messagesOf(await readAll(textFile('whatstk-lorem', 'lorem.txt')));
    expect(messages).toHaveLength(500);
    expect(head(messages)).toEqual([
      [utc('2020-01-15 02:22:56'), 'Mary'],
      [utc('2020-01-15 03:33:01'), 'Mary'],
      [utc('2020-01-15 04:18:42'), '+1 123 456 789'],
      [utc('2020-01-15 06:05:14'), 'Giuseppe'],
      [utc('2020-01-15 06:56:00'), 'Mary'],
    ]);
    expect(messages[0]?.text).toBe('Nostrud exercitation magna id.');
  });

  it('pokemon: two notices and eighteen messages by eight people', async () => {
    const records = await readAll(textFile('whatstk-pokemon', 'pokemon.txt'));
    const messages = messagesOf(records);
    expect(messages).toHaveLength(20);
    expect(messages.filter((message) => message.kind === 'system')).toHaveLength(2);
    // The first notice is written "Pokemon Chat: Messages and calls are end-to-end encrypted...":
    // a system line, and "Pokemon Chat" is no participant.
    expect(new Set(participantsOf(records))).toEqual(
      new Set([
        'Ash Ketchum',
        'Brock',
        'Jessie & James',
        'Meowth',
        'Misty',
        'Prof. Oak',
        'Raichu',
        'Wobbuffet',
      ]),
    );
    const people = byPeople(messages);
    expect(head(people)).toEqual([
      [utc('2016-08-06 13:23'), 'Ash Ketchum'],
      [utc('2016-08-06 13:25'), 'Brock'],
      [utc('2016-08-06 13:30'), 'Misty'],
      [utc('2016-08-06 13:45'), 'Ash Ketchum'],
      [utc('2016-08-06 14:30'), 'Misty'],
    ]);
    const perDay = (day: string): Record<string, number> => {
      const counts: Record<string, number> = {};
      for (const message of people.filter((item) => iso(item).startsWith(day))) {
        const sender = message.sender ?? '';
        counts[sender] = (counts[sender] ?? 0) + 1;
      }
      return counts;
    };
    expect(perDay('2016-08-06')).toMatchObject({ 'Ash Ketchum': 2, Brock: 2 });
    expect(perDay('2016-08-07')).toMatchObject({ 'Ash Ketchum': 1, Brock: 1, 'Prof. Oak': 1 });
    expect(perDay('2016-08-10')).toMatchObject({
      'Ash Ketchum': 1,
      'Jessie & James': 1,
      Raichu: 2,
    });
    expect(people.at(-1)?.text).toBe('Wo-bbu-ffet');
  });
});
