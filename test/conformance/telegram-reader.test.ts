/**
 * The Telegram JSON reader against every Telegram JSON sample in ../shared/fixtures/telegram,
 * asserting the facts each sample's EXPECTED file (or SOURCE file) states. Where a statement
 * describes a peer's own model rather than the export, or is wrong, the test asserts the reader's
 * documented rule and says why, with the evidence.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadMessage, ReadRecord } from '../../src/main/engine/readers/records';
import { readTelegramJson } from '../../src/main/engine/readers/telegram';
import type { ExportSource } from '../../src/main/engine/source/export-source';
import { openFolderSource } from '../../src/main/engine/source/folder-source';
import { openZipSource } from '../../src/main/engine/source/zip-source';
import { makeZip } from '../support/make-zip';
import { memorySource } from '../support/memory-source';
import { fixturesDir } from '../support/paths';
import { useTempDirs } from '../support/temp-dir';
import { messagesOf, participantsOf, readAll as readRecords } from '../support/read-records';

const readAll = (source: ExportSource, timeZone?: string) =>
  readRecords(readTelegramJson, source, { timeZone });

const samples = path.join(fixturesDir, 'telegram');
const sample = (...parts: string[]): string => path.join(samples, ...parts);

/** A sample file as a single-file export, streamed in small chunks (larger for the size fixture). */
function jsonFile(...parts: string[]): ExportSource {
  const file = sample(...parts);
  const bytes = readFileSync(file);
  const chunkBytes = bytes.length > 100_000 ? 4096 : 7;
  return memorySource({ [path.basename(file)]: bytes }, { chunkBytes });
}

const conversationsOf = (records: readonly ReadRecord[]) =>
  records.flatMap((record) => (record.type === 'conversation' ? [record] : []));
const warningsOf = (records: readonly ReadRecord[]): string[] =>
  records.flatMap((record) => (record.type === 'warning' ? [record.code] : []));
const byId = (messages: readonly ReadMessage[], id: string): ReadMessage | undefined =>
  messages.find((message) => message.externalId === id);

/** Consecutive messages by the same sender joined with a blank line (LangChain's merge_chat_runs). */
function mergeRuns(messages: readonly ReadMessage[]): { sender: string | null; text: string }[] {
  const runs: { sender: string | null; text: string }[] = [];
  for (const message of messages) {
    const last = runs.at(-1);
    if (last !== undefined && last.sender === message.sender) last.text += `\n\n${message.text}`;
    else runs.push({ sender: message.sender, text: message.text });
  }
  return runs;
}

