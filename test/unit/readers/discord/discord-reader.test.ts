import { describe, expect, it } from 'vitest';
import { createDiscordReader, readDiscordJson } from '../../../../src/main/engine/readers/discord';
import { memorySource } from '../../../support/memory-source';
import { messagesOf, participantsOf } from '../../../support/read-records';
import {
  conversationsOf,
  readOutcome,
  warningsOf,
  type ReadOutcome,
} from '../../../support/read-outcome';
import {
  author,
  channel,
  discordExport,
  discordMessage,
  SERVER_GUILD,
  type Json,
} from './generate';

// Streamed 5 bytes at a time, so tokens and characters are cut across chunks everywhere.
const CHUNK = 5;

function readFiles(
  files: Readonly<Record<string, string | Buffer>>,
  options: { maxRecordBytes?: number } = {},
): Promise<ReadOutcome> {
  const reader =
    options.maxRecordBytes === undefined
      ? readDiscordJson
      : createDiscordReader({ maxRecordBytes: options.maxRecordBytes });
  const container = Object.keys(files).length === 1 ? 'file' : 'folder';
  return readOutcome(reader, memorySource(files, { chunkBytes: CHUNK, container }));
}

async function readOk(files: Readonly<Record<string, string | Buffer>>) {
  const { records, error } = await readFiles(files);
  expect(error).toBeNull();
  return records;
}

const oneFile = (messages: readonly Json[], fields = {}) =>
  readOk({ 'Direct Messages - Ana [530805775262679064].json': discordExport(messages, fields) });

