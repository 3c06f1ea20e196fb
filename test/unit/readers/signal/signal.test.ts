import { describe, expect, it } from 'vitest';
import { createSignalReader, readSignalText } from '../../../../src/main/engine/readers/signal';
import { memorySource } from '../../../support/memory-source';
import { messagesOf, participantsOf } from '../../../support/read-records';
import { conversationsOf, readOutcome, warningsOf } from '../../../support/read-outcome';
import { chatMarkdown, type SignalMessage } from './make-export';

const at = (h: number, mi: number, s = 0): SignalMessage['at'] => [2024, 3, 9, h, mi, s];

async function readChat(files: Readonly<Record<string, string>>, timeZone = 'UTC') {
  const outcome = await readOutcome(
    readSignalText,
    memorySource(files, {
      chunkBytes: 5,
      container: Object.keys(files).length === 1 && 'chat.md' in files ? 'file' : 'zip',
    }),
    { timeZone },
  );
  expect(outcome.error).toBeNull();
  return outcome.records;
}

describe('Signal reader (signal-export Markdown)', () => {
  it('reads both exporter styles: minutes with a comma, and seconds', async () => {
    const messages: SignalMessage[] = [
      { at: at(15, 4, 59), sender: 'Me', body: 'How is everyone?' },
      { at: at(15, 10, 7), sender: 'Aya', body: "We're great! 😀" },
    ];
    for (const [style, seconds] of [
      ['minutes', [0, 0]],
      ['seconds', [59, 7]],
    ] as const) {
      const records = await readChat({ 'Family/chat.md': chatMarkdown(messages, style) });
      expect(messagesOf(records).map((m) => [m.sender, m.text, m.kind, m.sentAt])).toEqual([
        ['Me', 'How is everyone?', 'text', Date.UTC(2024, 2, 9, 15, 4, seconds[0])],
        ['Aya', "We're great! 😀", 'text', Date.UTC(2024, 2, 9, 15, 10, seconds[1])],
      ]);
    }
  });

  it('names the chat after its folder and lists each sender once', async () => {
    const records = await readChat({
      'Family 家族/chat.md': chatMarkdown([
        { at: at(9, 0), sender: 'Me', body: 'a' },
        { at: at(9, 1), sender: '李雷', body: 'b' },
        { at: at(9, 2), sender: 'Me', body: 'c' },
      ]),
    });
    expect(conversationsOf(records)).toEqual([
      {
        type: 'conversation',
        ref: 'chat-1',
        platform: 'signal',
        title: 'Family 家族',
        identity: 'signal:Family 家族',
      },
    ]);
    expect(participantsOf(records)).toEqual(['Me', '李雷']);
  });

  it('keeps the lines of a message and drops the Markdown line breaks and blank lines between messages', async () => {
    const records = await readChat({
      'A/chat.md': chatMarkdown([
        { at: at(9, 0), sender: 'Aya', body: 'line one\nline two\n\nafter a blank' },
        { at: at(9, 1), sender: 'Me', body: 'ok' },
      ]),
    });
    expect(messagesOf(records).map((m) => m.text)).toEqual([
      'line one\nline two\n\nafter a blank',
      'ok',
    ]);
  });

  it('reads reactions, files in media/ and old-style stickers', async () => {
    const files = {
      'Aya/chat.md': chatMarkdown([
        {
          at: at(9, 0),
          sender: 'Aya',
          body: 'look',
          reactions: [
            ['Me', '👍'],
            ['Jim', '❤️'],
            ['Bo', '👍'],
          ],
          files: ['2024-03-09T09-00-00.000_00_IMG 1.jpg', 'voice note.m4a'],
        },
        { at: at(9, 1), sender: 'Me', sticker: '😀' },
      ]),
      'Aya/media/2024-03-09T09-00-00.000_00_IMG 1.jpg': 'jpeg',
    };
    const [photo, sticker] = messagesOf(await readChat(files));
    expect(photo).toMatchObject({
      kind: 'media',
      text: 'look',
      reactions: [
        { emoji: '👍', count: 2, senders: ['Me', 'Bo'] },
        { emoji: '❤️', count: 1, senders: ['Jim'] },
      ],
      attachments: [
        {
          entryPath: 'Aya/media/2024-03-09T09-00-00.000_00_IMG 1.jpg',
          name: '2024-03-09T09-00-00.000_00_IMG 1.jpg',
          mime: 'image/jpeg',
        },
        { entryPath: null, name: 'voice note.m4a', mime: 'audio/mp4' },
      ],
    });
    expect(sticker).toMatchObject({
      kind: 'media',
      text: '',
      attachments: [{ entryPath: null, name: '😀', mime: null }],
    });
  });

  it('keeps a quoted reply before the text, marked with ">"', async () => {
    const [reply] = messagesOf(
      await readChat({
        'A/chat.md': chatMarkdown([
          { at: at(9, 0), sender: 'Me', quote: 'are you\ncoming?', body: 'yes' },
        ]),
      }),
    );
    expect(reply?.text).toBe('> are you\n> coming?\n\nyes');
  });

  it('keeps links a person wrote to web pages as text', async () => {
    const [message] = messagesOf(
      await readChat({
        'A/chat.md': chatMarkdown([
          { at: at(9, 0), sender: 'Me', body: 'see [the docs](https://example.com/a)' },
        ]),
      }),
    );
    expect(message).toMatchObject({
      kind: 'text',
      text: 'see [the docs](https://example.com/a)',
      attachments: [],
    });
  });

  it('reads deleted messages as kind other and calls as kind call', async () => {
    const records = await readChat({
      'A/chat.md': chatMarkdown([
        { at: at(9, 0), sender: 'Aya', deleted: true },
        { at: at(9, 1), sender: 'Me', body: 'Outgoing voice call (accepted, 1m 3s)' },
        { at: at(9, 2), sender: 'Aya', body: 'Missed video call' },
      ]),
    });
    expect(messagesOf(records).map((m) => [m.kind, m.text])).toEqual([
      ['other', '(This message was deleted)'],
      ['call', 'Outgoing voice call (accepted, 1m 3s)'],
      ['call', 'Missed video call'],
    ]);
  });

  it('reads every chat folder of a whole export, in order of their names', async () => {
    const records = await readChat({
      'signal-export/Zed/chat.md': chatMarkdown([{ at: at(9, 0), sender: 'Zed', body: 'z' }]),
      'signal-export/Aya/chat.md': chatMarkdown([{ at: at(9, 0), sender: 'Aya', body: 'a' }]),
      'signal-export/Aya/index.html': '<html></html>',
      'signal-export/Aya/data.json': '{}',
    });
    expect(conversationsOf(records).map((c) => [c.ref, c.title])).toEqual([
      ['chat-1', 'Aya'],
      ['chat-2', 'Zed'],
    ]);
  });

  it('warns that a bare chat.md does not name its chat', async () => {
    const records = await readChat({
      'chat.md': chatMarkdown([{ at: at(9, 0), sender: 'Aya', body: 'a' }]),
    });
    expect(conversationsOf(records)[0]?.title).toBe('Signal chat');
    expect(warningsOf(records).map((w) => w.code)).toEqual(['CHAT_NAME_UNKNOWN']);
  });

  it('reads times in the zone it is given', async () => {
    const records = await readChat(
      {
        'A/chat.md': chatMarkdown([
          { at: [2024, 7, 1, 12, 0, 0], sender: 'Me', body: 'noon in Berlin' },
        ]),
      },
      'Europe/Berlin',
    );
    expect(messagesOf(records)[0]?.sentAt).toBe(Date.UTC(2024, 6, 1, 10, 0, 0));
  });

  it('maps "No-Sender" to no sender', async () => {
    const [message] = messagesOf(
      await readChat({
        'A/chat.md': chatMarkdown([{ at: at(9, 0), sender: 'No-Sender', body: 'who?' }]),
      }),
    );
    expect(message).toMatchObject({ sender: null, text: 'who?' });
  });
});