describe('every Telegram JSON sample', () => {
  const files = readdirSync(samples).flatMap((folder) =>
    readdirSync(sample(folder))
      // chat-miner's target.json is the peer's expected output, not an export.
      .filter((name) => name.endsWith('.json') && name !== 'target.json')
      .map((name) => [folder, name] as const),
  );

  it('includes all six samples', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  it.each(files)(
    '%s/%s reads without an error into conversations with messages',
    async (folder, name) => {
      const records = await readAll(jsonFile(folder, name));
      expect(conversationsOf(records).length).toBeGreaterThanOrEqual(1);
      expect(messagesOf(records).length).toBeGreaterThan(0);
      for (const message of messagesOf(records)) expect(Number.isFinite(message.sentAt)).toBe(true);
    },
  );
});

describe('chat-analytics DM_2A_7M (hand-written, mixed date styles)', () => {
  const load = () => readAll(jsonFile('chat-analytics-DM_2A_7M', 'DM_2A_7M.json'));

  it('is one direct chat, id 700000000, between Alice and Bob', async () => {
    const records = await load();
    expect(conversationsOf(records)).toEqual([
      {
        type: 'conversation',
        ref: '700000000',
        platform: 'telegram',
        title: 'Bob',
        identity: 'telegram:700000000',
      },
    ]);
    expect(participantsOf(records).sort()).toEqual(['Alice', 'Bob']);
  });

  it('has the listed messages with their senders, texts and times', async () => {
    const messages = messagesOf(await load());
    const facts = ['3644', '3645', '3662', '3663', '3672', '3673'].map((id) => {
      const message = byId(messages, id);
      return [id, message?.sender, message?.kind, message?.sentAt];
    });
    // Messages with only "date" (no date_unixtime) are local wall times: the peer expects
    // Date.parse of the zoneless string, i.e. the machine's zone, which is also the reader's
    // default (ReaderOptions.timeZone unset).
    expect(facts).toEqual([
      ['3644', 'Bob', 'text', Date.parse('2019-07-12T16:55:32')],
      ['3645', 'Alice', 'text', Date.parse('2022-03-08T13:07:42')],
      ['3662', 'Bob', 'text', 1_652_135_033_000],
      ['3663', 'Alice', 'text', 1_652_138_769_000],
      ['3672', 'Alice', 'media', 1_654_898_798_000],
      ['3673', 'Alice', 'media', 1_654_898_799_000],
    ]);
    expect(byId(messages, '3645')?.text).toBe('hello world');
    expect(byId(messages, '3662')?.text).toBe('world?');
    expect(byId(messages, '3663')?.text).toBe('blah blah');
  });

  it('flattens the link-and-emoji message by concatenating its parts', async () => {
    // EXPECTED shows the peer's flattening " https://google.com  👀" (spaces it adds around a link).
    // The export's own parts are [link "https://google.com", plain " 👀"]: the space before the
    // emoji is in the plain part, and Telegram shows exactly their concatenation. The reader keeps
    // the export's text and marks the link instead of padding it.
    const message = byId(messagesOf(await load()), '3644');
    expect(message?.text).toBe('https://google.com 👀');
    expect(message?.entities).toEqual([{ type: 'link', offset: 0, length: 18 }]);
  });

  it('reads the two photos left out of the export as image attachments without a file', async () => {
    const messages = messagesOf(await load());
    for (const id of ['3672', '3673']) {
      expect(byId(messages, id)?.attachments).toEqual([
        { entryPath: null, name: 'Photo', mime: 'image/jpeg' },
      ]);
    }
  });

  it('reads the phone call as a 56-second call by Alice, the last message of the file', async () => {
    const messages = messagesOf(await load());
    const call = byId(messages, '3674');
    expect(call).toMatchObject({
      kind: 'call',
      sender: 'Alice',
      sentAt: 1_691_719_862_000,
      text: 'Call (0:56)',
    });
    expect(messages.at(-1)?.externalId).toBe('3674');
  });

  it('keeps the "joined_telegram" service entry as a system line, not as a message by a person', async () => {
    // EXPECTED: "service message id 2675 is NOT a message" (the peer drops it). Chat Vault keeps
    // service entries as kind 'system' so the timeline shows them; it is not counted as Bob's text.
    const joined = byId(messagesOf(await load()), '2675');
    expect(joined).toMatchObject({ kind: 'system', sender: 'Bob', text: 'Bob joined Telegram' });
    expect(
      messagesOf(await load()).filter((m) => m.kind === 'text' || m.kind === 'media'),
    ).toHaveLength(6);
  });
});

describe('chat-miner minimal samples (single chat and whole account)', () => {
  // target.json: the peer's expected rows for both files.
  const target = JSON.parse(readFileSync(sample('chat-miner-minimal', 'target.json'), 'utf8')) as {
    timestamp: string;
    author: string;
    message: string;
  }[];

  it.each(['test_single_export.json', 'test_batch_export.json'])(
    '%s gives the two target messages: authors, UTC times and texts',
    async (name) => {
      const records = await readAll(jsonFile('chat-miner-minimal', name));
      const messages = messagesOf(records);
      expect(messages).toHaveLength(2);
      expect(messages.map((m) => m.sender)).toEqual(target.map((row) => row.author));
      expect(messages.map((m) => new Date(m.sentAt).toISOString().slice(0, 19))).toEqual(
        target.map((row) => row.timestamp),
      );
      expect(messages[0]?.text).toBe(target[0]?.message);
      // target.json has "Link: https://telegram.org/": chat-miner joins text parts with a space.
      // The export's parts are [bold "Link:", link "https://telegram.org/"] with no space in either,
      // and Telegram renders their plain concatenation (tg-parser's tests expect the same rule:
      // ["Normal ", bold "bold", " text"] -> "Normal bold text"). The reader keeps the export's text.
      expect(messages[1]?.text).toBe('Link:https://telegram.org/');
      expect(messages[1]?.entities).toEqual([
        { type: 'bold', offset: 0, length: 5 },
        { type: 'link', offset: 5, length: 21 },
      ]);
    },
  );

  it('names the whole-account chat "Chatname" and the unnamed single chat after nothing it lacks', async () => {
    const batch = conversationsOf(
      await readAll(jsonFile('chat-miner-minimal', 'test_batch_export.json')),
    );
    expect(batch.map((c) => c.title)).toEqual(['Chatname']);
    // No name, type or id at all (a minimal hand-made sample): a generic title, identity by title.
    const single = conversationsOf(
      await readAll(jsonFile('chat-miner-minimal', 'test_single_export.json')),
    );
    expect(single.map((c) => [c.title, c.identity])).toEqual([
      ['Telegram chat', 'telegram:title:Telegram chat'],
    ]);
  });
});

describe('LangChain chat loader result.json (small real export, also as folder and zip)', () => {
  const tempDir = useTempDirs();
  const folder = sample('langchain-chat-loader');

  async function sources(): Promise<[string, ExportSource][]> {
    const zipPath = path.join(await tempDir(), 'ChatExport_2023-08-23.zip');
    await writeFile(
      zipPath,
      makeZip([
        { name: 'ChatExport_2023-08-23/', data: '' },
        {
          name: 'ChatExport_2023-08-23/result.json',
          data: readFileSync(path.join(folder, 'result.json')),
          method: 'deflate',
        },
        {
          name: 'ChatExport_2023-08-23/messages.html',
          data: readFileSync(path.join(folder, 'messages.html')),
        },
      ]),
    );
    return [
      ['file', jsonFile('langchain-chat-loader', 'result.json')],
      ['folder', await openFolderSource(folder)],
      ['zip', await openZipSource(zipPath)],
    ];
  }

  it('is exactly one chat of four messages, ids 1 to 4, in all three containers', async () => {
    for (const [container, source] of await sources()) {
      const records = await readAll(source);
      expect(
        conversationsOf(records).map((c) => [c.title, c.identity]),
        container,
      ).toEqual([['Jimmeny', 'telegram:5965280513']]);
      expect(
        messagesOf(records).map((m) => m.externalId),
        container,
      ).toEqual(['1', '2', '3', '4']);
    }
  });

  it('merges into the three runs the loader expects, with their senders and texts', async () => {
    const runs = mergeRuns(
      messagesOf(await readAll(jsonFile('langchain-chat-loader', 'result.json'))),
    );
    expect(runs).toEqual([
      { sender: 'Jimmeny Marvelton', text: 'i refuse to converse with you' },
      { sender: 'Batman & Robin', text: 'Hi nemesis' },
      { sender: 'Jimmeny Marvelton', text: 'we meet again\n\nyou will not trick me this time' },
    ]);
  });

  it('takes times from date_unixtime: the first message is 2023-08-23T20:11:23Z', async () => {
    const messages = messagesOf(await readAll(jsonFile('langchain-chat-loader', 'result.json')));
    expect(messages.map((m) => m.sentAt / 1000)).toEqual([
      1692821483, 1692821600, 1692821735, 1692821753,
    ]);
    // EXPECTED says "1692821483 = 2023-08-23T20:11:23Z = 13:11:23 at UTC-08:00". The first half is
    // right; the second is not: 20:11:23Z is 13:11:23 at UTC-07:00 (Pacific daylight time in
    // August). The HTML twin's title "23.08.2023 13:11:23 UTC-08:00" labels the offset wrongly, so
    // reading that title literally would put every message an hour late (21:11:23Z). The JSON's
    // unix time is the truth; the local wall time matches it in the zone the export was made in.
    expect(new Date(messages[0]!.sentAt).toISOString()).toBe('2023-08-23T20:11:23.000Z');
    const pacific = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'America/Los_Angeles',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    }).format(messages[0]!.sentAt);
    expect(pacific).toBe('13:11:23 GMT-07:00');
  });
});

