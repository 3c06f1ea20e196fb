/**
 * The DiscordChatExporter reader against every Discord sample in ../shared/fixtures/discord,
 * asserting the facts each sample's EXPECTED file states. The peer (chat-analytics) builds its own
 * model: an author's name as `nickname#discriminator`, calls as a separate list, system messages
 * dropped. Where that differs from what the export says, the test asserts the reader's rule and
 * says why.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadMessage } from '../../src/main/engine/readers/records';
import { readDiscordJson } from '../../src/main/engine/readers/discord';
import { openFileSource } from '../../src/main/engine/source/file-source';
import { importThroughEngine } from '../support/engine-import';
import { fixturesDir } from '../support/paths';
import { messagesOf, participantsOf } from '../support/read-records';
import { conversationsOf, readOutcome } from '../support/read-outcome';
import { useTempDirs } from '../support/temp-dir';

const samples = path.join(fixturesDir, 'discord');
const sample = (folder: string): string => {
  const name = readdirSync(path.join(samples, folder)).find((file) => file.endsWith('.json'));
  return path.join(samples, folder, name ?? 'missing.json');
};

async function load(folder: string) {
  const outcome = await readOutcome(readDiscordJson, await openFileSource(sample(folder)));
  expect(outcome.error).toBeNull();
  return outcome.records;
}

const byId = (messages: readonly ReadMessage[], id: string): ReadMessage | undefined =>
  messages.find((message) => message.externalId === id);

describe('every Discord sample', () => {
  const folders = readdirSync(samples);

  it('includes the three chat-analytics samples', () => {
    expect(folders.length).toBeGreaterThanOrEqual(3);
  });

  it.each(folders)(
    '%s reads without an error into one conversation with messages',
    async (folder) => {
      const records = await load(folder);
      expect(conversationsOf(records)).toHaveLength(1);
      expect(messagesOf(records).length).toBeGreaterThan(0);
      for (const message of messagesOf(records)) expect(Number.isFinite(message.sentAt)).toBe(true);
    },
  );
});

describe('chat-analytics DM_2A_2M (direct messages)', () => {
  it('is the direct chat of channel 530805775262679064, named after the other person', async () => {
    const records = await load('chat-analytics-DM_2A_2M');
    expect(conversationsOf(records).map((c) => [c.title, c.identity])).toEqual([
      ['Someones name', 'discord:530805775262679064'],
    ]);
    // EXPECTED names the authors "mlomb#5506" and "Someones nickname#1234": the peer appends the
    // discriminator. Discord shows the nickname alone, and new accounts have no discriminator
    // ("0000"), so the reader keeps the nickname as the sender's name.
    expect(participantsOf(records)).toEqual(['mlomb', 'Someones nickname']);
  });

  it('has the two messages with their authors, texts, times and the 👆 reaction counted 42', async () => {
    const messages = messagesOf(await load('chat-analytics-DM_2A_2M'));
    expect(byId(messages, '530805779645595660')).toMatchObject({
      sender: 'mlomb',
      text: 'blah',
      kind: 'text',
      sentAt: Date.parse('2019-01-04T17:52:39.762+00:00'),
      reactions: [{ emoji: '👆', count: 42 }],
    });
    expect(byId(messages, '538148765782114306')).toMatchObject({
      sender: 'Someones nickname',
      text: 'something something text',
      sentAt: Date.parse('2019-01-25T00:11:04.083+00:00'),
    });
  });

  it('reads the call (id 100) as a call message, the last one of the file', async () => {
    const messages = messagesOf(await load('chat-analytics-DM_2A_2M'));
    // The peer lists calls apart (start and end); the timeline keeps the call where it happened.
    expect(messages.at(-1)).toMatchObject({
      externalId: '100',
      kind: 'call',
      sender: 'Someones nickname',
      sentAt: Date.parse('2020-07-17T17:03:14.366+00:00'),
      text: 'Started a call that lasted 251 minutes.',
    });
  });
});

describe('chat-analytics GC_3A_5M (group chat)', () => {
  it('is the group "a group chat" with the listed authors, nickname over name', async () => {
    const records = await load('chat-analytics-GC_3A_5M');
    expect(conversationsOf(records).map((c) => [c.title, c.identity])).toEqual([
      ['a group chat', 'discord:1064990764406419508'],
    ]);
    expect(participantsOf(records).sort()).toEqual(['lombi', 'mlomb', 'theplant']);
  });

  it('has the three listed messages, the third a reply to the first', async () => {
    const messages = messagesOf(await load('chat-analytics-GC_3A_5M'));
    const facts = ['1064990824305274930', '1064991070322180096', '530805779645595660'].map((id) => {
      const message = byId(messages, id);
      return [message?.sender, message?.text, message?.sentAt, message?.replyToExternalId];
    });
    expect(facts).toEqual([
      ['theplant', 'Should honor nickname over name', Date.parse('2023-01-17T19:33:19.087Z'), null],
      [
        'lombi',
        'hey @mlomb whats up, check out https://chatanalytics.app',
        Date.parse('2023-01-17T19:34:17.742Z'),
        null,
      ],
      [
        'mlomb',
        'woah nice :custom_emoji:',
        Date.parse('2023-01-18T20:12:12.123Z'),
        '1064990824305274930',
      ],
    ]);
  });

  it('keeps the channel name and icon changes as system lines and the call by mlomb as a call', async () => {
    // The peer drops ChannelNameChange and ChannelIconChange; the timeline shows them as system lines.
    const messages = messagesOf(await load('chat-analytics-GC_3A_5M'));
    expect(messages.filter((m) => m.kind === 'system').map((m) => m.text)).toEqual([
      'Changed the channel name.',
      'Changed the channel icon.',
    ]);
    expect(byId(messages, '100')).toMatchObject({
      kind: 'call',
      sender: 'mlomb',
      sentAt: Date.parse('2023-03-03T14:47:59.187Z'),
    });
    expect(messages.at(-1)?.externalId).toBe('100');
  });
});

describe('chat-analytics SV_5A_5M (server channel)', () => {
  it('is #general-chiptune of the DefleMask server', async () => {
    const records = await load('chat-analytics-SV_5A_5M');
    expect(conversationsOf(records).map((c) => [c.title, c.identity])).toEqual([
      ['DefleMask · #general-chiptune', 'discord:253601524398293010'],
    ]);
  });

  it('yields the five items of the file, of which the first two are one message (the same id)', async () => {
    const messages = messagesOf(await load('chat-analytics-SV_5A_5M'));
    // EXPECTED's "channel msgCount 5" counts the file's items (and its "messageCount": 5). The
    // first two items are the same message, id 459136077417021488, written twice. The reader
    // yields what the export holds; the vault keeps a message once per id, so it holds four.
    expect(messages).toHaveLength(5);
    expect(new Set(messages.map((m) => m.externalId)).size).toBe(4);
  });

  it('reads the edited message of the deleted user with its edit time', async () => {
    const message = byId(messagesOf(await load('chat-analytics-SV_5A_5M')), '459136077417021488');
    // EXPECTED's author name "Deleted User #555555555555555555" is the peer's: it appends the id
    // for deleted users. The export names the author "Deleted User", which is what Discord shows.
    expect(message).toMatchObject({
      sender: 'Deleted User',
      text: 'This message has been edited and written by a deleted user.',
      sentAt: Date.parse('2018-05-20T16:09:44.209Z'),
      editedAt: Date.parse('2018-05-20T16:09:56.439Z'),
    });
  });

  it('falls back to the name without a nickname, and reads the image, the sticker and the reactions', async () => {
    const messages = messagesOf(await load('chat-analytics-SV_5A_5M'));
    expect(byId(messages, '447793085255123004')?.sender).toBe('mlomb');
    // Image and sticker, both on Discord's servers (the export was made without --media).
    expect(byId(messages, '447793085255123005')).toMatchObject({
      kind: 'media',
      text: 'This message has attachments and stickers.',
      attachments: [
        { entryPath: null, name: 'unknown.png', mime: 'image/png' },
        { entryPath: null, name: 'Laugh.png', mime: 'image/apng' },
      ],
    });
    expect(byId(messages, '447793085255123006')?.reactions).toEqual([
      { emoji: ':paul:', count: 3 },
      { emoji: '❤', count: 2 },
    ]);
    expect(messages.at(-1)?.sentAt).toBe(Date.parse('2018-05-20T16:09:51.118Z'));
  });
});

describe('a Discord sample imported through the engine', () => {
  const tempDir = useTempDirs();

  it('lands the server channel in the vault with its four distinct messages, the edit and the reactions', async () => {
    const { items, conversations, messages, attachments } = await importThroughEngine(
      await tempDir(),
      [sample('chat-analytics-SV_5A_5M')],
    );
    expect(items.map((item) => [item.status, item.format, item.messagesAdded])).toEqual([
      ['imported', 'discord-json', 4],
    ]);
    expect(conversations).toEqual([
      { title: 'DefleMask · #general-chiptune', platform: 'discord', messageCount: 4 },
    ]);
    const edited = messages.find((m) => m.externalId === '459136077417021488');
    expect(edited?.editedAt).toBe(Date.parse('2018-05-20T16:09:56.439Z'));
    const reacted = messages.find((m) => m.externalId === '447793085255123006');
    expect(JSON.parse(reacted?.reactions ?? '[]')).toEqual([
      { emoji: ':paul:', count: 3 },
      { emoji: '❤', count: 2 },
    ]);
    // Both files live on Discord's servers: kept as attachments without a stored file.
    expect(attachments).toEqual([
      { name: 'unknown.png', sha256: null },
      { name: 'Laugh.png', sha256: null },
    ]);
  });
});
