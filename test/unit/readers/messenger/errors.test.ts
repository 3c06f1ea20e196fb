import { describe, expect, it } from 'vitest';
import { createMetaReader, readMessengerJson } from '../../../../src/main/engine/readers/messenger';
import { memorySource } from '../../../support/memory-source';
import {
  conversationsOf,
  messagesIn,
  readOutcome,
  textsOf,
  warningsOf,
} from '../../../support/read-outcome';
import { facebookJson, fbMessage, fbThread } from './make-export';

const goodThread = (title: string, folder: string, texts: readonly string[]): string =>
  facebookJson(
    fbThread(
      texts.map((text, index) => fbMessage(title, texts.length - index, { content: text })),
      { title, threadPath: `inbox/${folder}` },
    ),
  );

describe('Messenger reader: broken input', () => {
  it('keeps the messages before a file is cut short and names the file and byte where it ends', async () => {
    const whole = goodThread('Ana', 'ana_1', ['three', 'two', 'one']);
    const cut = whole.slice(0, whole.indexOf('"one"') + 2);
    const { records, error } = await readOutcome(
      readMessengerJson,
      memorySource({ 'message_1.json': cut }, { chunkBytes: 7 }),
    );
    expect(error).toMatchObject({
      code: 'TRUNCATED',
      position: { entry: 'message_1.json', byte: Buffer.byteLength(cut) },
    });
    expect(error?.message).toContain('message_1.json');
    // The chat is named from what is known (the header follows the messages) and both complete
    // messages are kept.
    expect(conversationsOf(records)).toHaveLength(1);
    expect(textsOf(records)).toEqual(['three', 'two']);
  });

  it('names the byte of invalid JSON inside a message and keeps the messages before it', async () => {
    const whole = goodThread('Ana', 'ana_1', ['fine', 'broken']);
    const at = whole.indexOf('"broken"');
    const bad = `${whole.slice(0, at)}broken"${whole.slice(at + '"broken"'.length)}`;
    const { records, error } = await readOutcome(
      readMessengerJson,
      memorySource({ 'message_1.json': bad }),
    );
    expect(error).toMatchObject({
      code: 'INVALID_JSON',
      position: { entry: 'message_1.json', byte: at },
    });
    expect(textsOf(records)).toEqual(['fine']);
  });

  it('reads the other threads of an export when one file breaks, and reports the break at the end', async () => {
    const broken = goodThread('Bo', 'bo_2', ['bo newer', 'bo older']);
    const source = memorySource(
      {
        'messages/inbox/ana_1/message_1.json': goodThread('Ana', 'ana_1', ['ana']),
        'messages/inbox/bo_2/message_1.json': broken.slice(0, broken.indexOf('"bo older"')),
        'messages/inbox/cy_3/message_1.json': goodThread('Cy', 'cy_3', ['cy']),
      },
      { container: 'zip' },
    );
    const { records, error } = await readOutcome(readMessengerJson, source);
    expect(error).toMatchObject({
      code: 'TRUNCATED',
      position: { entry: 'messages/inbox/bo_2/message_1.json' },
    });
    expect(conversationsOf(records).map((c) => c.identity)).toEqual([
      'messenger:ana_1',
      'messenger:bo_2',
      'messenger:cy_3',
    ]);
    expect(messagesIn(records, 'thread-2').map((m) => m.text)).toEqual(['bo newer']);
    expect(messagesIn(records, 'thread-3').map((m) => m.text)).toEqual(['cy']);
  });

  it('refuses a lone JSON file that is no chat, naming it', async () => {
    const { records, error } = await readOutcome(
      readMessengerJson,
      memorySource({ 'message_1.json': '[{"sender_name": "Ana"}]' }),
    );
    expect(records).toEqual([]);
    expect(error).toMatchObject({
      code: 'INVALID_FORMAT',
      position: { entry: 'message_1.json', byte: 0 },
    });
    const noMessages = await readOutcome(
      readMessengerJson,
      memorySource({ 'message_1.json': '{"participants": [], "title": "x"}' }),
    );
    expect(noMessages.error?.message).toMatch(/message_1\.json .*no "messages" list/);
  });

  it('skips a JSON file beside the chats of an encrypted download that is no chat, with a warning', async () => {
    const source = memorySource(
      {
        'ana_1.json': JSON.stringify({
          participants: ['Ana'],
          threadName: 'Ana',
          messages: [{ senderName: 'Ana', timestamp: 1_700_000_000_000, text: 'hi' }],
        }),
        'manifest.json': '{"version": 2}',
      },
      { container: 'zip' },
    );
    const { records, error } = await readOutcome(readMessengerJson, source);
    expect(error).toBeNull();
    expect(textsOf(records)).toEqual(['hi']);
    expect(warningsOf(records)).toEqual([
      expect.objectContaining({ code: 'NOT_A_CHAT', entry: 'manifest.json' }),
    ]);
  });

  it('skips a message without a time with a warning naming the file and byte', async () => {
    const json = facebookJson(
      fbThread(
        [fbMessage('Ana', 2, { content: 'ok' }), { sender_name: 'Ana', content: 'no time' }],
        {
          title: 'Ana',
          threadPath: 'inbox/ana_1',
        },
      ),
    );
    const { records, error } = await readOutcome(
      readMessengerJson,
      memorySource({ 'message_1.json': json }),
    );
    expect(error).toBeNull();
    expect(textsOf(records)).toEqual(['ok']);
    const [warning] = warningsOf(records);
    expect(warning).toMatchObject({ code: 'MESSAGE_SKIPPED', entry: 'message_1.json' });
    expect(warning?.message).toMatch(/at byte \d+ was skipped: it has no timestamp/);
  });

  it('stops at a message over the record limit with RECORD_TOO_LARGE, keeping the ones before', async () => {
    const json = goodThread('Ana', 'ana_1', ['small', 'x'.repeat(5000)]);
    const reader = createMetaReader('messenger', { maxRecordBytes: 1000 });
    const { records, error } = await readOutcome(reader, memorySource({ 'message_1.json': json }));
    expect(error).toMatchObject({
      code: 'RECORD_TOO_LARGE',
      position: { entry: 'message_1.json' },
    });
    expect(textsOf(records)).toEqual(['small']);
  });

  it('says so when a zip holds no chat at all', async () => {
    const { error } = await readOutcome(
      readMessengerJson,
      memorySource({ 'photos/a.jpg': 'x', 'README.txt': 'x' }, { container: 'zip' }),
    );
    expect(error).toMatchObject({ code: 'ENTRY_MISSING' });
    expect(error?.message).toContain('message_1.json');
  });
});
