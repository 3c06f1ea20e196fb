import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ReadRecord } from '../../../../src/main/engine/readers/records';
import { eachRecord } from '../../../support/each-record';
import { readTelegramHtml } from '../../../../src/main/engine/readers/telegram-html';
import { memorySource } from '../../../support/memory-source';
import { messagesOf, participantsOf } from '../../../support/read-records';
import {
  conversationsOf,
  readOutcome,
  warningsOf,
  type ReadOutcome,
} from '../../../support/read-outcome';
import {
  defaultMessage,
  genericMedia,
  page,
  photo,
  serviceMessage,
  type HtmlMessage,
} from './generate';

// Streamed 3 bytes at a time: tags, entities and UTF-8 characters are cut across chunks.
const CHUNK = 3;

function readPages(
  files: Readonly<Record<string, string | Buffer>>,
  timeZone = 'UTC',
): Promise<ReadOutcome> {
  const container = Object.keys(files).length === 1 ? 'file' : 'folder';
  const source = memorySource(files, { chunkBytes: CHUNK, container });
  return readOutcome(readTelegramHtml, source, { timeZone });
}

async function readOk(files: Readonly<Record<string, string | Buffer>>, timeZone = 'UTC') {
  const { records, error } = await readPages(files, timeZone);
  expect(error).toBeNull();
  return records;
}

const chat = (...messages: HtmlMessage[]) => page('Ana Lima', messages.map(defaultMessage));

