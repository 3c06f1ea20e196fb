import { describe, expect, it } from 'vitest';
import { ReadError } from '../../../src/main/engine/readers/read-error';
import type { ReadMessage, ReadRecord } from '../../../src/main/engine/readers/records';
import { eachRecord } from '../../support/each-record';
import {
  createTelegramJsonReader,
  readTelegramJson,
} from '../../../src/main/engine/readers/telegram';
import { memorySource } from '../../support/memory-source';

// Inputs are streamed 5 bytes at a time unless a test says otherwise, so tokens, escapes and UTF-8
// characters are cut across chunks everywhere.
const CHUNK = 5;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Outcome = { records: ReadRecord[]; error: ReadError | null };

let nextId = 1;

/** A message object as Telegram Desktop writes it (ids count up; times one minute apart). */
function message(fields: Readonly<Record<string, Json>> = {}): Record<string, Json> {
  const id = nextId++;
  const unix = 1_700_000_000 + id * 60;
  const text = fields.text ?? `message ${id}`;
  return {
    id,
    type: 'message',
    date: new Date(unix * 1000).toISOString().slice(0, 19),
    date_unixtime: String(unix),
    from: 'Ana',
    from_id: 'user1',
    text,
    ...fields,
  };
}

function service(
  action: string,
  fields: Readonly<Record<string, Json>> = {},
): Record<string, Json> {
  return message({ type: 'service', actor: 'Ana', action, text: '', text_entities: [], ...fields });
}

function chat(messages: Json[], header: Readonly<Record<string, Json>> = {}): Record<string, Json> {
  return { name: 'Ana Lima', type: 'personal_chat', id: 4242, ...header, messages };
}

/** JSON laid out the way Telegram Desktop does (one-space indent). */
function exportJson(value: Json): string {
  return JSON.stringify(value, null, 1);
}

async function collect(records: AsyncIterable<ReadRecord>): Promise<Outcome> {
  const out: ReadRecord[] = [];
  try {
    for await (const record of records) out.push(record);
    return { records: out, error: null };
  } catch (error: unknown) {
    if (error instanceof ReadError) return { records: out, error };
    throw error;
  }
}

async function read(
  json: string | Buffer,
  options: { chunkBytes?: number; timeZone?: string; maxRecordBytes?: number } = {},
): Promise<Outcome> {
  const source = memorySource({ 'result.json': json }, { chunkBytes: options.chunkBytes ?? CHUNK });
  const reader =
    options.maxRecordBytes === undefined
      ? readTelegramJson
      : createTelegramJsonReader({ maxRecordBytes: options.maxRecordBytes });
  return collect(eachRecord(reader(source, { timeZone: options.timeZone })));
}

async function readOk(json: string | Buffer, options = {}): Promise<ReadRecord[]> {
  const { records, error } = await read(json, options);
  expect(error).toBeNull();
  return records;
}

function messagesOf(records: readonly ReadRecord[]): ReadMessage[] {
  return records.flatMap((record) => (record.type === 'message' ? [record.message] : []));
}

function onlyMessage(records: readonly ReadRecord[]): ReadMessage {
  const messages = messagesOf(records);
  expect(messages).toHaveLength(1);
  return messages[0]!;
}

function kindsOf(records: readonly ReadRecord[]): string[] {
  return records.map((record) => record.type);
}

function warningsOf(records: readonly ReadRecord[]): string[] {
  return records.flatMap((record) => (record.type === 'warning' ? [record.code] : []));
}

function byteOf(json: string, marker: string): number {
  const at = Buffer.from(json).indexOf(marker);
  expect(at).toBeGreaterThanOrEqual(0);
  return at;
}

