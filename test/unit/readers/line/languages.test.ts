import { describe, expect, it } from 'vitest';
import { readLineText } from '../../../../src/main/engine/readers/line';
import { zonedWallTimeToUtc } from '../../../../src/main/engine/readers/zoned-time';
import { memorySource } from '../../../support/memory-source';
import { messagesOf, participantsOf } from '../../../support/read-records';
import { conversationsOf, readOutcome, warningsOf } from '../../../support/read-outcome';
import { lineExport, say, type LineLanguage } from './make-export';

const UTC = 'UTC';

async function read(text: string, name = '[LINE] chat.txt', timeZone = UTC) {
  const outcome = await readOutcome(
    readLineText,
    memorySource({ [name]: text }, { chunkBytes: 7 }),
    { timeZone },
  );
  expect(outcome.error).toBeNull();
  return outcome.records;
}

const at = (y: number, mo: number, d: number, h: number, mi: number): number =>
  Date.UTC(y, mo - 1, d, h, mi);

/** One chat in `language`: a morning, a moment after noon, an evening, and a day later. */
function sampleChat(language: LineLanguage, name: string, other: string, texts: readonly string[]) {
  return lineExport(language, {
    name,
    days: [
      {
        year: 2024,
        month: 1,
        day: 14,
        messages: [
          say(0, 5, other, texts[0] ?? ''),
          say(12, 30, name, texts[1] ?? ''),
          say(21, 7, other, texts[2] ?? ''),
        ],
      },
      { year: 2024, month: 1, day: 15, messages: [say(9, 15, name, texts[3] ?? '')] },
    ],
  });
}