describe('the DiscordChatExporter JSON reader', () => {
  describe('conversations', () => {
    it('reads a direct message file as the conversation with that person, identified by the channel id', async () => {
      const records = await oneFile([discordMessage(), discordMessage({ author: author('Bo') })]);
      expect(conversationsOf(records)).toEqual([
        {
          type: 'conversation',
          ref: 'discord-1',
          platform: 'discord',
          title: 'Ana',
          identity: 'discord:530805775262679064',
        },
      ]);
      expect(participantsOf(records)).toEqual(['Ana', 'Bo']);
    });

    it('titles a server channel "Server · #channel" and a thread with its parent channel', async () => {
      const text = await oneFile([discordMessage()], {
        guild: SERVER_GUILD,
        channel: channel({ id: '1', type: 'GuildTextChat', category: 'Music', name: 'general' }),
      });
      const thread = await oneFile([discordMessage()], {
        guild: SERVER_GUILD,
        channel: channel({
          id: '2',
          type: 'GuildPublicThread',
          category: 'general',
          name: 'Favourite trackers',
        }),
      });
      expect(conversationsOf(text).map((c) => c.title)).toEqual(['Chiptune Club · #general']);
      expect(conversationsOf(thread).map((c) => [c.title, c.identity])).toEqual([
        ['Chiptune Club · #general › Favourite trackers', 'discord:2'],
      ]);
    });

    it('titles an unnamed group chat "Group chat"', async () => {
      const records = await oneFile([discordMessage()], {
        channel: channel({ type: 'DirectGroupTextChat', name: '' }),
      });
      expect(conversationsOf(records).map((c) => c.title)).toEqual(['Group chat']);
    });

    it('yields a conversation without messages for an empty channel', async () => {
      const records = await oneFile([]);
      expect(conversationsOf(records)).toHaveLength(1);
      expect(messagesOf(records)).toEqual([]);
    });

    it('continues one conversation through the partitions of a channel, in part order', async () => {
      const parts = [1, 2, 3, 10].map((part) =>
        discordExport([discordMessage({ content: `part ${part}` })]),
      );
      const records = await readOk({
        'Server - general [1] [part 10].json': parts[3]!,
        'Server - general [1] [part 2].json': parts[1]!,
        'Server - general [1].json': parts[0]!,
        'Server - general [1] [part 3].json': parts[2]!,
      });
      expect(conversationsOf(records)).toHaveLength(1);
      expect(participantsOf(records)).toEqual(['Ana']);
      expect(messagesOf(records).map((m) => m.text)).toEqual([
        'part 1',
        'part 2',
        'part 3',
        'part 10',
      ]);
    });

    it('reads each thread file as a conversation of its own', async () => {
      const records = await readOk({
        'general.json': discordExport([discordMessage()], {
          channel: channel({ id: '10', type: 'GuildTextChat', name: 'general' }),
          guild: SERVER_GUILD,
        }),
        'thread.json': discordExport([discordMessage()], {
          channel: channel({ id: '11', type: 'GuildPublicThread', name: 'A thread' }),
          guild: SERVER_GUILD,
        }),
      });
      expect(conversationsOf(records).map((c) => c.identity)).toEqual(['discord:10', 'discord:11']);
    });
  });

  describe('messages', () => {
    it('reads the id, the time in UTC, the author shown by nickname and the text', async () => {
      const message = discordMessage({
        id: '1064990824305274930',
        timestamp: '2023-01-17T21:33:19.087+02:00',
        content: 'Should honor nickname over name',
        author: author('theplant', { name: 'not a plant' }),
      });
      const [read] = messagesOf(await oneFile([message]));
      expect(read).toEqual({
        externalId: '1064990824305274930',
        sentAt: Date.parse('2023-01-17T19:33:19.087Z'),
        sender: 'theplant',
        text: 'Should honor nickname over name',
        kind: 'text',
        replyToExternalId: null,
        forwardedFrom: null,
        editedAt: null,
        reactions: [],
        entities: null,
        attachments: [],
      });
    });

    it('falls back to the account name when the author has no nickname', async () => {
      const noNickname = author('x', { name: 'mlomb', nickname: null });
      const [read] = messagesOf(await oneFile([discordMessage({ author: noNickname })]));
      expect(read?.sender).toBe('mlomb');
    });

    it('keeps the edit time, and links a reply to a message of the same channel only', async () => {
      const records = await oneFile([
        discordMessage({ id: '5', timestampEdited: '2023-01-17T19:40:00+00:00' }),
        discordMessage({
          reference: { messageId: '5', channelId: '530805775262679064', guildId: null },
        }),
        discordMessage({ reference: { messageId: '6', channelId: null, guildId: null } }),
        discordMessage({ reference: { messageId: '7', channelId: '999', guildId: '1' } }),
      ]);
      const messages = messagesOf(records);
      expect(messages[0]?.editedAt).toBe(Date.parse('2023-01-17T19:40:00Z'));
      expect(messages.slice(1).map((m) => m.replyToExternalId)).toEqual(['5', '6', null]);
    });

    it('reads Unicode and custom emoji reactions with their counts and who reacted', async () => {
      const [read] = messagesOf(
        await oneFile([
          discordMessage({
            reactions: [
              { emoji: { id: null, name: '❤', isAnimated: false, imageUrl: '' }, count: 2 },
              {
                emoji: { id: '464662216386412545', name: 'paul', isAnimated: false, imageUrl: '' },
                count: 3,
                users: [author('Bo'), author('Cy', { nickname: null, name: 'cy' })],
              },
            ],
          }),
        ]),
      );
      expect(read?.reactions).toEqual([
        { emoji: '❤', count: 2 },
        { emoji: ':paul:', count: 3, senders: ['Bo', 'cy'] },
      ]);
    });

    it('reads a call as a call and other message types as system lines', async () => {
      const records = await oneFile([
        discordMessage({ type: 'Call', content: 'Started a call that lasted 113 minutes.' }),
        discordMessage({ type: 'RecipientAdd', content: 'Added Bo to the group.' }),
        discordMessage({ type: 'ChannelPinnedMessage', content: '' }),
        discordMessage({ type: 'Reply', content: 'a reply' }),
      ]);
      expect(messagesOf(records).map((m) => [m.kind, m.text])).toEqual([
        ['call', 'Started a call that lasted 113 minutes.'],
        ['system', 'Added Bo to the group.'],
        ['system', 'Channel pinned message'],
        ['text', 'a reply'],
      ]);
    });

    it('adds the text of embeds after the content', async () => {
      const [read] = messagesOf(
        await oneFile([
          discordMessage({
            content: '',
            author: author('Bot', { isBot: true }),
            embeds: [
              {
                title: 'Build passed',
                description: 'main is green',
                fields: [{ name: 'Duration', value: '3 min', isInline: true }],
                footer: { text: 'CI' },
              },
              { title: '', description: '', thumbnail: { url: 'https://cdn.example/x.png' } },
            ],
          }),
        ]),
      );
      expect(read?.text).toBe('Build passed\nmain is green\nDuration: 3 min\nCI');
      expect(read?.attachments).toEqual([]);
    });

    it('places a message without a valid timestamp at the time of the one before it, with a warning', async () => {
      const first = discordMessage();
      const records = await oneFile([first, discordMessage({ timestamp: 'yesterday' })]);
      const [a, b] = messagesOf(records);
      expect(b?.sentAt).toBe(a?.sentAt);
      expect(warningsOf(records).map((w) => w.code)).toEqual(['MESSAGE_WITHOUT_DATE']);
    });

    it('skips an item of the messages list that is not a message, with a warning', async () => {
      const records = await oneFile([discordMessage(), 'not a message', discordMessage()]);
      expect(messagesOf(records)).toHaveLength(2);
      expect(warningsOf(records)[0]).toMatchObject({
        code: 'MESSAGE_SKIPPED',
        entry: 'Direct Messages - Ana [530805775262679064].json',
      });
    });
  });

  describe('media', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

    it('resolves downloaded attachments and stickers from the media folder beside the file', async () => {
      const records = await readOk({
        'chats/Ana.json': discordExport([
          discordMessage({
            attachments: [
              {
                id: '1',
                url: 'Ana.json_Files\\photo-1A2B3.png',
                fileName: 'photo.png',
                fileSizeBytes: 4,
              },
              {
                id: '2',
                url: 'Ana.json_Files/my%20notes-C4D5E.pdf',
                fileName: 'my notes.pdf',
                fileSizeBytes: 9,
              },
            ],
            stickers: [
              {
                id: '3',
                name: 'Laugh',
                format: 'PngAnimated',
                sourceUrl: 'Ana.json_Files/809207919115239525-F6A7B.png',
              },
            ],
          }),
        ]),
        'chats/Ana.json_Files/photo-1A2B3.png': png,
        'chats/Ana.json_Files/my notes-C4D5E.pdf': 'pdf',
        'chats/Ana.json_Files/809207919115239525-F6A7B.png': png,
        'chats/Ana.json_Files/data.json': '{"not": "an export"}',
      });
      const [read] = messagesOf(records);
      expect(read?.kind).toBe('media');
      expect(read?.attachments).toEqual([
        { entryPath: 'chats/Ana.json_Files/photo-1A2B3.png', name: 'photo.png', mime: 'image/png' },
        {
          entryPath: 'chats/Ana.json_Files/my notes-C4D5E.pdf',
          name: 'my notes.pdf',
          mime: 'application/pdf',
        },
        {
          entryPath: 'chats/Ana.json_Files/809207919115239525-F6A7B.png',
          name: 'Laugh.png',
          mime: 'image/apng',
        },
      ]);
      expect(conversationsOf(records)).toHaveLength(1);
      expect(warningsOf(records)).toEqual([]);
    });

    it('keeps files on the Discord CDN as attachments the export left out', async () => {
      const [read] = messagesOf(
        await oneFile([
          discordMessage({
            attachments: [
              {
                id: '1',
                url: 'https://cdn.discordapp.com/attachments/1/2/unknown.png?ex=1',
                fileName: 'unknown.png',
                fileSizeBytes: 165152,
              },
            ],
            stickers: [
              {
                id: '809207919115239525',
                name: 'Laugh',
                format: 'PngAnimated',
                sourceUrl: 'https://discord.com/stickers/809207919115239525.png',
              },
            ],
          }),
        ]),
      );
      expect(read?.attachments).toEqual([
        { entryPath: null, name: 'unknown.png', mime: 'image/png' },
        { entryPath: null, name: 'Laugh.png', mime: 'image/apng' },
      ]);
    });

    it('marks a downloaded file the export does not hold as missing, and one outside it as unsafe', async () => {
      const records = await readOk({
        'Ana.json': discordExport([
          discordMessage({
            attachments: [
              { id: '1', url: 'Ana.json_Files/gone.png', fileName: 'gone.png', fileSizeBytes: 1 },
              { id: '2', url: '../../etc/passwd', fileName: 'passwd', fileSizeBytes: 1 },
              { id: '3', url: 'C:\\Users\\ana\\media\\x.png', fileName: 'x.png', fileSizeBytes: 1 },
            ],
          }),
        ]),
        'other.txt': 'unrelated',
      });
      expect(messagesOf(records)[0]?.attachments.map((a) => a.entryPath)).toEqual([
        null,
        null,
        null,
      ]);
      expect(warningsOf(records).map((w) => w.code)).toEqual([
        'MEDIA_NOT_FOUND',
        'MEDIA_OUTSIDE_EXPORT',
        'MEDIA_OUTSIDE_EXPORT',
      ]);
    });

    it('keeps a downloaded embed image as an attachment', async () => {
      const records = await readOk({
        'Ana.json': discordExport([
          discordMessage({
            embeds: [{ title: 'A link', image: { url: 'Ana.json_Files/preview-99999.jpg' } }],
          }),
        ]),
        'Ana.json_Files/preview-99999.jpg': png,
      });
      expect(messagesOf(records)[0]?.attachments).toEqual([
        {
          entryPath: 'Ana.json_Files/preview-99999.jpg',
          name: 'preview-99999.jpg',
          mime: 'image/jpeg',
        },
      ]);
    });
  });

  describe('broken input', () => {
    it('stops a truncated file with TRUNCATED naming the file and byte, after the messages before it', async () => {
      const json = discordExport([discordMessage({ content: 'kept' }), discordMessage()]);
      const cut = json.slice(0, json.lastIndexOf('"content"'));
      const { records, error } = await readFiles({ 'Ana.json': cut });
      expect(messagesOf(records).map((m) => m.text)).toEqual(['kept']);
      expect(error?.code).toBe('TRUNCATED');
      expect(error?.position).toEqual({ entry: 'Ana.json', byte: Buffer.byteLength(cut) });
      expect(error?.message).toContain('Ana.json');
    });

    it('refuses a JSON list with INVALID_FORMAT, yielding nothing', async () => {
      const { records, error } = await readFiles({ 'x.json': '[{"id": "1"}]' });
      expect(records).toEqual([]);
      expect(error?.code).toBe('INVALID_FORMAT');
      expect(error?.position).toEqual({ entry: 'x.json', byte: 0 });
    });

    it('refuses a "messages" that is not a list at the byte where it starts', async () => {
      const json = '{"guild": {"id": "0"}, "channel": {"id": "1"}, "messages": {"a": 1}}';
      const { error } = await readFiles({ 'x.json': json });
      expect(error?.code).toBe('INVALID_FORMAT');
      expect(error?.position.byte).toBe(json.indexOf('{"a"'));
    });

    it('stops at invalid JSON with INVALID_JSON at the byte where it breaks', async () => {
      const json = discordExport([discordMessage({ content: 'kept' }), discordMessage()]);
      const cut = json.lastIndexOf('"timestamp"');
      // The comma before the second message's "timestamp" is gone.
      const broken = `${json.slice(0, json.lastIndexOf(',', cut))}${json.slice(json.lastIndexOf(',', cut) + 1)}`;
      const at = broken.lastIndexOf('"timestamp"');
      const { records, error } = await readFiles({ 'x.json': broken });
      expect(messagesOf(records).map((m) => m.text)).toEqual(['kept']);
      expect(error?.code).toBe('INVALID_JSON');
      expect(error?.position).toEqual({ entry: 'x.json', byte: at });
    });

    it('stops at a message over the record limit with RECORD_TOO_LARGE at its start', async () => {
      const json = discordExport([
        discordMessage({ content: 'kept' }),
        discordMessage({ content: 'x'.repeat(5000) }),
      ]);
      const { records, error } = await readFiles({ 'x.json': json }, { maxRecordBytes: 2000 });
      expect(messagesOf(records).map((m) => m.text)).toEqual(['kept']);
      expect(error?.code).toBe('RECORD_TOO_LARGE');
    });

    it('still reads the other files of a folder when one breaks, then reports the break', async () => {
      const good = discordExport([discordMessage({ content: 'from b' })], {
        channel: channel({ id: '2' }),
      });
      const whole = discordExport([discordMessage({ content: 'from a' }), discordMessage()]);
      const broken = whole.slice(0, whole.lastIndexOf('"content"'));
      const { records, error } = await readFiles({ 'a.json': broken, 'b.json': good });
      expect(messagesOf(records).map((m) => m.text)).toEqual(['from a', 'from b']);
      expect(error?.code).toBe('TRUNCATED');
      expect(error?.position.entry).toBe('a.json');
    });

    it('skips a JSON file of a folder that is not an export, with a warning', async () => {
      const records = await readOk({
        'Ana.json': discordExport([discordMessage()]),
        'settings.json': '{"theme": "dark"}',
      });
      expect(messagesOf(records)).toHaveLength(1);
      expect(warningsOf(records)).toMatchObject([{ code: 'FILE_SKIPPED', entry: 'settings.json' }]);
    });

    it('says so when no JSON file of a folder is an export', async () => {
      const { error } = await readFiles({ 'a.json': '{"theme": "dark"}', 'b.json': '[]' });
      expect(error?.code).toBe('INVALID_FORMAT');
      expect(error?.message).toContain('no DiscordChatExporter export');
    });
  });
});
