import { describe, expect, it } from 'vitest';
import {
  createMetaReader,
  readInstagramJson,
  readMessengerJson,
} from '../../../../src/main/engine/readers/messenger';
import { memorySource } from '../../../support/memory-source';
import { messagesOf, participantsOf } from '../../../support/read-records';
import {
  conversationsOf,
  messagesIn,
  readOutcome,
  textsOf,
  warningsOf,
} from '../../../support/read-outcome';
import { facebookJson, fbMessage, fbThread, T0, type Json } from './make-export';

// Streamed 5 bytes at a time: tokens, escapes and characters are cut across chunks everywhere.
const CHUNK = 5;

async function readFile(json: string, name = 'message_1.json') {
  const outcome = await readOutcome(
    readMessengerJson,
    memorySource({ [name]: json }, { chunkBytes: CHUNK }),
  );
  expect(outcome.error).toBeNull();
  return outcome.records;
}

describe('Messenger reader: one thread file', () => {
  it('announces the conversation first, titled and identified by the header that follows the messages', async () => {
    const json = facebookJson(
      fbThread(
        [
          fbMessage('Bo Chen', 2, { content: 'later' }),
          fbMessage('Ana Lima', 1, { content: 'first' }),
        ],
        {
          title: 'Bo Chen',
          threadPath: 'inbox/bochen_1234567890',
        },
      ),
    );
    const records = await readFile(json);
    expect(records[0]).toEqual({
      type: 'conversation',
      ref: 'thread-1',
      platform: 'messenger',
      title: 'Bo Chen',
      identity: 'messenger:bochen_1234567890',
    });
    expect(participantsOf(records)).toEqual(['Ana Lima', 'Bo Chen']);
    expect(messagesOf(records).map((m) => [m.sender, m.text, m.sentAt])).toEqual([
      ['Bo Chen', 'later', T0 + 120_000],
      ['Ana Lima', 'first', T0 + 60_000],
    ]);
  });

  it('gives the messages of one millisecond oldest first although the file lists them newest first', async () => {
    const json = facebookJson(
      fbThread(
        [
          fbMessage('Ana Lima', 3, { content: 'after' }),
          fbMessage('Bo Chen', 2, { content: 'third of the same ms' }),
          fbMessage('Ana Lima', 2, { content: 'second of the same ms' }),
          fbMessage('Bo Chen', 2, { content: 'first of the same ms' }),
          fbMessage('Ana Lima', 1, { content: 'before' }),
        ],
        { title: 'Bo Chen', threadPath: 'inbox/bochen_1' },
      ),
    );
    expect(textsOf(await readFile(json))).toEqual([
      'after',
      'first of the same ms',
      'second of the same ms',
      'third of the same ms',
      'before',
    ]);
  });

  it('keeps the order of a file that runs oldest first', async () => {
    const json = facebookJson(
      fbThread(
        [
          fbMessage('Ana Lima', 1, { content: 'a' }),
          fbMessage('Bo Chen', 2, { content: 'b' }),
          fbMessage('Ana Lima', 2, { content: 'c' }),
          fbMessage('Bo Chen', 3, { content: 'd' }),
        ],
        { title: 'Bo Chen', threadPath: 'inbox/bochen_1' },
      ),
    );
    expect(textsOf(await readFile(json))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('names a chat without title or participants after its senders, and still identifies it stably', async () => {
    // The shape of Instagram's minimal sample: only "messages".
    const json = facebookJson({
      messages: [
        fbMessage('John Doe', 2, { content: 'Hello Jane!' }),
        fbMessage('Jane Doe', 1, { content: 'Hello John!' }),
      ],
    });
    const records = await readFile(json);
    expect(conversationsOf(records)).toEqual([
      {
        type: 'conversation',
        ref: 'thread-1',
        platform: 'messenger',
        title: 'Jane Doe, John Doe',
        identity: 'messenger:title:Jane Doe, John Doe',
      },
    ]);
    expect(participantsOf(records)).toEqual(['John Doe', 'Jane Doe']);
  });

  it('reads the same file as Instagram with the Instagram reader', async () => {
    const json = facebookJson(
      fbThread([fbMessage('ana', 1, { content: 'oi' })], {
        title: 'ana',
        threadPath: 'inbox/ana_17841400000000000',
      }),
    );
    const outcome = await readOutcome(readInstagramJson, memorySource({ 'message_1.json': json }));
    expect(conversationsOf(outcome.records)[0]).toMatchObject({
      platform: 'instagram',
      identity: 'instagram:ana_17841400000000000',
    });
  });

  it('skips a UTF-8 byte-order mark', async () => {
    const json = `\ufeff${facebookJson(fbThread([fbMessage('Ana Lima', 1, { content: 'hi' })], { title: 'T', threadPath: 'inbox/t_1' }))}`;
    expect(textsOf(await readFile(json))).toEqual(['hi']);
  });

  it('announces a chat whose file names it only after the hold limit, with a warning, and keeps every message', async () => {
    const messages: Json[] = [];
    for (let minute = 30; minute > 0; minute -= 1)
      messages.push(fbMessage('Ana Lima', minute, { content: `m${minute}` }));
    const json = facebookJson(
      fbThread(messages, { title: 'Late title', threadPath: 'inbox/late_1' }),
    );
    const reader = createMetaReader('messenger', { maxHeldMessages: 10 });
    const outcome = await readOutcome(
      reader,
      memorySource({ 'messages/inbox/late_1/message_1.json': json }, { container: 'zip' }),
    );
    expect(outcome.error).toBeNull();
    expect(warningsOf(outcome.records).map((w) => w.code)).toEqual(['THREAD_NAME_LATE']);
    // Participants are listed before the messages, so they name the chat; the folder identifies it.
    expect(conversationsOf(outcome.records)).toEqual([
      expect.objectContaining({ title: 'Ana Lima, Bo Chen', identity: 'messenger:late_1' }),
    ]);
    expect(textsOf(outcome.records)).toHaveLength(30);
  });
});

describe('Messenger reader: a whole export', () => {
  const thread = (title: string, folder: string, messages: readonly Json[]): string =>
    facebookJson(fbThread(messages, { title, threadPath: `inbox/${folder}` }));

  it('reads every thread folder as its own conversation, each file of a thread in order', async () => {
    const source = memorySource(
      {
        'your_facebook_activity/messages/inbox/zed_222/message_1.json': thread('Zed', 'zed_222', [
          fbMessage('Zed', 9, { content: 'z' }),
        ]),
        'your_facebook_activity/messages/inbox/ana_111/message_2.json': thread('Ana', 'ana_111', [
          fbMessage('Ana', 2, { content: 'older 2' }),
          fbMessage('Ana', 1, { content: 'older 1' }),
        ]),
        'your_facebook_activity/messages/inbox/ana_111/message_1.json': thread('Ana', 'ana_111', [
          fbMessage('Ana', 4, { content: 'newer 4' }),
          fbMessage('Ana', 3, { content: 'newer 3' }),
        ]),
        'your_facebook_activity/messages/autofill_information.json': '{"autofill": []}',
      },
      { chunkBytes: 64 },
    );
    const { records, error } = await readOutcome(readMessengerJson, source);
    expect(error).toBeNull();
    expect(conversationsOf(records).map((c) => [c.ref, c.title, c.identity])).toEqual([
      ['thread-1', 'Ana', 'messenger:ana_111'],
      ['thread-2', 'Zed', 'messenger:zed_222'],
    ]);
    expect(messagesIn(records, 'thread-1').map((m) => m.text)).toEqual([
      'newer 4',
      'newer 3',
      'older 2',
      'older 1',
    ]);
    expect(messagesIn(records, 'thread-2').map((m) => m.text)).toEqual(['z']);
  });

  it('orders the messages of one millisecond oldest first across the boundary of two files', async () => {
    const source = memorySource({
      'messages/inbox/ana_111/message_1.json': thread('Ana', 'ana_111', [
        fbMessage('Ana', 5, { content: 'newest' }),
        fbMessage('Ana', 3, { content: 'same ms, newer' }),
      ]),
      'messages/inbox/ana_111/message_2.json': thread('Ana', 'ana_111', [
        fbMessage('Ana', 3, { content: 'same ms, older' }),
        fbMessage('Ana', 1, { content: 'oldest' }),
      ]),
    });
    const { records } = await readOutcome(readMessengerJson, source);
    expect(textsOf(records)).toEqual(['newest', 'same ms, older', 'same ms, newer', 'oldest']);
  });

  it('gives a thread whose files carry no path the identity of its folder', async () => {
    const source = memorySource({
      'messages/inbox/bo_333/message_1.json': facebookJson(
        fbThread([fbMessage('Bo', 1, { content: 'x' })], { title: 'Bo' }),
      ),
      'messages/inbox/bo_333/photos/1.jpg': 'jpeg',
    });
    const { records } = await readOutcome(readMessengerJson, source);
    expect(conversationsOf(records)[0]).toMatchObject({
      title: 'Bo',
      identity: 'messenger:bo_333',
    });
  });

  it('lists the header participants, then senders the header does not name, each once', async () => {
    const json = facebookJson(
      fbThread(
        [
          fbMessage('Cy', 3, { content: 'left already' }),
          fbMessage('Bo Chen', 2, { content: 'b' }),
          fbMessage('Ana Lima', 1, { content: 'a' }),
        ],
        { title: 'Group', threadPath: 'inbox/group_1' },
      ),
    );
    expect(participantsOf(await readFile(json))).toEqual(['Ana Lima', 'Bo Chen', 'Cy']);
  });
});
