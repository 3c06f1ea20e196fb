import type { Database } from 'better-sqlite3';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { VaultError } from '../../../src/main/engine/errors';
import { VaultWriter, type MessageRow } from '../../../src/main/engine/import/vault-writer';
import {
  countSearchHits,
  searchMessages,
  type SearchRequest,
} from '../../../src/main/engine/search/search-messages';
import { partsBetween, searchPartBounds } from '../../../src/main/engine/search/search-parts';
import { countSql, hitsSql, WHOLE } from '../../../src/main/engine/search/search-sql';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../src/shared/search-snippet';
import { useTempDirs } from '../../support/temp-dir';
import { openVaultDb } from '../../support/vault-db';

const tempDir = useTempDirs();

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const PIECES = [
  '中',
  '文',
  '你',
  '好',
  '世',
  '界',
  '的',
  '是',
  '日',
  '本',
  '語',
  'の',
  'です',
  'カ',
  'タ',
  '😂',
  '👍',
  '🏽',
  '❤️',
  '‍',
  ' ',
  ' ',
  ' ',
  '，',
  '。',
  '!',
  '?',
  '\n',
  '"',
  '(',
  ')',
  '-',
  'Café',
  'cafe',
  'CAFÉS',
  'hello',
  'Hello',
  'help',
  'world',
  'naïve',
  'Привет',
  '42',
  'x',
];
const CONVERSATIONS = [
  { id: 'c1', platform: 'whatsapp', title: 'Family' },
  { id: 'c2', platform: 'telegram', title: 'Work chat' },
  { id: 'c3', platform: 'wechat', title: '家人群' },
] as const;
const SENDERS = ['Ana', 'Bruno', '小明', null];

type Stored = {
  id: number;
  conversationId: string;
  sentAt: number;
  sender: string | null;
  text: string;
  media: boolean;
};

let db: Database;
let stored: Stored[];

beforeAll(async () => {
  db = openVaultDb(await tempDir());
  db.exec(`
    INSERT INTO archives (public_id, name, source_path, format, container, status, started_at)
      VALUES ('a1', 'x', '/x', 'whatsapp-txt', 'file', 'importing', 0);
    INSERT INTO blobs (sha256, bytes, stored_at) VALUES ('${'ab'.repeat(32)}', 1, 0);
  `);
  const next = random(7);
  const writer = new VaultWriter(db);
  const rows: MessageRow[] = [];
  for (let i = 0; i < 4000; i += 1) {
    const conversation = CONVERSATIONS[Math.floor(next() * 3)] ?? CONVERSATIONS[0];
    const length = 1 + Math.floor(next() * 14);
    const text = Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
    const media = next() < 0.05;
    rows.push({
      conversationId: conversation.id,
      key: `k${i}`,
      externalId: null,
      // Shuffled in time, several per second, across 2023-2024.
      sentAt: Date.UTC(2023, 0, 1) + Math.floor(next() * 2 * 365 * 86_400) * 1000,
      sender: SENDERS[Math.floor(next() * SENDERS.length)] ?? null,
      kind: media ? 'media' : 'text',
      text,
      replyTo: null,
      forwardedFrom: null,
      editedAt: null,
      reactionsJson: null,
      entitiesJson: null,
      attachments: media
        ? [{ name: 'p.jpg', mime: 'image/jpeg', sha256: 'ab'.repeat(32), bytes: 1 }]
        : [],
    });
  }
  for (let start = 0; start < rows.length; start += 1000) {
    writer.commit(
      { conversations: CONVERSATIONS, participants: [], messages: rows.slice(start, start + 1000) },
      1,
      { id: 0, recordsDone: 0 },
    );
  }
  stored = db
    .prepare<[], Stored>(
      `SELECT m.id, m.conversation_id AS conversationId, m.sent_at AS sentAt, m.sender, m.text,
              (m.kind = 'media') AS media
       FROM messages AS m ORDER BY m.id DESC`,
    )
    .all()
    .map((row) => ({ ...row, media: Boolean(row.media) }));
});

afterAll(() => db.close());

const request = (query: string, extra: Partial<SearchRequest> = {}): SearchRequest => ({
  query,
  conversationId: null,
  order: 'newest',
  limit: 50,
  cursor: null,
  offset: 0,
  timeZone: 'UTC',
  ...extra,
});

/** Every hit, page after page. */
function allHits(query: string, extra: Partial<SearchRequest> = {}): number[] {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (;;) {
    const result = searchMessages(db, request(query, { ...extra, cursor }));
    ids.push(...result.hits.map((hit) => Number(hit.messageId)));
    if (result.nextCursor === null) return ids;
    cursor = result.nextCursor;
  }
}