describe('LangChain document loader telegram.json (old export with double-encoded names)', () => {
  const load = () => readAll(jsonFile('langchain-doc-loader-mojibake', 'telegram.json'), 'UTC');

  it('has three messages by Henry and Grace at the zoneless times written in the file', async () => {
    const messages = messagesOf(await load());
    expect(messages.map((m) => [new Date(m.sentAt).toISOString().slice(0, 19), m.text])).toEqual([
      ['2020-01-01T00:00:02', "It's 2020..."],
      ['2020-01-01T00:00:04', 'Fireworks!'],
      ['2020-01-01T00:00:05', "You're a minute late!"],
    ]);
    expect(messages.map((m) => m.externalId)).toEqual(['1980499', '1980500', '1980501']);
  });

  it('repairs the double-encoded names instead of passing them through, and says so', async () => {
    // EXPECTED: the peer keeps "Grace ðŸ§¤ ðŸ\x8d’" unchanged. The bytes are UTF-8 read as
    // Windows-1252 and re-encoded (EXPECTED: "Repairing it ... gives 'Grace 🧤 🍒'"). The reader
    // repairs such strings when every character maps back to one byte and the bytes are valid
    // UTF-8 (the rule DESIGN.md sets for Messenger), and warns once.
    const records = await load();
    expect(conversationsOf(records).map((c) => c.title)).toEqual(['Grace 🧤']);
    expect(messagesOf(records).map((m) => m.sender)).toEqual(['Henry', 'Henry', 'Grace 🧤 🍒']);
    expect(warningsOf(records)).toEqual(['MOJIBAKE_REPAIRED']);
  });
});