describe('the Telegram Desktop JSON reader', () => {
  describe('export forms', () => {
    it.each([1, 3, CHUNK, 64, 1 << 20])(
      'reads a single-chat export as one conversation, its senders and its messages (chunks of %i bytes)',
      async (chunkBytes) => {
        const json = exportJson(
          chat([
            message({ text: 'Olá 👋' }),
            message({ from: 'Bruno', text: 'oi' }),
            message({ text: 'tudo bem?' }),
          ]),
        );
        const records = await readOk(json, { chunkBytes });
        expect(kindsOf(records)).toEqual([
          'conversation',
          'participant',
          'message',
          'participant',
          'message',
          'message',
        ]);
        expect(records[0]).toEqual({
          type: 'conversation',
          ref: '4242',
          platform: 'telegram',
          title: 'Ana Lima',
          identity: 'telegram:4242',
        });
        expect(records[1]).toEqual({ type: 'participant', conversationRef: '4242', name: 'Ana' });
        expect(messagesOf(records).map((m) => [m.sender, m.text])).toEqual([
          ['Ana', 'Olá 👋'],
          ['Bruno', 'oi'],
          ['Ana', 'tudo bem?'],
        ]);
      },
    );

    it('reads the message id, the unix time in UTC and the plain kind of a text message', async () => {
      const json = exportJson(
        chat([
          {
            id: 77,
            type: 'message',
            date: '2023-08-23T13:11:23',
            date_unixtime: '1692821483',
            from: 'Ana',
            text: 'hi',
          },
        ]),
      );
      const read = onlyMessage(await readOk(json));
      expect(read).toMatchObject({
        externalId: '77',
        sentAt: 1_692_821_483_000,
        kind: 'text',
        replyToExternalId: null,
        forwardedFrom: null,
        editedAt: null,
        reactions: [],
        entities: null,
        attachments: [],
      });
    });

    it('reads a whole-account export as one conversation per chat, left chats included, in order', async () => {
      const json = exportJson({
        about: 'Here is the data you requested.',
        personal_information: {
          user_id: 1,
          first_name: 'Ana',
          last_name: '',
          phone_number: '+1 555',
        },
        contacts: { about: '', list: [{ first_name: 'Bruno', phone_number: '+1 556' }] },
        chats: {
          about: 'This page lists all chats from this export.',
          list: [
            chat([message({ text: 'first chat' })], { name: 'Bruno', id: 1 }),
            chat([message({ from: 'Carla', text: 'second chat' })], {
              name: 'Family',
              type: 'private_group',
              id: 2,
            }),
          ],
        },
        left_chats: {
          about: '',
          list: [
            chat([message({ text: 'old group' })], {
              name: 'Old',
              type: 'private_supergroup',
              id: 3,
            }),
          ],
        },
      });
      const records = await readOk(json);
      const conversations = records.filter((record) => record.type === 'conversation');
      expect(conversations.map((c) => [c.ref, c.title, c.identity])).toEqual([
        ['1', 'Bruno', 'telegram:1'],
        ['2', 'Family', 'telegram:2'],
        ['3', 'Old', 'telegram:3'],
      ]);
      const refsOfMessages = records.flatMap((record) =>
        record.type === 'message' ? [[record.conversationRef, record.message.text]] : [],
      );
      expect(refsOfMessages).toEqual([
        ['1', 'first chat'],
        ['2', 'second chat'],
        ['3', 'old group'],
      ]);
      // Each conversation announces its own senders, even one seen in an earlier chat.
      const participants = records.filter((record) => record.type === 'participant');
      expect(participants.map((p) => [p.conversationRef, p.name])).toEqual([
        ['1', 'Ana'],
        ['2', 'Carla'],
        ['3', 'Ana'],
      ]);
    });

    it('ignores an entry of a chat list that is not a chat object', async () => {
      const json = exportJson({
        about: '',
        chats: {
          about: '',
          list: [['not', 'a', 'chat'], chat([message({ text: 'kept' })], { id: 7 })],
        },
      });
      const records = await readOk(json);
      expect(records.filter((record) => record.type === 'conversation')).toHaveLength(1);
      expect(messagesOf(records).map((m) => m.text)).toEqual(['kept']);
    });

    it('yields a conversation without messages for an empty messages list', async () => {
      const records = await readOk(exportJson(chat([])));
      expect(records).toEqual([
        {
          type: 'conversation',
          ref: '4242',
          platform: 'telegram',
          title: 'Ana Lima',
          identity: 'telegram:4242',
        },
      ]);
    });

    it('titles a chat without a name after its type (Saved Messages)', async () => {
      const json = exportJson({ type: 'saved_messages', id: 99, messages: [message()] });
      expect(records0(await readOk(json))).toMatchObject({
        title: 'Saved Messages',
        identity: 'telegram:99',
      });
    });

    it('still reads a chat whose name comes after its messages, and warns that it was not used', async () => {
      const json = exportJson({
        messages: [message({ text: 'early' })],
        name: 'Late name',
        type: 'private_group',
        id: 5,
      });
      const records = await readOk(json);
      expect(records0(records)).toMatchObject({
        title: 'Telegram chat',
        identity: 'telegram:title:Telegram chat',
      });
      expect(messagesOf(records).map((m) => m.text)).toEqual(['early']);
      expect(warningsOf(records)).toEqual(['CHAT_HEADER_LATE']);
    });

    it('finds result.json one folder down and places media under that folder', async () => {
      const json = exportJson(
        chat([message({ photo: 'photos/photo_1@01-01-2020_10-00-00.jpg', text: '' })]),
      );
      const source = memorySource(
        {
          'ChatExport_2024-01-15/result.json': json,
          'ChatExport_2024-01-15/photos/photo_1@01-01-2020_10-00-00.jpg': Buffer.from([0xff, 0xd8]),
        },
        { container: 'folder', chunkBytes: CHUNK },
      );
      const { records, error } = await collect(eachRecord(readTelegramJson(source, {})));
      expect(error).toBeNull();
      expect(onlyMessage(records).attachments).toEqual([
        {
          entryPath: 'ChatExport_2024-01-15/photos/photo_1@01-01-2020_10-00-00.jpg',
          name: 'photo_1@01-01-2020_10-00-00.jpg',
          mime: 'image/jpeg',
        },
      ]);
      expect(source.opened).toEqual(['ChatExport_2024-01-15/result.json']);
    });

    it('says which file is missing when a folder has no result.json', async () => {
      const source = memorySource(
        { 'photos/a.jpg': 'x', 'notes.txt': 'y' },
        { container: 'folder' },
      );
      const { error } = await collect(eachRecord(readTelegramJson(source, {})));
      expect(error?.code).toBe('ENTRY_MISSING');
      expect(error?.message).toMatch(/result\.json/);
    });
  });

  describe('text', () => {
    it('reads text given as a plain string', async () => {
      const read = onlyMessage(
        await readOk(exportJson(chat([message({ text: 'just "text"\nwith a newline' })]))),
      );
      expect(read.text).toBe('just "text"\nwith a newline');
      expect(read.entities).toBeNull();
    });

    it('concatenates text given as an array of strings and parts, keeping the spaces the parts hold', async () => {
      const text = ['Check this ', { type: 'bold', text: 'important' }, ' message'];
      const read = onlyMessage(await readOk(exportJson(chat([message({ text })]))));
      expect(read.text).toBe('Check this important message');
      expect(read.entities).toEqual([{ type: 'bold', offset: 11, length: 9 }]);
    });

    it('counts entity offsets in UTF-16 code units, so an emoji before a link counts two', async () => {
      const entities: Json[] = [
        { type: 'plain', text: '👀 see ' },
        { type: 'text_link', text: 'this', href: 'https://example.org/x' },
        { type: 'plain', text: ' and ' },
        { type: 'mention_name', text: 'Bruno', user_id: 123456 },
        { type: 'plain', text: ' 🇧🇷 ' },
        { type: 'pre', text: 'x = 1', language: 'python' },
        { type: 'custom_emoji', text: '😮', document_id: 'stickers/a.webp' },
      ];
      const read = onlyMessage(
        await readOk(exportJson(chat([message({ text: entities, text_entities: entities })]))),
      );
      expect(read.text).toBe('👀 see this and Bruno 🇧🇷 x = 1😮');
      expect(read.entities).toEqual([
        { type: 'text_link', offset: 7, length: 4, value: 'https://example.org/x' },
        { type: 'mention_name', offset: 16, length: 5, value: '123456' },
        { type: 'pre', offset: 27, length: 5, value: 'python' },
        { type: 'other', offset: 32, length: 2 },
      ]);
      const entity = read.entities![0]!;
      expect(read.text.slice(entity.offset, entity.offset + entity.length)).toBe('this');
    });

    it('prefers text_entities over text when both are given', async () => {
      const json = exportJson(
        chat([message({ text: 'stale copy', text_entities: [{ type: 'italic', text: 'fresh' }] })]),
      );
      const read = onlyMessage(await readOk(json));
      expect(read.text).toBe('fresh');
      expect(read.entities).toEqual([{ type: 'italic', offset: 0, length: 5 }]);
    });

    it('reads the control characters and line separators Telegram Desktop writes outside JSON', async () => {
      // tdesktop writes a control character as \x01 and U+2028 as "\u2028" plus two raw bytes.
      const [head, tail] = exportJson(chat([message({ text: 'PLACEHOLDER' })])).split(
        '"PLACEHOLDER"',
      );
      const json = Buffer.concat([
        Buffer.from(`${head!}"a\\x01b\\u2028`),
        Buffer.from([0x80, 0xa8]),
        Buffer.from(`c"${tail!}`),
      ]);
      expect(onlyMessage(await readOk(json)).text).toBe('a\u0001b\u2028c');
    });

    it('reads the unquoted custom emoji document_id of Telegram Desktop 4.1', async () => {
      const json = [
        '{"name": "Ana", "type": "personal_chat", "id": 1, "messages": [',
        '{"id": 1, "type": "message", "date_unixtime": "1700000000", "from": "Ana", "text": [',
        ' {',
        '  "type": "custom_emoji",',
        '  "text": "😮",',
        '  "document_id": video_files/sticker (2).webm',
        ' },',
        ' " wow"',
        ']}]}',
      ].join('\n');
      expect(onlyMessage(await readOk(json)).text).toBe('😮 wow');
    });

    it('repairs names and texts that were double-encoded, and warns once', async () => {
      // "Grace 🧤 🍒" saved as UTF-8, read as Windows-1252, saved again.
      const garbled = new TextDecoder('windows-1252').decode(Buffer.from('Grace 🧤 🍒', 'utf8'));
      const json = exportJson(
        chat(
          [message({ from: garbled, text: 'oi' }), message({ from: 'Борис', text: 'café ça va' })],
          { name: garbled },
        ),
      );
      const records = await readOk(json);
      expect(records0(records).title).toBe('Grace 🧤 🍒');
      expect(messagesOf(records).map((m) => [m.sender, m.text])).toEqual([
        ['Grace 🧤 🍒', 'oi'],
        ['Борис', 'café ça va'],
      ]);
      expect(warningsOf(records)).toEqual(['MOJIBAKE_REPAIRED']);
    });
  });

  describe('service messages and calls', () => {
    it('turns service actions into system lines that say what happened', async () => {
      const json = exportJson(
        chat(
          [
            service('create_group', { title: 'Family', members: ['Ana', 'Bruno'] }),
            service('invite_members', { members: ['Carla', 'Davi'] }),
            service('invite_members', { members: ['Ana'] }),
            service('remove_members', { members: ['Bruno'] }),
            service('pin_message', { message_id: 3 }),
            service('edit_group_title', { title: 'Família' }),
            service('joined_telegram'),
            service('some_future_action'),
          ],
          { name: 'Family', type: 'private_group' },
        ),
      );
      const messages = messagesOf(await readOk(json));
      expect(messages.every((m) => m.kind === 'system' && m.sender === 'Ana')).toBe(true);
      expect(messages.map((m) => m.text)).toEqual([
        'Ana created the group “Family”',
        'Ana added Carla and Davi',
        'Ana joined the group',
        'Ana removed Bruno',
        'Ana pinned a message',
        'Ana changed the group name to “Família”',
        'Ana joined Telegram',
        'Ana: some future action',
      ]);
    });

    it('turns phone calls into call messages with their duration, or missed', async () => {
      const json = exportJson(
        chat([
          service('phone_call', { duration_seconds: 56, discard_reason: 'hangup' }),
          service('phone_call', { discard_reason: 'missed' }),
          service('group_call', { duration: 3723 }),
        ]),
      );
      const messages = messagesOf(await readOk(json));
      expect(messages.map((m) => [m.kind, m.text])).toEqual([
        ['call', 'Call (0:56)'],
        ['call', 'Missed call'],
        ['call', 'Video chat (1:02:03)'],
      ]);
    });
  });

  describe('media', () => {
    it('reads a photo with its file, and one left out of the export without a path', async () => {
      const json = exportJson(
        chat([
          message({
            photo: 'photos/photo_1@01-01-2020_10-00-00.jpg',
            width: 960,
            height: 1280,
            text: 'beach',
          }),
          message({
            photo: '(File not included. Change data exporting settings to download.)',
            width: 960,
            height: 1280,
            text: '',
          }),
        ]),
      );
      const [withFile, withoutFile] = messagesOf(await readOk(json));
      expect(withFile).toMatchObject({
        kind: 'media',
        text: 'beach',
        attachments: [
          {
            entryPath: 'photos/photo_1@01-01-2020_10-00-00.jpg',
            name: 'photo_1@01-01-2020_10-00-00.jpg',
            mime: 'image/jpeg',
          },
        ],
      });
      expect(withoutFile).toMatchObject({
        kind: 'media',
        text: '',
        attachments: [{ entryPath: null, name: 'Photo', mime: 'image/jpeg' }],
      });
    });

    it('reads stickers, voice messages and videos as media, ignoring their thumbnails', async () => {
      const json = exportJson(
        chat([
          message({
            file: 'stickers/sticker.webp',
            thumbnail: 'stickers/sticker.webp_thumb.jpg',
            media_type: 'sticker',
            sticker_emoji: '😂',
            text: '',
          }),
          message({
            file: 'voice_messages/audio_1@01-01-2020_10-00-00.ogg',
            media_type: 'voice_message',
            mime_type: 'audio/ogg',
            duration_seconds: 4,
            text: '',
          }),
          message({
            file: '(File exceeds maximum size. Change data exporting settings to download.)',
            file_name: 'holiday.mp4',
            thumbnail: 'video_files/holiday.mp4_thumb.jpg',
            media_type: 'video_file',
            mime_type: 'video/mp4',
            text: 'our trip',
          }),
          message({ file: 'files/report.pdf', text: [{ type: 'bold', text: 'read' }] }),
        ]),
      );
      const messages = messagesOf(await readOk(json));
      expect(messages.map((m) => [m.kind, m.text, m.attachments])).toEqual([
        [
          'media',
          '',
          [{ entryPath: 'stickers/sticker.webp', name: 'sticker.webp', mime: 'image/webp' }],
        ],
        [
          'media',
          '',
          [
            {
              entryPath: 'voice_messages/audio_1@01-01-2020_10-00-00.ogg',
              name: 'audio_1@01-01-2020_10-00-00.ogg',
              mime: 'audio/ogg',
            },
          ],
        ],
        ['media', 'our trip', [{ entryPath: null, name: 'holiday.mp4', mime: 'video/mp4' }]],
        [
          'media',
          'read',
          [{ entryPath: 'files/report.pdf', name: 'report.pdf', mime: 'application/pdf' }],
        ],
      ]);
    });

    it('drops a media path that would leave the export, with a warning', async () => {
      const records = await readOk(
        exportJson(chat([message({ photo: '../../etc/passwd', text: '' })])),
      );
      expect(onlyMessage(records).attachments).toEqual([
        { entryPath: null, name: 'passwd', mime: 'image/jpeg' },
      ]);
      expect(warningsOf(records)).toEqual(['MEDIA_PATH_UNSAFE']);
    });

    it('describes polls, contacts and locations as other messages', async () => {
      const json = exportJson(
        chat([
          message({
            text: '',
            poll: {
              question: 'Lunch?',
              closed: false,
              total_voters: 2,
              answers: [
                { text: 'Yes', voters: 2, chosen: true },
                { text: 'No', voters: 0, chosen: false },
              ],
            },
          }),
          message({
            text: '',
            contact_information: {
              first_name: 'Bruno',
              last_name: 'Dias',
              phone_number: '+55 11 5555',
            },
          }),
          message({ text: '', location_information: { latitude: -23.5, longitude: -46.6 } }),
          message({ text: '', place_name: 'Café Central' }),
          message({ text: '', address: 'Herrengasse 14' }),
          message({ text: '', live_location_period_seconds: 900 }),
        ]),
      );
      const messages = messagesOf(await readOk(json));
      expect(messages.map((m) => [m.kind, m.text])).toEqual([
        ['other', 'Poll: Lunch?\n- Yes\n- No'],
        ['other', 'Contact: Bruno Dias, +55 11 5555'],
        ['other', 'Location: -23.5, -46.6'],
        ['other', 'Location: Café Central'],
        ['other', 'Location: Herrengasse 14'],
        ['other', 'Live location:'],
      ]);
    });
  });

  describe('replies, forwards, edits and reactions', () => {
    it('keeps the replied-to id, the forward origin, the edit time and the reactions', async () => {
      const json = exportJson(
        chat([
          message({
            reply_to_message_id: 41,
            forwarded_from: 'News Channel',
            edited: '2023-11-14T22:20:00',
            edited_unixtime: '1700000400',
            reactions: [
              {
                type: 'emoji',
                count: 3,
                emoji: '👍',
                recent: [{ from: 'Bruno', from_id: 'user2', date: '2023-11-14T22:21:00' }],
              },
              { type: 'paid', count: 5 },
            ],
          }),
        ]),
      );
      expect(onlyMessage(await readOk(json))).toMatchObject({
        replyToExternalId: '41',
        forwardedFrom: 'News Channel',
        editedAt: 1_700_000_400_000,
        reactions: [
          { emoji: '👍', count: 3, senders: ['Bruno'] },
          { emoji: '⭐', count: 5 },
        ],
      });
    });

    it('does not link a reply to a message of another chat', async () => {
      const json = exportJson(
        chat([message({ reply_to_message_id: 7, reply_to_peer_id: 'channel9' })]),
      );
      expect(onlyMessage(await readOk(json)).replyToExternalId).toBeNull();
    });
  });

  describe('times', () => {
    it('reads the zoneless date of exports without date_unixtime in the reader’s time zone', async () => {
      const json = exportJson(
        chat([{ id: 1, type: 'message', date: '2019-07-12T16:55:32', from: 'Ana', text: 'x' }]),
      );
      const utc = onlyMessage(await readOk(json, { timeZone: 'UTC' }));
      const saoPaulo = onlyMessage(await readOk(json, { timeZone: 'America/Sao_Paulo' }));
      expect(utc.sentAt).toBe(Date.UTC(2019, 6, 12, 16, 55, 32));
      expect(saoPaulo.sentAt).toBe(Date.UTC(2019, 6, 12, 19, 55, 32));
    });

    it('places a message without any date at the time of the one before it, with a warning', async () => {
      const json = exportJson(
        chat([
          { id: 1, type: 'message', date_unixtime: '1700000000', from: 'Ana', text: 'dated' },
          { id: 2, type: 'message', from: 'Ana', text: 'undated' },
          { id: 3, type: 'unsupported' },
        ]),
      );
      const records = await readOk(json);
      expect(messagesOf(records).map((m) => [m.externalId, m.sentAt, m.kind])).toEqual([
        ['1', 1_700_000_000_000, 'text'],
        ['2', 1_700_000_000_000, 'text'],
        ['3', 1_700_000_000_000, 'other'],
      ]);
      expect(warningsOf(records)).toEqual(['MESSAGE_WITHOUT_DATE']);
    });

    it('lists the first 20 warnings of a kind and then says how many more there were', async () => {
      const undated = Array.from({ length: 30 }, (_, index) => ({
        id: index + 1,
        type: 'message',
        from: 'Ana',
        text: 'x',
      }));
      const records = await readOk(exportJson(chat(undated)));
      expect(messagesOf(records)).toHaveLength(30);
      expect(warningsOf(records)).toEqual(Array<string>(21).fill('MESSAGE_WITHOUT_DATE'));
      expect(records.at(-1)).toMatchObject({
        type: 'warning',
        message: expect.stringMatching(/^10 more warnings/),
      });
    });
  });

  describe('broken input', () => {
    it('stops a truncated file with TRUNCATED at its end, after every complete message before it', async () => {
      const full = exportJson(
        chat([message({ text: 'one' }), message({ text: 'two' }), message({ text: 'three' })]),
      );
      const cut = full.slice(0, full.indexOf('three') + 2);
      const { records, error } = await read(cut);
      expect(messagesOf(records).map((m) => m.text)).toEqual(['one', 'two']);
      expect(error?.code).toBe('TRUNCATED');
      expect(error?.position).toEqual({ entry: 'result.json', byte: Buffer.byteLength(cut) });
    });

    it('stops at invalid JSON in the middle with INVALID_JSON at the byte where it breaks', async () => {
      const json = exportJson(
        chat([message({ text: 'good' }), message({ text: 'BROKEN' }), message({ text: 'after' })]),
      ).replace('"BROKEN"', '"broken" "oops"');
      const { records, error } = await read(json);
      expect(messagesOf(records).map((m) => m.text)).toEqual(['good']);
      expect(error?.code).toBe('INVALID_JSON');
      expect(error?.position).toEqual({ entry: 'result.json', byte: byteOf(json, '"oops"') });
    });

    it('stops at bytes that are not UTF-8 with INVALID_UTF8 at the first bad byte', async () => {
      const [before, after] = exportJson(
        chat([message({ text: 'fine' }), message({ text: 'BAD' })]),
      ).split('BAD');
      const json = Buffer.concat([
        Buffer.from(`${before!}ok `),
        Buffer.from([0xc3, 0x28]),
        Buffer.from(after!),
      ]);
      const { records, error } = await read(json);
      expect(messagesOf(records).map((m) => m.text)).toEqual(['fine']);
      expect(error?.code).toBe('INVALID_UTF8');
      expect(error?.position.byte).toBe(Buffer.byteLength(`${before!}ok `));
    });

    it('stops at a message larger than the record limit with RECORD_TOO_LARGE at its start', async () => {
      const json = exportJson(
        chat([message({ text: 'small' }), message({ text: 'x'.repeat(10_000) }), message()]),
      );
      const { records, error } = await read(json, { maxRecordBytes: 1000, chunkBytes: 4096 });
      expect(messagesOf(records).map((m) => m.text)).toEqual(['small']);
      expect(error?.code).toBe('RECORD_TOO_LARGE');
      const start = json.lastIndexOf('{', json.indexOf('xxxx'));
      expect(error?.position).toEqual({ entry: 'result.json', byte: start });
    });

    it('refuses JSON that is not a Telegram export with INVALID_FORMAT, yielding nothing', async () => {
      const discord = exportJson({
        guild: { id: '1', name: 'Server' },
        channel: { id: '2', name: 'general' },
        messages: [
          {
            id: '3',
            type: 'Default',
            timestamp: '2020-01-01T00:00:00+00:00',
            content: 'hi',
            author: { name: 'Ana' },
          },
        ],
      });
      for (const json of [discord, '[{"id": 1}]', '{"hello": "world"}', '"just text"', '42']) {
        const { records, error } = await read(json);
        expect(records).toEqual([]);
        expect(error?.code, json).toBe('INVALID_FORMAT');
      }
    });

    it('skips, with a warning, an item of a messages list that is not a message', async () => {
      const records = await readOk(
        exportJson(chat([message({ text: 'real' }), 'stray string', message({ text: 'next' })])),
      );
      expect(messagesOf(records).map((m) => m.text)).toEqual(['real', 'next']);
      expect(warningsOf(records)).toEqual(['MESSAGE_SKIPPED']);
    });
  });
});

function records0(records: readonly ReadRecord[]): Extract<ReadRecord, { type: 'conversation' }> {
  const first = records.find((record) => record.type === 'conversation');
  if (first?.type !== 'conversation') throw new Error('no conversation record');
  return first;
}
