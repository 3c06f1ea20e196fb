import { describe, expect, it } from 'vitest';
import { createSlackReader, readSlackExport } from '../../../../src/main/engine/readers/slack';
import { memorySource } from '../../../support/memory-source';
import { messagesOf, participantsOf } from '../../../support/read-records';
import {
  conversationsOf,
  readOutcome,
  warningsOf,
  type ReadOutcome,
} from '../../../support/read-outcome';
import { channel, json, slackMessage, user, USERS, type Json } from './generate';

const CHUNK = 7;

/** A bot's message: Slack writes no `user` for it. */
function withoutUser(message: Record<string, Json>): Record<string, Json> {
  const copy = { ...message };
  delete copy.user;
  return copy;
}

function readExport(
  files: Readonly<Record<string, string | Buffer>>,
  options: { maxRecordBytes?: number; container?: 'zip' | 'folder' } = {},
): Promise<ReadOutcome> {
  const reader =
    options.maxRecordBytes === undefined
      ? readSlackExport
      : createSlackReader({ maxRecordBytes: options.maxRecordBytes });
  const source = memorySource(files, { chunkBytes: CHUNK, container: options.container ?? 'zip' });
  return readOutcome(reader, source);
}

async function readOk(files: Readonly<Record<string, string | Buffer>>) {
  const { records, error } = await readExport(files);
  expect(error).toBeNull();
  return records;
}

/** users.json, channels.json with #general (C1), and general's day files. */
function workspace(days: Readonly<Record<string, readonly Json[]>>, extra = {}) {
  const files: Record<string, string> = {
    'users.json': json(USERS),
    'channels.json': json([channel('C1', 'general', ['U1', 'U2'])]),
    ...extra,
  };
  for (const [day, messages] of Object.entries(days))
    files[`general/${day}.json`] = json([...messages]);
  return files;
}