describe('tg-parser personal_chat.json (hand-written single chat)', () => {
  const load = () => readAll(jsonFile('tg-parser-personal', 'personal_chat.json'));

  it('is the chat "Test User" with five messages, the service one included', async () => {
    const records = await load();
    expect(conversationsOf(records).map((c) => c.title)).toEqual(['Test User']);
    expect(messagesOf(records)).toHaveLength(5);
  });

  it('concatenates the text parts of message 3 and links message 4 to it as a reply', async () => {
    const messages = messagesOf(await load());
    const third = byId(messages, '3');
    expect(third?.text).toContain('important');
    expect(third?.text).toContain('Check this');
    expect(third?.text).toBe('Check this important message');
    expect(byId(messages, '4')?.replyToExternalId).toBe('3');
  });

  it('reads the service phone call as a call by Alice', async () => {
    expect(byId(messagesOf(await load()), '5')).toMatchObject({
      kind: 'call',
      sender: 'Alice',
      text: 'Call',
    });
  });
});

describe('chat-analytics BIG_20A_5475M (synthetic, a size fixture)', () => {
  it('has 20 authors and 5475 messages, with ISO dates that carry their zone', async () => {
    const records = await readAll(jsonFile('chat-analytics-BIG_20A_5475M', 'BIG_20A_5475M.json'));
    const messages = messagesOf(records);
    expect(conversationsOf(records).map((c) => c.title)).toEqual(['Big sample']);
    expect(participantsOf(records)).toHaveLength(20);
    expect(messages).toHaveLength(5475);
    // SOURCE: dates are ISO strings with Z and milliseconds (no date_unixtime): read as written.
    expect(messages[0]?.sentAt).toBe(Date.parse('2017-01-01T06:20:09.248Z'));
    expect(messages.at(-1)?.sentAt).toBe(Date.parse('2019-12-31T18:19:24.288Z'));
    expect(messages.at(-1)?.externalId).toBe('5475');
  });
});
