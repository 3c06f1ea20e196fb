import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { monthDayBoundaries } from '../../../src/main/engine/browse/month-days';
import {
  FIRST_AT_OR_AFTER_SQL,
  LAST_MESSAGE_SQL,
  pageAround,
} from '../../../src/main/engine/db/queries/message-around';
import {
  ANY_MESSAGE_BETWEEN_SQL,
  daysWithMessages,
} from '../../../src/main/engine/db/queries/message-days';
import { PAGE_SQL, pageMessages } from '../../../src/main/engine/db/queries/messages';
import { plainMessage } from '../../../src/main/engine/readers/records';
import { useTempDirs } from '../../support/temp-dir';
import { openVaultDb } from '../../support/vault-db';
import { writtenVault } from '../../support/written-vault';

const tempDir = useTempDirs();
const HOUR = 3_600_000;
const START = Date.UTC(2024, 2, 1, 12);

/** Message i is sent i hours after noon UTC on 1 March 2024, with Telegram id 100 + i. */
function hourly(count: number) {
  return Array.from({ length: count }, (_, i) =>
    plainMessage({
      externalId: String(100 + i),
      sentAt: START + i * HOUR,
      sender: i % 2 === 0 ? 'Ana' : 'Bo',
      text: `message ${i}`,
    }),
  );
}

function planOf(db: Database, sql: string, params: Record<string, unknown>): string[] {
  return db
    .prepare<Record<string, unknown>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(params)
    .map((row) => row.detail);
}

describe('a page around a message', () => {
  it('centres on the message, with as many before as after, and says more lies both ways', async () => {
    const db = writtenVault(await tempDir(), 'c', hourly(50));
    const target = pageMessages(db, { conversationId: 'c', anchor: { kind: 'start' }, limit: 21 })
      .messages[20];
    const page = pageAround(db, {
      conversationId: 'c',
      target: { kind: 'message', messageId: target?.id ?? '' },
      limit: 10,
    });
    expect(page.targetId).toBe(target?.id);
    expect(page.messages.map((message) => message.text)).toEqual(
      [15, 16, 17, 18, 19, 20, 21, 22, 23, 24].map((i) => `message ${i}`),
    );
    expect(page).toMatchObject({ moreBefore: true, moreAfter: true });
    db.close();
  });

  it('stops at the ends of the conversation and says so', async () => {
    const db = writtenVault(await tempDir(), 'c', hourly(6));
    const first = pageMessages(db, { conversationId: 'c', anchor: { kind: 'start' }, limit: 1 })
      .messages[0];
    const page = pageAround(db, {
      conversationId: 'c',
      target: { kind: 'message', messageId: first?.id ?? '' },
      limit: 20,
    });
    expect(page.messages.map((message) => message.text)).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => `message ${i}`),
    );
    expect(page).toMatchObject({ moreBefore: false, moreAfter: false });
    db.close();
  });

  it('finds nothing for a message of another conversation', async () => {
    const db = writtenVault(await tempDir(), 'c', hourly(3));
    const page = pageAround(db, {
      conversationId: 'other',
      target: { kind: 'message', messageId: '1' },
      limit: 10,
    });
    expect(page).toEqual({ messages: [], targetId: null, moreBefore: false, moreAfter: false });
    db.close();
  });
});

describe('a page around a time (jump to a date)', () => {
  it('centres on the first message sent at or after the time', async () => {
    const db = writtenVault(await tempDir(), 'c', hourly(48));
    const page = pageAround(db, {
      conversationId: 'c',
      target: { kind: 'time', at: Date.UTC(2024, 2, 2) },
      limit: 4,
    });
    // Noon + 12 hours is midnight of 2 March: message 12.
    const target = page.messages.find((message) => message.id === page.targetId);
    expect(target?.text).toBe('message 12');
    expect(page.messages.map((message) => message.text)).toEqual([
      'message 10',
      'message 11',
      'message 12',
      'message 13',
    ]);
    db.close();
  });

  it('shows the last messages for a time after the conversation ends', async () => {
    const db = writtenVault(await tempDir(), 'c', hourly(5));
    const page = pageAround(db, {
      conversationId: 'c',
      target: { kind: 'time', at: Date.UTC(2030, 0, 1) },
      limit: 4,
    });
    const target = page.messages.find((message) => message.id === page.targetId);
    expect(target?.text).toBe('message 4');
    expect(page).toMatchObject({ moreBefore: true, moreAfter: false });
    db.close();
  });

  it('is empty for an empty conversation', async () => {
    const db = openVaultDb(await tempDir());
    expect(
      pageAround(db, { conversationId: 'c', target: { kind: 'time', at: 0 }, limit: 4 }),
    ).toEqual({ messages: [], targetId: null, moreBefore: false, moreAfter: false });
    db.close();
  });
});