describe('the Slack workspace export reader', () => {
  describe('conversations', () => {
    it('reads one conversation per channel, private channel, group DM and DM, in the order of the lists', async () => {
      const records = await readOk({
        'users.json': json(USERS),
        'channels.json': json([channel('C1', 'general'), channel('C2', 'empty')]),
        'groups.json': json([channel('G1', 'secret')]),
        'mpims.json': json([{ id: 'G2', name: 'mpdm-ana--bo-1', members: ['U1', 'U2'] }]),
        'dms.json': json([{ id: 'D1', created: 1, members: ['U1', 'U2'] }]),
        'D1/2023-04-13.json': json([slackMessage()]),
        'mpdm-ana--bo-1/2023-04-13.json': json([slackMessage()]),
        'secret/2023-04-13.json': json([slackMessage()]),
        'general/2023-04-13.json': json([slackMessage()]),
      });
      // #empty has no day files: the export holds nothing of it.
      expect(conversationsOf(records).map((c) => [c.title, c.identity, c.platform])).toEqual([
        ['#general', 'slack:C1', 'slack'],
        ['#secret', 'slack:G1', 'slack'],
        ['ana, Bo Chen', 'slack:G2', 'slack'],
        ['ana, Bo Chen', 'slack:D1', 'slack'],
      ]);
      expect(messagesOf(records)).toHaveLength(4);
    });

    it('reads the day files of a channel in date order, whatever order the export lists them in', async () => {
      const files = workspace({});
      const records = await readOk({
        ...files,
        'general/2023-04-14.json': json([slackMessage({ text: 'second day' })]),
        'general/2023-04-13.json': json([slackMessage({ text: 'first day' })]),
      });
      expect(messagesOf(records).map((m) => m.text)).toEqual(['first day', 'second day']);
    });

    it('finds the export one folder down in a zip', async () => {
      const records = await readOk({
        'Acme Slack export Apr 13 2023/users.json': json(USERS),
        'Acme Slack export Apr 13 2023/channels.json': json([channel('C1', 'general')]),
        'Acme Slack export Apr 13 2023/general/2023-04-13.json': json([slackMessage()]),
      });
      expect(conversationsOf(records).map((c) => c.title)).toEqual(['#general']);
      expect(messagesOf(records)).toHaveLength(1);
    });

    it('reads a folder of day files that no list names, under the folder name, with a warning', async () => {
      const records = await readOk({
        ...workspace({ '2023-04-13': [slackMessage()] }),
        'lost-channel/2023-04-13.json': json([slackMessage()]),
      });
      expect(conversationsOf(records).map((c) => [c.title, c.identity])).toEqual([
        ['#general', 'slack:C1'],
        ['#lost-channel', 'slack:folder:lost-channel'],
      ]);
      expect(warningsOf(records).map((w) => w.code)).toEqual(['CONVERSATION_UNLISTED']);
    });

    it('says what is missing when the export has neither channels.json nor users.json', async () => {
      const { error } = await readExport({ 'general/2023-04-13.json': json([]), 'x.txt': '' });
      expect(error?.code).toBe('ENTRY_MISSING');
      expect(error?.message).toContain('channels.json');
    });
  });

  describe('messages', () => {
    it('reads the ts as the id and the time, and names the sender as Slack shows them', async () => {
      const records = await readOk(
        workspace({
          '2023-04-13': [
            slackMessage({ ts: '1681413852.964959', text: 'hello', user: 'U1' }),
            slackMessage({ user: 'U2' }),
          ],
        }),
      );
      const [first, second] = messagesOf(records);
      expect(first).toEqual({
        externalId: '1681413852.964959',
        sentAt: 1_681_413_852_964,
        sender: 'ana',
        text: 'hello',
        kind: 'text',
        replyToExternalId: null,
        forwardedFrom: null,
        editedAt: null,
        reactions: [],
        entities: null,
        attachments: [],
      });
      // No display name: the real name.
      expect(second?.sender).toBe('Bo Chen');
      expect(participantsOf(records)).toEqual(['ana', 'Bo Chen']);
    });

    it('names a user missing from users.json by the profile their message carries, and a bot by its name', async () => {
      const records = await readOk(
        workspace({
          '2023-04-13': [
            slackMessage({
              user: 'U9',
              user_profile: { real_name: 'Cy Dora', display_name: '', name: 'cy' },
            }),
            slackMessage({ user: 'U1', text: 'hi <@U9>' }),
            withoutUser(slackMessage({ subtype: 'bot_message', username: 'CI', bot_id: 'B1' })),
            slackMessage({ user: 'U8' }),
          ],
        }),
      );
      const messages = messagesOf(records);
      expect(messages.map((m) => m.sender)).toEqual(['Cy Dora', 'ana', 'CI', 'U8']);
      expect(messages[1]?.text).toBe('hi @Cy Dora');
    });

    it('shows mentions, channel links, links and escaped characters as Slack displays them', async () => {
      const raw =
        'Hi <@U2>, see <#C1|general> &amp; <https://example.com/a?b=1&amp;c=2|the doc> or <https://x.org> <!here> 1 &lt; 2';
      const [message] = messagesOf(
        await readOk(workspace({ '2023-04-13': [slackMessage({ text: raw })] })),
      );
      const shown = 'Hi @Bo Chen, see #general & the doc or https://x.org @here 1 < 2';
      expect(message?.text).toBe(shown);
      expect(message?.entities).toEqual([
        { type: 'mention_name', value: 'U2', offset: 3, length: 8 },
        {
          type: 'text_link',
          value: 'https://example.com/a?b=1&c=2',
          offset: shown.indexOf('the doc'),
          length: 7,
        },
        { type: 'link', offset: shown.indexOf('https://x.org'), length: 13 },
      ]);
    });

    it('links thread replies to their parent, but not the parent to itself', async () => {
      const parent = slackMessage({
        ts: '1681413900.000100',
        thread_ts: '1681413900.000100',
        reply_count: 1,
      });
      const reply = slackMessage({ thread_ts: '1681413900.000100', parent_user_id: 'U1' });
      const messages = messagesOf(await readOk(workspace({ '2023-04-13': [parent, reply] })));
      expect(messages.map((m) => m.replyToExternalId)).toEqual([null, '1681413900.000100']);
    });

    it('reads joins and leaves as system lines about the person', async () => {
      const messages = messagesOf(
        await readOk(
          workspace({
            '2023-04-13': [
              slackMessage({
                subtype: 'channel_join',
                user: 'U2',
                text: '<@U2> has joined the channel',
              }),
              slackMessage({
                subtype: 'channel_leave',
                user: 'U2',
                text: '<@U2> has left the channel',
              }),
            ],
          }),
        ),
      );
      expect(messages.map((m) => [m.kind, m.sender, m.text, m.entities])).toEqual([
        ['system', 'Bo Chen', 'Bo Chen has joined the channel', null],
        ['system', 'Bo Chen', 'Bo Chen has left the channel', null],
      ]);
    });

    it('keeps the edit time and the reactions with who reacted', async () => {
      const [message] = messagesOf(
        await readOk(
          workspace({
            '2023-04-13': [
              slackMessage({
                edited: { user: 'U1', ts: '1681414000.000000' },
                reactions: [{ name: 'thumbsup', users: ['U1', 'U2'], count: 2 }],
              }),
            ],
          }),
        ),
      );
      expect(message?.editedAt).toBe(1_681_414_000_000);
      expect(message?.reactions).toEqual([
        { emoji: ':thumbsup:', count: 2, senders: ['ana', 'Bo Chen'] },
      ]);
    });

    it('keeps files as attachments: found beside the export when a tool saved them, else left out', async () => {
      const files: Json[] = [
        {
          id: 'F1',
          name: 'photo.png',
          mimetype: 'image/png',
          url_private: 'https://files.slack.com/F1',
        },
        { id: 'F2', name: 'report.pdf', mimetype: 'application/pdf' },
        { id: 'F3', mode: 'tombstone' },
      ];
      const records = await readOk({
        ...workspace({ '2023-04-13': [slackMessage({ subtype: 'file_share', text: '', files })] }),
        'general/attachments/F1-photo.png': Buffer.from([1, 2, 3]),
      });
      const [message] = messagesOf(records);
      expect(message?.kind).toBe('media');
      expect(message?.attachments).toEqual([
        { entryPath: 'general/attachments/F1-photo.png', name: 'photo.png', mime: 'image/png' },
        { entryPath: null, name: 'report.pdf', mime: 'application/pdf' },
        { entryPath: null, name: 'File (deleted)', mime: null },
      ]);
    });

    it('adds the text of integration attachments after the message text', async () => {
      const [message] = messagesOf(
        await readOk(
          workspace({
            '2023-04-13': [
              slackMessage({
                text: 'Deploy finished',
                attachments: [{ fallback: 'fallback', title: 'prod', text: 'all green' }],
              }),
            ],
          }),
        ),
      );
      expect(message?.text).toBe('Deploy finished\n\nprod\nall green');
    });

    it('skips an item without a valid ts, with a warning naming the day file', async () => {
      const records = await readOk(
        workspace({ '2023-04-13': [slackMessage(), { type: 'message', text: 'no ts' }] }),
      );
      expect(messagesOf(records)).toHaveLength(1);
      expect(warningsOf(records)).toMatchObject([
        { code: 'MESSAGE_SKIPPED', entry: 'general/2023-04-13.json' },
      ]);
    });

    it('warns once when users.json is missing, and names people by id', async () => {
      const files = workspace({ '2023-04-13': [slackMessage({ user: 'U2' })] });
      delete (files as Record<string, string>)['users.json'];
      const records = await readOk(files);
      expect(messagesOf(records)[0]?.sender).toBe('U2');
      expect(warningsOf(records).map((w) => w.code)).toEqual(['USERS_MISSING']);
    });
  });

  describe('broken input', () => {
    it('stops a truncated day file with TRUNCATED at its end, keeps what came before, and reads the other days', async () => {
      const whole = json([slackMessage({ text: 'kept' }), slackMessage({ text: 'cut' })]);
      const cut = whole.slice(0, whole.indexOf('"cut"'));
      const { records, error } = await readExport({
        ...workspace({ '2023-04-14': [slackMessage({ text: 'next day' })] }),
        'general/2023-04-13.json': cut,
      });
      expect(messagesOf(records).map((m) => m.text)).toEqual(['kept', 'next day']);
      expect(error?.code).toBe('TRUNCATED');
      expect(error?.position).toEqual({
        entry: 'general/2023-04-13.json',
        byte: Buffer.byteLength(cut),
      });
    });

    it('reports a day file that is not a list with INVALID_FORMAT at its first byte', async () => {
      const { records, error } = await readExport({
        ...workspace({ '2023-04-14': [slackMessage({ text: 'next day' })] }),
        'general/2023-04-13.json': '  {"ts": "1"}',
      });
      expect(messagesOf(records).map((m) => m.text)).toEqual(['next day']);
      expect(error?.code).toBe('INVALID_FORMAT');
      expect(error?.position).toEqual({ entry: 'general/2023-04-13.json', byte: 2 });
    });

    it('reports a broken users.json and still reads the messages, naming people by id', async () => {
      const { records, error } = await readExport({
        ...workspace({ '2023-04-13': [slackMessage({ user: 'U2' })] }),
        'users.json': '[{"id": "U2", "real_name": "Bo"}, {"id": ',
      });
      expect(messagesOf(records).map((m) => m.sender)).toEqual(['Bo']);
      expect(error?.code).toBe('TRUNCATED');
      expect(error?.position.entry).toBe('users.json');
    });

    it('stops at a message over the record limit with RECORD_TOO_LARGE', async () => {
      const { records, error } = await readExport(
        workspace({
          '2023-04-13': [slackMessage({ text: 'kept' }), slackMessage({ text: 'x'.repeat(4000) })],
        }),
        { maxRecordBytes: 1000 },
      );
      expect(messagesOf(records).map((m) => m.text)).toEqual(['kept']);
      expect(error?.code).toBe('RECORD_TOO_LARGE');
    });
  });

  it('reads a user list of any size one user at a time', async () => {
    const many = Array.from({ length: 2000 }, (_, index) =>
      user(`U${index + 10}`, `Person ${index}`),
    );
    const records = await readOk({
      ...workspace({ '2023-04-13': [slackMessage({ user: 'U2009' })] }),
      'users.json': json([...USERS, ...many]),
    });
    expect(messagesOf(records)[0]?.sender).toBe('Person 1999');
  });
});