describe('LINE reader: the languages LINE writes', () => {
  it.each([
    ['en', 'Ana', 'Ben', ['Good morning', 'Lunch?', 'Night 🌙', 'Morning!']],
    ['en-android', 'Ana', 'Ben', ['Good morning', 'Lunch?', 'Night 🌙', 'Morning!']],
    ['ja', '花子', '太郎', ['おはよう', 'お昼どう？', 'おやすみ🌙', 'おはよう！']],
    ['zh-CN', '小明', '小红', ['早上好', '吃午饭吗？', '晚安🌙', '早！']],
    ['zh-TW', '小美', '阿傑', ['早安', '吃午餐嗎？', '晚安🌙', '早！']],
  ] as const)(
    'reads the %s export: title, senders, texts and times',
    async (language, name, other, texts) => {
      const records = await read(sampleChat(language, name, other, texts));
      expect(conversationsOf(records)).toEqual([
        {
          type: 'conversation',
          ref: 'chat-1',
          platform: 'line',
          title: name,
          identity: `line:${name}`,
        },
      ]);
      expect(participantsOf(records)).toEqual([other, name]);
      expect(messagesOf(records).map((m) => [m.sender, m.text, m.kind, m.sentAt])).toEqual([
        [other, texts[0], 'text', at(2024, 1, 14, 0, 5)],
        [name, texts[1], 'text', at(2024, 1, 14, 12, 30)],
        [other, texts[2], 'text', at(2024, 1, 14, 21, 7)],
        [name, texts[3], 'text', at(2024, 1, 15, 9, 15)],
      ]);
      expect(messagesOf(records).every((m) => m.externalId === null)).toBe(true);
      expect(warningsOf(records)).toEqual([]);
    },
  );

  it('names group chats from their "in" / "の" / "的" titles', async () => {
    for (const language of ['en', 'ja', 'zh-CN', 'zh-TW'] as const) {
      const text = lineExport(language, {
        name: 'Family 家族',
        group: true,
        days: [{ year: 2024, month: 3, day: 1, messages: [say(8, 0, 'Mom', 'hi')] }],
      });
      expect(conversationsOf(await read(text))[0]?.title, language).toBe('Family 家族');
    }
  });

  it('reads system lines without a sender (two tabs) as kind system', async () => {
    const text = lineExport('zh-TW', {
      name: '家人',
      group: true,
      days: [
        {
          year: 2024,
          month: 3,
          day: 1,
          messages: [say(19, 4, null, '小明已加入群組'), say(19, 5, '小明', '大家好')],
        },
      ],
    });
    const messages = messagesOf(await read(text));
    expect(messages.map((m) => [m.sender, m.kind, m.text, m.sentAt])).toEqual([
      [null, 'system', '小明已加入群組', at(2024, 3, 1, 19, 4)],
      ['小明', 'text', '大家好', at(2024, 3, 1, 19, 5)],
    ]);
  });

  it('reads the date line styles of other phones and versions', async () => {
    const lines = (dateLine: string) =>
      `[LINE] Chat history with Ana\nSaved on: 2024/02/01 21:07\n\n${dateLine}\n10:00\tAna\thi\n`;
    const cases: [string, number][] = [
      ['2024.01.15 Monday', at(2024, 1, 15, 10, 0)],
      ['2024/1/5（金）', at(2024, 1, 5, 10, 0)],
      ['2024年1月15日(月)', at(2024, 1, 15, 10, 0)],
      ['2024年1月15日 星期一', at(2024, 1, 15, 10, 0)],
      ['Monday, January 15, 2024', at(2024, 1, 15, 10, 0)],
      // Day first, told by the weekday: 5 January 2024 was a Friday, 1 May a Wednesday.
      ['Fri, 5/1/2024', at(2024, 1, 5, 10, 0)],
      ['Wed, 5/1/2024', at(2024, 5, 1, 10, 0)],
      ['15/01/2024 Mon', at(2024, 1, 15, 10, 0)],
    ];
    for (const [dateLine, sentAt] of cases) {
      expect(messagesOf(await read(lines(dateLine)))[0]?.sentAt, dateLine).toBe(sentAt);
    }
  });

  it('reads the AM/PM words before and after the time, with 12 and 0 as LINE writes them', async () => {
    const day = '[LINE] Chat history with Ana\n\n2024/01/15(Mon)\n';
    const cases: [string, number, number][] = [
      ['12:05 AM', 0, 5],
      ['12:05 PM', 12, 5],
      ['9:05PM', 21, 5],
      ['9:05 a.m.', 9, 5],
      ['AM 9:05', 9, 5],
      ['午前0:05', 0, 5],
      ['午後0:30', 12, 30],
      ['午後12:30', 12, 30],
      ['上午12:10', 0, 10],
      ['下午02:16', 14, 16],
      ['오후 3:00', 15, 0],
      ['23:59', 23, 59],
    ];
    for (const [time, hour, minute] of cases) {
      const [message] = messagesOf(await read(`${day}${time}\tAna\thi\n`));
      expect(message?.sentAt, time).toBe(at(2024, 1, 15, hour, minute));
    }
  });

  it('reads wall-clock times in the zone it is given, across a daylight-saving change', async () => {
    const text = lineExport('en', {
      name: 'Ana',
      days: [
        { year: 2024, month: 3, day: 9, messages: [say(12, 0, 'Ana', 'before')] },
        { year: 2024, month: 3, day: 10, messages: [say(12, 0, 'Ana', 'after')] },
      ],
    });
    const messages = messagesOf(await read(text, '[LINE] Ana.txt', 'America/New_York'));
    expect(messages.map((m) => m.sentAt)).toEqual([
      zonedWallTimeToUtc(2024, 3, 9, 12, 0, 0, 'America/New_York'),
      zonedWallTimeToUtc(2024, 3, 10, 12, 0, 0, 'America/New_York'),
    ]);
    expect(messages[0]?.sentAt).toBe(at(2024, 3, 9, 17, 0));
    expect(messages[1]?.sentAt).toBe(at(2024, 3, 10, 16, 0));
  });

  it('reads CRLF line ends and a byte-order mark', async () => {
    const text = `\ufeff${lineExport('ja', {
      name: '花子',
      newline: '\r\n',
      days: [{ year: 2024, month: 1, day: 14, messages: [say(9, 0, '花子', 'こんにちは😀')] }],
    })}`;
    const records = await read(text);
    expect(conversationsOf(records)[0]?.title).toBe('花子');
    expect(messagesOf(records).map((m) => m.text)).toEqual(['こんにちは😀']);
  });
});