describe('search', () => {
  it('finds CJK, kana and emoji terms exactly where a substring scan finds them, newest first', () => {
    const next = random(99);
    const atoms = [
      '中',
      '文',
      '你',
      '好',
      '世',
      '界',
      '的',
      '是',
      '日',
      '本',
      '語',
      'の',
      'で',
      'す',
      '😂',
      '👍',
      '🏽',
    ];
    let compared = 0;
    for (let length = 1; length <= 4; length += 1) {
      for (let round = 0; round < 25; round += 1) {
        const term = Array.from({ length }, () => atoms[Math.floor(next() * atoms.length)]).join(
          '',
        );
        const expected = stored.filter((m) => m.text.includes(term)).map((m) => m.id);
        const result = searchMessages(db, request(term));
        expect(result.total, term).toBe(expected.length);
        expect(allHits(term), term).toEqual(expected);
        compared += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it('finds a quoted phrase with punctuation exactly', () => {
    for (const term of ['好，世', '的 是', '😂!', '。日本']) {
      const expected = stored.filter((m) => m.text.includes(term)).map((m) => m.id);
      expect(allHits(`"${term}"`), term).toEqual(expected);
    }
  });

  it('matches words by prefix with case and accents folded', () => {
    // Words as the index sees them: CJK characters and kana stand alone.
    const words = (text: string): string[] =>
      text
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, ' $& ')
        .match(/[\p{L}\p{N}]+/gu) ?? [];
    const expected = stored
      .filter((m) => words(m.text).some((w) => w.startsWith('cafe')))
      .map((m) => m.id);
    expect(expected.length).toBeGreaterThan(100);
    expect(allHits('CAFE*')).toEqual(expected);
    const whole = stored.filter((m) => words(m.text).includes('cafe')).map((m) => m.id);
    expect(allHits('Café')).toEqual(whole);
    const exact = stored.filter((m) => words(m.text).includes('hello')).map((m) => m.id);
    expect(allHits('"hello"')).toEqual(exact);
    const help = stored
      .filter((m) => words(m.text).some((w) => w.startsWith('hel')))
      .map((m) => m.id);
    expect(allHits('hel*')).toEqual(help);
  });

  it('applies OR and -exclusions', () => {
    const has = (m: Stored, t: string) => m.text.includes(t);
    const expected = stored
      .filter((m) => (has(m, '中') || has(m, '😂')) && !has(m, '界'))
      .map((m) => m.id);
    expect(allHits('中 OR 😂 -界')).toEqual(expected);
  });

  it('narrows by sender, conversation, platform, media and dates', () => {
    const base = stored.filter((m) => m.text.includes('好'));
    const ids = (list: Stored[]) => list.map((m) => m.id);
    expect(allHits('好 from:ana')).toEqual(ids(base.filter((m) => m.sender === 'Ana')));
    expect(allHits('好 from:小明')).toEqual(ids(base.filter((m) => m.sender === '小明')));
    expect(allHits('好 in:work')).toEqual(ids(base.filter((m) => m.conversationId === 'c2')));
    expect(allHits('好 in:家人')).toEqual(ids(base.filter((m) => m.conversationId === 'c3')));
    expect(allHits('好 platform:wechat')).toEqual(
      ids(base.filter((m) => m.conversationId === 'c3')),
    );
    expect(allHits('好 has:media')).toEqual(ids(base.filter((m) => m.media)));
    expect(allHits('好', { conversationId: 'c1' })).toEqual(
      ids(base.filter((m) => m.conversationId === 'c1')),
    );
    const after = Date.UTC(2023, 5, 1);
    const before = Date.UTC(2024, 1, 1);
    expect(allHits('好 after:2023-06-01 before:2024-02-01')).toEqual(
      ids(base.filter((m) => m.sentAt >= after && m.sentAt < before)),
    );
    expect(allHits('after:2024-12-01 has:media')).toEqual(
      ids(stored.filter((m) => m.sentAt >= Date.UTC(2024, 11, 1) && m.media)),
    );
  });

  it('counts every hit of a common term exactly and pages through it newest first', () => {
    const expected = stored.filter((m) => m.text.includes(' ') || true).length;
    const common = searchMessages(
      db,
      request('中 OR 文 OR 你 OR 好 OR hello OR cafe OR 😂 OR x OR 42'),
    );
    expect(common.total).toBeGreaterThan(2000);
    expect(common.total).toBeLessThanOrEqual(expected);
    const sentAts = common.hits.map((hit) => Date.parse(hit.sentAt));
    expect(sentAts).toEqual([...sentAts].sort((a, b) => b - a));
  });

  it('gives the exact total whether the first page holds every hit or not', () => {
    const term = '界';
    const expected = stored.filter((m) => m.text.includes(term)).length;
    expect(expected).toBeGreaterThan(10);
    for (const limit of [expected - 1, expected, expected + 1, 3]) {
      for (const order of ['newest', 'relevance'] as const) {
        const first = searchMessages(db, request(term, { limit, order }));
        expect(first.total, `${order} ${limit}`).toBe(expected);
        expect(first.hits).toHaveLength(Math.min(limit, expected));
      }
      const first = searchMessages(db, request(term, { limit }));
      if (first.nextCursor !== null) {
        const second = searchMessages(db, request(term, { limit, cursor: first.nextCursor }));
        expect(second.total, `second page ${limit}`).toBe(expected);
      }
      const later = searchMessages(db, request(term, { limit, order: 'relevance', offset: 2 }));
      expect(later.total, `offset ${limit}`).toBe(expected);
    }
  });

  it('finds and counts the same hits split into parts of the id space as whole', () => {
    const subSecond = {
      after: Date.UTC(2023, 5, 1, 10, 30, 0, 500),
      before: Date.UTC(2024, 1, 1, 8, 15, 0, 250),
    };
    const queries: [string, Partial<SearchRequest>][] = [
      ['中 OR 文 OR 你 OR 好 OR hello OR cafe OR 😂 OR x OR 42', {}],
      ['好', {}],
      ['你好', {}],
      ['hel*', {}],
      ['好 -界', {}],
      ['好 from:ana', {}],
      ['好 after:2023-06-01 before:2024-02-01', {}],
      ['好', subSecond],
      ['has:media', {}],
      ['好', { order: 'relevance' }],
    ];
    const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
    for (const [query, extra] of queries) {
      for (const limit of [5, 1000]) {
        const whole = searchMessages(db, request(query, { ...extra, limit }));
        for (const parts of [2, 3, 4]) {
          const label = `${query} ${extra.order ?? 'newest'}, ${parts} parts of ${limit}`;
          const split = partsBetween(searchPartBounds(db, parts));
          expect(split.length, label).toBeGreaterThan(1);
          const counts = split.map((part) => countSearchHits(db, request(query, extra), part));
          expect(sum(counts), label).toBe(whole.total);
          const pages = split.map((part) =>
            searchMessages(db, request(query, { ...extra, limit }), part),
          );
          if (extra.order === 'relevance') {
            // Ranked over every hit on the thread with the newest part; the others count theirs.
            const page = pages.at(-1);
            expect(page?.hits, label).toEqual(whole.hits);
            const others = page?.totalIsWhole === true ? 0 : sum(counts.slice(0, -1));
            expect((page?.total ?? 0) + others, label).toBe(whole.total);
          } else {
            // Newest first, each part pages through its own hits: newest parts first, in order.
            const merged = pages.reverse().flatMap((page) => page.hits);
            expect(merged.slice(0, limit), label).toEqual(whole.hits);
            expect(sum(pages.map((page) => page.total)), label).toBe(whole.total);
          }
        }
      }
    }
  });

  it('orders by relevance on request, with the same total', () => {
    const newest = searchMessages(db, request('中'));
    const first = searchMessages(db, request('中', { order: 'relevance', limit: 20 }));
    const second = searchMessages(db, request('中', { order: 'relevance', limit: 20, offset: 20 }));
    expect(first.total).toBe(newest.total);
    const ids = [...first.hits, ...second.hits].map((hit) => hit.messageId);
    expect(new Set(ids).size).toBe(40);
  });

  it('marks the matches in snippets', () => {
    const hit = searchMessages(db, request('你好')).hits[0];
    expect(hit?.snippet).toContain(`${HIGHLIGHT_START}你好${HIGHLIGHT_END}`);
    const word = searchMessages(db, request('cafe*')).hits[0];
    expect(word?.snippet).toMatch(
      new RegExp(`${HIGHLIGHT_START}(Café|cafe|CAFÉS)${HIGHLIGHT_END}`, 'u'),
    );
  });

  it('never lets typed text reach SQL or FTS5 as syntax', () => {
    for (const query of [
      'NEAR(a b)',
      'text:x',
      ')',
      '*',
      '^x',
      'a AND',
      'x" OR "y',
      "'; DROP TABLE messages; --",
      '{text}: a',
      'hello -',
      '-- x',
    ]) {
      let outcome: unknown;
      try {
        outcome = searchMessages(db, request(query));
      } catch (error) {
        outcome = error;
      }
      if (outcome instanceof Error) {
        expect(outcome, query).toBeInstanceOf(VaultError);
        expect((outcome as VaultError).code, query).toMatch(/^SEARCH_QUERY_/u);
      } else expect(outcome).toHaveProperty('total');
    }
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(4000);
  });

  it('says what to do with an empty query or a malformed one', () => {
    expect(() => searchMessages(db, request('   '))).toThrow(/Type a word/u);
    expect(() => searchMessages(db, request('"open'))).toThrow(/quote is not closed/u);
  });
});

describe('rowid bounds of search', () => {
  it('are one lower and one upper bound at most, handed to FTS5 as integers', () => {
    // FTS5 seeks with one lower and one upper rowid bound and leaves any other to SQLite, which
    // then walks the index row by row; and better-sqlite3 binds numbers as REAL, which FTS5 does
    // not take as a bound at all (a month of a common word cost as much as all of it).
    const scopes = [
      { after: null, before: null, literals: [] },
      { after: Date.UTC(2024, 0, 1), before: Date.UTC(2024, 1, 1), literals: [] },
      { after: Date.UTC(2024, 0, 1) + 500, before: Date.UTC(2024, 1, 1) + 500, literals: [] },
    ];
    const parts = [WHOLE, { from: 1, below: null }, { from: 1, below: 2 }];
    let checked = 0;
    for (const scope of scopes) {
      for (const part of parts) {
        for (const sql of [
          countSql(scope, part),
          hitsSql(scope, 'newest', part),
          hitsSql(scope, 'relevance'),
        ]) {
          const bounds = [...sql.matchAll(/f\.rowid\s*([<>]=?)\s*(CAST\(.*? AS INTEGER\)|\S+)/gu)];
          expect(bounds.filter(([, op]) => op?.startsWith('>')).length, sql).toBeLessThanOrEqual(1);
          expect(bounds.filter(([, op]) => op?.startsWith('<')).length, sql).toBeLessThanOrEqual(1);
          for (const [, , bound] of bounds) expect(bound, sql).toMatch(/^CAST\(.* AS INTEGER\)$/u);
          checked += bounds.length;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('query plans of search', () => {
  const plan = (sql: string) =>
    db
      .prepare<Record<string, unknown>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all({
        match: 'x',
        limit: 1,
        cursor: 1,
        offset: 0,
        firstId: 0,
        endId: 1,
        after: 0,
        before: 1,
        literal0: '%x%',
      })
      .map((row) => row.detail);
  const scope = { after: null, before: null, literals: [] as string[] };

  it('newest-first walks the index by rowid without sorting; a count reads the index alone', () => {
    expect(plan(hitsSql(scope, 'newest'))).toMatchInlineSnapshot(`
      [
        "SCAN f VIRTUAL TABLE INDEX 192:M3<",
        "SEARCH m USING INTEGER PRIMARY KEY (rowid=?)",
        "SEARCH c USING INDEX sqlite_autoindex_conversations_1 (id=?)",
      ]
    `);
    expect(plan(countSql(scope))).toMatchInlineSnapshot(`
      [
        "SCAN f VIRTUAL TABLE INDEX 0:M3",
      ]
    `);
  });

  it('whole-second dates bound the walk by rowid, in the index alone', () => {
    expect(plan(countSql({ ...scope, after: 0, before: 86_400_000 }))).toMatchInlineSnapshot(`
      [
        "SCAN f VIRTUAL TABLE INDEX 0:M3><",
      ]
    `);
    expect(plan(hitsSql({ ...scope, after: 0, before: 86_400_000 }, 'newest')))
      .toMatchInlineSnapshot(`
      [
        "SCAN f VIRTUAL TABLE INDEX 192:M3><",
        "SEARCH m USING INTEGER PRIMARY KEY (rowid=?)",
        "SEARCH c USING INDEX sqlite_autoindex_conversations_1 (id=?)",
      ]
    `);
  });

  it('literal checks read the message row of each candidate', () => {
    expect(plan(countSql({ ...scope, literals: ['好，世'] }))).toMatchInlineSnapshot(`
      [
        "SCAN f VIRTUAL TABLE INDEX 0:M3",
        "SEARCH m USING INTEGER PRIMARY KEY (rowid=?)",
      ]
    `);
  });
});