describe('the days of a month with messages', () => {
  it('lists the days on which the conversation has messages, in UTC', async () => {
    // Hourly from noon on 1 March to midnight starting 4 March: 1, 2, 3 and 4 March.
    const db = writtenVault(await tempDir(), 'c', hourly(61));
    const days = daysWithMessages(db, {
      conversationId: 'c',
      boundaries: monthDayBoundaries(2024, 3, 'UTC'),
    });
    expect(days.map((index) => index + 1)).toEqual([1, 2, 3, 4]);
    db.close();
  });

  it('counts days in the zone asked for', async () => {
    // One message at 23:30 UTC on 10 March: 11 March in Shanghai, 10 March in New York.
    const db = writtenVault(await tempDir(), 'c', [
      plainMessage({ sentAt: Date.UTC(2024, 2, 10, 23, 30), sender: 'Ana', text: 'late' }),
    ]);
    const day = (zone: string) =>
      daysWithMessages(db, { conversationId: 'c', boundaries: monthDayBoundaries(2024, 3, zone) });
    expect(day('Asia/Shanghai')).toEqual([10]);
    expect(day('America/New_York')).toEqual([9]);
    expect(day('UTC')).toEqual([9]);
    db.close();
  });

  it('gives each month its number of days, leap years included, and days their real length', () => {
    expect(monthDayBoundaries(2024, 2, 'UTC')).toHaveLength(30);
    expect(monthDayBoundaries(2023, 2, 'UTC')).toHaveLength(29);
    expect(monthDayBoundaries(2024, 12, 'UTC').at(-1)).toBe(Date.UTC(2025, 0, 1));
    // Berlin springs forward on 31 March 2024: that day has 23 hours.
    const berlin = monthDayBoundaries(2024, 3, 'Europe/Berlin');
    expect((berlin[31] ?? 0) - (berlin[30] ?? 0)).toBe(23 * HOUR);
    expect(berlin[0]).toBe(Date.UTC(2024, 1, 29, 23));
  });

  it('refuses a zone it does not know, naming it', () => {
    expect(() => monthDayBoundaries(2024, 3, 'Mars/Olympus')).toThrow(/Mars\/Olympus/u);
  });
});

describe('replies, forwards, edits, reactions and formatting in a page', () => {
  it('carries them, and quotes the original of a reply with its id', async () => {
    const db = writtenVault(await tempDir(), 'c', [
      plainMessage({ externalId: '1', sentAt: START, sender: 'Ana', text: 'Where shall we meet?' }),
      plainMessage({
        externalId: '2',
        sentAt: START + HOUR,
        sender: 'Bo',
        text: 'At the station, bring the map',
        replyToExternalId: '1',
        editedAt: START + 2 * HOUR,
        reactions: [{ emoji: '👍', count: 2, senders: ['Ana'] }],
        entities: [{ type: 'bold', offset: 7, length: 7 }],
      }),
      plainMessage({
        externalId: '3',
        sentAt: START + 3 * HOUR,
        sender: 'Bo',
        text: 'fwd',
        forwardedFrom: 'Chen',
        replyToExternalId: '999',
      }),
    ]);
    const [original, reply, forward] = pageMessages(db, {
      conversationId: 'c',
      anchor: { kind: 'start' },
      limit: 10,
    }).messages;
    expect(original).not.toHaveProperty('replyTo');
    expect(original).not.toHaveProperty('reactions');
    expect(reply).toMatchObject({
      replyTo: {
        externalId: '1',
        messageId: original?.id,
        sender: 'Ana',
        text: 'Where shall we meet?',
      },
      editedAt: new Date(START + 2 * HOUR).toISOString(),
      reactions: [{ emoji: '👍', count: 2, senders: ['Ana'] }],
      entities: [{ type: 'bold', offset: 7, length: 7 }],
    });
    // A reply to a message the vault does not hold still says what it answers.
    expect(forward).toMatchObject({
      forwardedFrom: 'Chen',
      replyTo: { externalId: '999', messageId: null, sender: null, text: '' },
    });
    db.close();
  });
});

describe('query plans of browsing', () => {
  it('walk the time index for pages, jumps and calendars, never sorting or scanning', async () => {
    const db = openVaultDb(await tempDir());
    const cursor = { conversationId: 'c', sentAt: 0, id: 0, limit: 10 };
    const searches = (sql: string, params: Record<string, unknown>) =>
      planOf(db, sql, params).filter(
        (detail) => detail.startsWith('SEARCH m ') || /SCAN|TEMP B-TREE/u.test(detail),
      );
    expect(searches(PAGE_SQL.from, cursor)).toMatchInlineSnapshot(`
      [
        "SEARCH m USING INDEX messages_by_time (conversation_id=? AND sent_at>?)",
      ]
    `);
    expect(planOf(db, FIRST_AT_OR_AFTER_SQL, { conversationId: 'c', at: 0 }))
      .toMatchInlineSnapshot(`
      [
        "SEARCH messages USING COVERING INDEX messages_by_time (conversation_id=? AND sent_at>?)",
      ]
    `);
    expect(planOf(db, LAST_MESSAGE_SQL, { conversationId: 'c' })).toMatchInlineSnapshot(`
      [
        "SEARCH messages USING COVERING INDEX messages_by_time (conversation_id=?)",
      ]
    `);
    expect(planOf(db, ANY_MESSAGE_BETWEEN_SQL, { conversationId: 'c', from: 0, to: 1 }))
      .toMatchInlineSnapshot(`
      [
        "SEARCH messages USING COVERING INDEX messages_by_time (conversation_id=? AND sent_at>? AND sent_at<?)",
      ]
    `);
    db.close();
  });
});
