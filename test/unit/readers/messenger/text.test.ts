import { describe, expect, it } from 'vitest';
import { readMessengerJson } from '../../../../src/main/engine/readers/messenger';
import { memorySource } from '../../../support/memory-source';
import { messagesOf, participantsOf } from '../../../support/read-records';
import { conversationsOf, readOutcome, textsOf } from '../../../support/read-outcome';
import { facebookJson, fbMessage, fbThread, plainJson, T0 } from './make-export';

async function read(json: string, name = 'message_1.json') {
  const outcome = await readOutcome(
    readMessengerJson,
    memorySource({ [name]: json }, { chunkBytes: 3 }),
  );
  expect(outcome.error).toBeNull();
  return outcome.records;
}

describe('Messenger reader: text and its encoding', () => {
  it('repairs the mojibake of names, texts, titles and reactions: accents, CJK and emoji', async () => {
    const json = facebookJson(
      fbThread(
        [
          fbMessage('Zoë Çelik', 2, {
            content: 'Café à 8h? 你好 😀',
            reactions: [{ reaction: '❤️', actor: '李雷' }],
          }),
          fbMessage('李雷', 1, { content: 'こんにちは、Zoë！ 🇯🇵' }),
        ],
        { title: 'Zoë et 李雷', participants: ['Zoë Çelik', '李雷'], threadPath: 'inbox/zoe_1' },
      ),
    );
    expect(json).toContain('\\u00c3\\u00a9'); // the file really is mojibake
    const records = await read(json);
    expect(conversationsOf(records)[0]?.title).toBe('Zoë et 李雷');
    expect(participantsOf(records)).toEqual(['Zoë Çelik', '李雷']);
    expect(messagesOf(records).map((m) => [m.sender, m.text])).toEqual([
      ['Zoë Çelik', 'Café à 8h? 你好 😀'],
      ['李雷', 'こんにちは、Zoë！ 🇯🇵'],
    ]);
    expect(messagesOf(records)[0]?.reactions).toEqual([
      { emoji: '❤️', count: 1, senders: ['李雷'] },
    ]);
  });

  it('reads "Ã©" typed by a person as "Ã©": Facebook escaped its bytes once, the repair undoes that once', async () => {
    const json = facebookJson(
      fbThread([fbMessage('Ana', 1, { content: 'mojibake looks like Ã© and Ã¼' })], {
        title: 'T',
        threadPath: 'inbox/t_1',
      }),
    );
    expect(textsOf(await read(json))).toEqual(['mojibake looks like Ã© and Ã¼']);
  });

  it('leaves text that is not valid mojibake as it is ("café" written correctly, a lone "Ã")', async () => {
    // A correctly written Latin-1 accent is one character whose byte is no UTF-8 on its own.
    const json = plainJson(
      fbThread(
        [
          fbMessage('Ana', 2, { content: 'café crème' }),
          fbMessage('Ana', 1, { content: 'Ã alone' }),
        ],
        { title: 'T', threadPath: 'inbox/t_1' },
      ),
    );
    expect(textsOf(await read(json))).toEqual(['café crème', 'Ã alone']);
  });

  it('stops repairing a file once it shows it was written correctly (a fixed export), so a real "Ã©" stays', async () => {
    // Tools that fix Facebook's exports rewrite them in proper UTF-8. The first emoji written as
    // itself proves that; "Ã©" after it is text a person typed, not mojibake.
    const json = plainJson(
      fbThread(
        [
          fbMessage('Ana', 3, { content: 'look: 😀' }),
          fbMessage('Ana', 2, { content: 'mojibake looks like Ã©' }),
          fbMessage('Zoë', 1, { content: '你好' }),
        ],
        { title: 'Zoë', threadPath: 'inbox/zoe_1' },
      ),
    );
    const records = await read(json);
    expect(textsOf(records)).toEqual(['look: 😀', 'mojibake looks like Ã©', '你好']);
    expect(conversationsOf(records)[0]?.title).toBe('Zoë');
  });

  it('keeps the text of the end-to-end encrypted download as written: it is correct UTF-8', async () => {
    const json = plainJson({
      participants: ['Zoë Çelik', 'Ana'],
      threadName: 'Zoë Çelik',
      messages: [
        {
          isUnsent: false,
          media: [],
          reactions: [],
          senderName: 'Zoë Çelik',
          text: 'Ã© is how mojibake looks',
          timestamp: T0 + 120_000,
          type: 'text',
        },
        {
          isUnsent: false,
          media: [],
          reactions: [{ actor: 'Ana', reaction: '👍' }],
          senderName: 'Ana',
          text: 'café',
          timestamp: T0 + 60_000,
          type: 'text',
        },
      ],
    });
    const records = await read(json, 'zoe_celik_1.json');
    expect(conversationsOf(records)).toEqual([
      {
        type: 'conversation',
        ref: 'thread-1',
        platform: 'messenger',
        title: 'Zoë Çelik',
        identity: 'messenger:e2ee:Zoë Çelik',
      },
    ]);
    expect(participantsOf(records)).toEqual(['Zoë Çelik', 'Ana']);
    expect(messagesOf(records).map((m) => [m.sender, m.text, m.sentAt])).toEqual([
      ['Zoë Çelik', 'Ã© is how mojibake looks', T0 + 120_000],
      ['Ana', 'café', T0 + 60_000],
    ]);
    expect(messagesOf(records)[1]?.reactions).toEqual([
      { emoji: '👍', count: 1, senders: ['Ana'] },
    ]);
  });

  it('keeps line breaks, tabs and quotes inside a message', async () => {
    const json = facebookJson(
      fbThread([fbMessage('Ana', 1, { content: 'line 1\nline 2\t"quoted" \\ back' })], {
        title: 'T',
        threadPath: 'inbox/t_1',
      }),
    );
    expect(textsOf(await read(json))).toEqual(['line 1\nline 2\t"quoted" \\ back']);
  });
});