describe('Signal reader: broken input', () => {
  it('stops at bytes that are not UTF-8, naming file, line and byte, keeping the messages before', async () => {
    const text = chatMarkdown([
      { at: at(9, 0), sender: 'Aya', body: 'one' },
      { at: at(9, 1), sender: 'Aya', body: 'two' },
      { at: at(9, 2), sender: 'Aya', body: 'BAD' },
    ]);
    const bytes = Buffer.from(text);
    const byte = bytes.indexOf('BAD');
    bytes[byte] = 0xfe;
    const { records, error } = await readOutcome(
      readSignalText,
      memorySource({ 'Aya/chat.md': bytes }, { container: 'folder', chunkBytes: 8 }),
      { timeZone: 'UTC' },
    );
    expect(error).toMatchObject({
      code: 'INVALID_UTF8',
      position: { entry: 'Aya/chat.md', byte, line: 5 },
    });
    expect(messagesOf(records).map((m) => m.text)).toEqual(['one', 'two']);
  });

  it('stops at a message over the record limit', async () => {
    const text = chatMarkdown([
      { at: at(9, 0), sender: 'Aya', body: 'small' },
      { at: at(9, 1), sender: 'Aya', body: `long\n${'x'.repeat(200)}\n${'y'.repeat(200)}` },
    ]);
    const { records, error } = await readOutcome(
      createSignalReader({ maxRecordBytes: 300 }),
      memorySource({ 'Aya/chat.md': text }, { container: 'folder' }),
      { timeZone: 'UTC' },
    );
    expect(error).toMatchObject({
      code: 'RECORD_TOO_LARGE',
      position: { entry: 'Aya/chat.md', line: 3 },
    });
    expect(messagesOf(records).map((m) => m.text)).toEqual(['small']);
  });

  it('refuses a file without Signal messages, naming it', async () => {
    const { error } = await readOutcome(
      readSignalText,
      memorySource({ 'notes.md': '# Notes\nnothing\n' }),
      {
        timeZone: 'UTC',
      },
    );
    expect(error).toMatchObject({ code: 'INVALID_FORMAT', position: { entry: 'notes.md' } });
  });
});