describe('the Telegram Desktop HTML reader', () => {
  describe('chats and senders', () => {
    it('reads the chat named in the page header, its messages with ids, senders, times and texts', async () => {
      const records = await readOk({
        'messages.html': chat(
          {
            id: 1,
            from: 'Ana Lima',
            title: '23.08.2023 13:11:23 UTC+00:00',
            html: 'hi &amp; welcome',
          },
          { id: 2, from: 'Bo', title: '23.08.2023 13:13:20 UTC+00:00', html: 'hello' },
        ),
      });
      expect(conversationsOf(records)).toEqual([
        {
          type: 'conversation',
          ref: 'telegram-html-1',
          platform: 'telegram',
          title: 'Ana Lima',
          identity: 'telegram:title:Ana Lima',
        },
      ]);
      expect(participantsOf(records)).toEqual(['Ana Lima', 'Bo']);
      expect(messagesOf(records)[0]).toEqual({
        externalId: '1',
        sentAt: Date.parse('2023-08-23T13:11:23Z'),
        sender: 'Ana Lima',
        text: 'hi & welcome',
        kind: 'text',
        replyToExternalId: null,
        forwardedFrom: null,
        editedAt: null,
        reactions: [],
        entities: null,
        attachments: [],
      });
    });

    it('gives a "joined" message, which names no sender, the sender of the message before it', async () => {
      const records = await readOk({
        'messages.html': chat(
          { id: 1, from: 'Bo', html: 'one' },
          { id: 2, joined: true, html: 'two' },
          { id: 3, from: 'Ana Lima', html: 'three' },
          { id: 4, joined: true, html: 'four' },
        ),
      });
      expect(messagesOf(records).map((m) => [m.sender, m.text])).toEqual([
        ['Bo', 'one'],
        ['Bo', 'two'],
        ['Ana Lima', 'three'],
        ['Ana Lima', 'four'],
      ]);
    });

    it('reads the pages of a chat in order, carrying the sender over to the next page', async () => {
      const records = await readOk({
        'messages10.html': chat({ id: 3, joined: true, html: 'page ten' }),
        'messages2.html': chat({ id: 2, joined: true, html: 'page two' }),
        'messages.html': chat({ id: 1, from: 'Bo', html: 'page one' }),
      });
      expect(conversationsOf(records)).toHaveLength(1);
      expect(messagesOf(records).map((m) => [m.sender, m.text])).toEqual([
        ['Bo', 'page one'],
        ['Bo', 'page two'],
        ['Bo', 'page ten'],
      ]);
    });

    it('reads each chat folder of a whole-account export as its own conversation', async () => {
      const records = await readOk({
        'export_results.html': '<html><body>index</body></html>',
        'chats/chat_1/messages.html': page('Ana Lima', [defaultMessage({ id: 1, html: 'a' })]),
        'chats/chat_2/messages.html': page('Bo', [defaultMessage({ id: 1, html: 'b' })]),
        'chats/chat_3/messages.html': page('Bo', [defaultMessage({ id: 1, html: 'c' })]),
      });
      expect(conversationsOf(records).map((c) => [c.title, c.identity])).toEqual([
        ['Ana Lima', 'telegram:title:Ana Lima'],
        ['Bo', 'telegram:title:Bo'],
        ['Bo', 'telegram:title:Bo#chats/chat_3'],
      ]);
    });
  });

  describe('text', () => {
    it('turns <br> into line breaks and drops the layout newlines of the markup', async () => {
      const [message] = messagesOf(
        await readOk({
          'messages.html': chat({ id: 1, html: 'first line<br>second  line<br><br>third' }),
        }),
      );
      expect(message?.text).toBe('first line\nsecond  line\n\nthird');
    });

    it('keeps formatting and links as entities with UTF-16 offsets', async () => {
      const html =
        '👋 <strong>bold</strong> <a href="https://example.com">site</a> <a href="https://t.me/ana">@ana</a> <a href="https://x.org">https://x.org</a> <span class="spoiler hidden" onclick="ShowSpoiler(this)"><span aria-hidden="true">secret</span></span>';
      const [message] = messagesOf(await readOk({ 'messages.html': chat({ id: 1, html }) }));
      const text = '👋 bold site @ana https://x.org secret';
      expect(message?.text).toBe(text);
      expect(message?.entities).toEqual([
        { type: 'bold', offset: text.indexOf('bold'), length: 4 },
        {
          type: 'text_link',
          offset: text.indexOf('site'),
          length: 4,
          value: 'https://example.com',
        },
        { type: 'mention', offset: text.indexOf('@ana'), length: 4 },
        { type: 'link', offset: text.indexOf('https'), length: 13 },
        { type: 'spoiler', offset: text.indexOf('secret'), length: 6 },
      ]);
    });

    it('reads characters cut across chunks, and names with entities', async () => {
      const records = await readOk({
        'messages.html': chat({ id: 1, from: 'Batman & Robin', html: '今天吃饺子了吗 🥟 &lt;3' }),
      });
      expect(messagesOf(records).map((m) => [m.sender, m.text])).toEqual([
        ['Batman & Robin', '今天吃饺子了吗 🥟 <3'],
      ]);
    });
  });

  describe('service messages, replies and forwards', () => {
    it('reads service messages as system lines at the latest time known, and day separators as none', async () => {
      const records = await readOk({
        'messages.html': page('Group', [
          serviceMessage(-1, '23 August 2023'),
          serviceMessage(1, 'Ana Lima created group &laquo;Group&raquo;'),
          defaultMessage({ id: 2, title: '23.08.2023 13:11:23 UTC+00:00', html: 'hi' }),
          serviceMessage(-2, '24 August 2023'),
          serviceMessage(3, 'Bo joined group by link from Ana Lima'),
        ]),
      });
      expect(
        messagesOf(records).map((m) => [m.externalId, m.kind, m.sender, m.text, m.sentAt]),
      ).toEqual([
        ['1', 'system', null, 'Ana Lima created group «Group»', Date.parse('2023-08-23T00:00:00Z')],
        ['2', 'text', 'Ana Lima', 'hi', Date.parse('2023-08-23T13:11:23Z')],
        [
          '3',
          'system',
          null,
          'Bo joined group by link from Ana Lima',
          Date.parse('2023-08-24T00:00:00Z'),
        ],
      ]);
    });

    it('links replies to the message they answer, but not to one in another chat', async () => {
      const messages = messagesOf(
        await readOk({
          'messages.html': chat(
            { id: 1, html: 'question' },
            { id: 2, replyTo: 1, html: 'answer' },
            { id: 3, replyTo: 'other chat', html: 'elsewhere' },
          ),
        }),
      );
      expect(messages.map((m) => [m.replyToExternalId, m.text])).toEqual([
        [null, 'question'],
        ['1', 'answer'],
        [null, 'elsewhere'],
      ]);
    });

    it('reads the origin of a forward, also for a joined forward that does not repeat it', async () => {
      const messages = messagesOf(
        await readOk({
          'messages.html': chat(
            { id: 1, forwardedFrom: 'News Channel', html: 'breaking' },
            { id: 2, joined: true, forwardedFrom: '', html: 'more' },
          ).replace(
            /<div class="forwarded body">\n {8}<div class="from_name">\n<span[^\n]*\n {8}<\/div>/,
            '<div class="forwarded body">',
          ),
        }),
      );
      expect(messages.map((m) => [m.sender, m.forwardedFrom, m.text])).toEqual([
        ['Ana Lima', 'News Channel', 'breaking'],
        ['Ana Lima', 'News Channel', 'more'],
      ]);
    });
  });

  describe('media', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff]);

    it('resolves a downloaded photo from the folder of the page, with a warning for one the export lacks', async () => {
      const records = await readOk({
        'ChatExport/messages.html': chat(
          { id: 1, media: photo('photos/photo_1@23-08-2023_13-11-23.jpg') },
          { id: 2, media: photo('photos/photo_2@23-08-2023_13-11-24.jpg') },
        ),
        'ChatExport/photos/photo_1@23-08-2023_13-11-23.jpg': jpeg,
      });
      const messages = messagesOf(records);
      expect(messages.map((m) => [m.kind, m.attachments])).toEqual([
        [
          'media',
          [
            {
              entryPath: 'ChatExport/photos/photo_1@23-08-2023_13-11-23.jpg',
              name: 'photo_1@23-08-2023_13-11-23.jpg',
              mime: 'image/jpeg',
            },
          ],
        ],
        [
          'media',
          [{ entryPath: null, name: 'photo_2@23-08-2023_13-11-24.jpg', mime: 'image/jpeg' }],
        ],
      ]);
      expect(warningsOf(records)).toMatchObject([
        { code: 'MEDIA_NOT_FOUND', entry: 'ChatExport/messages.html' },
      ]);
    });

    it('reads files, voice messages and left-out files from generic media blocks', async () => {
      const messages = messagesOf(
        await readOk({
          'messages.html': chat(
            {
              id: 1,
              media: genericMedia('media_file', {
                href: 'files/report.pdf',
                title: 'report.pdf',
                status: '12.0 KB',
              }),
              html: 'the report',
            },
            {
              id: 2,
              media: genericMedia('media_voice_message', {
                href: 'voice_messages/audio_1@23-08-2023_13-11-23.ogg',
                title: 'Voice message',
                status: '00:05',
              }),
            },
            {
              id: 3,
              media: genericMedia('media_photo', {
                title: 'Photo',
                description: 'Not included, change data exporting settings to download.',
                status: '1280x960, 120.0 KB',
              }),
            },
          ),
          'files/report.pdf': 'pdf',
          'voice_messages/audio_1@23-08-2023_13-11-23.ogg': 'ogg',
        }),
      );
      expect(messages.map((m) => [m.kind, m.text, m.attachments])).toEqual([
        [
          'media',
          'the report',
          [{ entryPath: 'files/report.pdf', name: 'report.pdf', mime: 'application/pdf' }],
        ],
        [
          'media',
          '',
          [
            {
              entryPath: 'voice_messages/audio_1@23-08-2023_13-11-23.ogg',
              name: 'audio_1@23-08-2023_13-11-23.ogg',
              mime: 'audio/ogg',
            },
          ],
        ],
        ['media', '', [{ entryPath: null, name: 'Photo', mime: 'image/jpeg' }]],
      ]);
    });

    it('reads a call as a call line, and polls, contacts and locations as other messages', async () => {
      const poll = [
        '       <div class="media_wrap clearfix">',
        '        <div class="media_poll">',
        '         <div class="question bold">',
        'Pizza or pasta?',
        '         </div>',
        '         <div class="details">',
        'Anonymous poll',
        '         </div>',
        '         <div class="answer">',
        '- Pizza <span class="details">2 votes</span>',
        '         </div>',
        '         <div class="answer">',
        '- Pasta',
        '         </div>',
        '        </div>',
        '       </div>',
      ].join('\n');
      const messages = messagesOf(
        await readOk({
          'messages.html': chat(
            {
              id: 1,
              media: genericMedia('media_call success', {
                title: 'Bo',
                status: 'Outgoing (56 seconds)',
              }),
            },
            { id: 2, media: genericMedia('media_call', { title: 'Bo', status: 'Missed' }) },
            { id: 3, media: poll },
            {
              id: 4,
              media: genericMedia('media_contact', { title: 'Cy Dora', status: '+1 555 0100' }),
            },
            {
              id: 5,
              media: genericMedia('media_location', {
                href: 'https://maps.google.com/maps?q=1,2',
                title: 'Location',
                status: '52.52, 13.405',
              }),
            },
          ),
        }),
      );
      expect(messages.map((m) => [m.kind, m.text])).toEqual([
        ['call', 'Call (0:56)'],
        ['call', 'Missed call'],
        ['other', 'Poll: Pizza or pasta?\n- Pizza\n- Pasta'],
        ['other', 'Contact: Cy Dora, +1 555 0100'],
        ['other', 'Location: 52.52, 13.405'],
      ]);
    });
  });

  describe('times', () => {
    it('reads a summer time exactly in the zone the export was made in, although the label gives the standard offset', async () => {
      const html = chat({ id: 1, title: '23.08.2023 13:11:23 UTC-08:00', html: 'x' });
      const records = await readOk({ 'messages.html': html }, 'America/Los_Angeles');
      expect(messagesOf(records)[0]?.sentAt).toBe(Date.parse('2023-08-23T20:11:23Z'));
      expect(warningsOf(records)).toEqual([]);
    });

    it('takes the label’s offset as it stands in another zone, and warns that summer times may be an hour off', async () => {
      const html = chat({ id: 1, title: '23.08.2023 13:11:23 UTC-08:00', html: 'x' });
      const records = await readOk({ 'messages.html': html }, 'Europe/Berlin');
      expect(messagesOf(records)[0]?.sentAt).toBe(Date.parse('2023-08-23T21:11:23Z'));
      expect(warningsOf(records).map((w) => w.code)).toEqual(['TIME_OFFSET_GUESSED']);
    });

    it('reads a title without an offset (older versions) in the reader’s zone', async () => {
      const html = chat({ id: 1, title: '23.01.2023 13:11:23', html: 'x' });
      const records = await readOk({ 'messages.html': html }, 'Europe/Berlin');
      expect(messagesOf(records)[0]?.sentAt).toBe(Date.parse('2023-01-23T12:11:23Z'));
    });

    it('places a message without a readable time at the time before it, with a warning naming its byte', async () => {
      const html = chat({ id: 1, html: 'a' }, { id: 2, title: 'yesterday', html: 'b' });
      const records = await readOk({ 'messages.html': html });
      const [a, b] = messagesOf(records);
      expect(b?.sentAt).toBe(a?.sentAt);
      const [warning] = warningsOf(records);
      expect(warning?.code).toBe('MESSAGE_WITHOUT_DATE');
      expect(warning?.message).toContain(
        `byte ${Buffer.byteLength(html.slice(0, html.indexOf('<div class="message default clearfix" id="message2"')))}`,
      );
    });
  });

  describe('broken input', () => {
    const two = chat({ id: 1, html: 'kept 🥟' }, { id: 2, html: 'lost' });

    it('stops a page cut inside a message with TRUNCATED at its end, after the messages before it', async () => {
      const cut = two.slice(0, two.indexOf('lost'));
      const { records, error } = await readPages({ 'messages.html': cut });
      expect(messagesOf(records).map((m) => m.text)).toEqual(['kept 🥟']);
      expect(error?.code).toBe('TRUNCATED');
      expect(error?.position).toEqual({ entry: 'messages.html', byte: Buffer.byteLength(cut) });
    });

    it('reports a page cut between messages as TRUNCATED, keeping every message', async () => {
      const cut = two.slice(0, two.indexOf('    </div>\n   </div>\n  </div>'));
      const { records, error } = await readPages({ 'messages.html': cut });
      expect(messagesOf(records).map((m) => m.text)).toEqual(['kept 🥟', 'lost']);
      expect(error?.code).toBe('TRUNCATED');
    });

    it('stops at bytes that are not UTF-8 with INVALID_UTF8 at the first bad byte', async () => {
      const text = Buffer.from(two);
      const at = text.indexOf('lost');
      text[at] = 0xff;
      const { records, error } = await readPages({ 'messages.html': text });
      expect(messagesOf(records).map((m) => m.text)).toEqual(['kept 🥟']);
      expect(error?.code).toBe('INVALID_UTF8');
      expect(error?.position).toEqual({ entry: 'messages.html', byte: at });
    });

    it('refuses an HTML page that is not a Telegram page with INVALID_FORMAT', async () => {
      const { records, error } = await readPages({
        'messages.html': '<html><body><p>hello</p></body></html>',
      });
      expect(records).toEqual([]);
      expect(error?.code).toBe('INVALID_FORMAT');
      expect(error?.position.entry).toBe('messages.html');
    });

    it('still reads the next page when one breaks, then reports the break', async () => {
      const { records, error } = await readPages({
        'messages.html': two.slice(0, two.indexOf('lost')),
        'messages2.html': chat({ id: 3, html: 'page two' }),
      });
      expect(messagesOf(records).map((m) => m.text)).toEqual(['kept 🥟', 'page two']);
      expect(error?.code).toBe('TRUNCATED');
      expect(error?.position.entry).toBe('messages.html');
    });
  });

  it('yields the first messages before the page has been read to its end', async () => {
    const blocks = Array.from({ length: 2000 }, (_, index) =>
      defaultMessage({ id: index + 1, html: `message ${index + 1}` }),
    );
    const bytes = Buffer.from(page('Big', blocks));
    let produced = 0;
    const source = memorySource({ 'messages.html': bytes });
    const streamed = {
      ...source,
      open: () => {
        function* chunks(): Generator<Buffer> {
          for (let at = 0; at < bytes.length; at += 4096) {
            produced += 1;
            yield bytes.subarray(at, at + 4096);
          }
        }
        return Promise.resolve(Readable.from(chunks(), { objectMode: false }));
      },
    };
    let producedAtFirst = -1;
    const records: ReadRecord[] = [];
    for await (const record of eachRecord(readTelegramHtml(streamed, { timeZone: 'UTC' }))) {
      if (record.type === 'message' && producedAtFirst < 0) producedAtFirst = produced;
      records.push(record);
    }
    expect(messagesOf(records)).toHaveLength(2000);
    expect(producedAtFirst).toBeGreaterThan(0);
    expect(producedAtFirst).toBeLessThan(produced / 10);
  });
});
