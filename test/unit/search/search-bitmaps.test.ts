import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { VaultWriter } from '../../../src/main/engine/import/vault-writer';
import {
  countBits,
  difference,
  emptySet,
  addBit,
  intersection,
  setFromBytes,
  setFromOrdinals,
  setToBytes,
  setToOrdinals,
  smallerForm,
  union,
} from '../../../src/main/engine/search/bitmaps/bit-set';
import {
  bitmapExpression,
  singleToken,
  type BitmapExpression,
} from '../../../src/main/engine/search/bitmaps/bitmap-expression';
import {
  bitmapsStale,
  buildSearchBitmaps,
  type BitmapPolicy,
} from '../../../src/main/engine/search/bitmaps/build-bitmaps';
import { parseSearchQuery } from '../../../src/main/engine/search/search-query';
import {
  searchMessages,
  searchWithBitmaps,
  type SearchRequest,
} from '../../../src/main/engine/search/search-messages';
import type { MatchScope } from '../../../src/main/engine/search/match-expression';
import { seededRandom } from '../../../bench/search-corpus';
import { useTempDirs } from '../../support/temp-dir';
import { insertTestArchiveAndJob, openVaultDb, textMessageRow } from '../../support/vault-db';

const tempDir = useTempDirs();

describe('bit sets', () => {
  const set = (bits: number, ...on: number[]) => {
    const made = emptySet(bits);
    for (const bit of on) addBit(made, bit);
    return made;
  };

  it('count, intersect, unite and subtract word by word', () => {
    const a = set(100, 0, 31, 32, 63, 99);
    const b = set(100, 31, 63, 64);
    expect(countBits(a)).toBe(5);
    expect(countBits(intersection([a, b]))).toBe(2);
    expect(countBits(union([a, b]))).toBe(6);
    expect(countBits(difference(a, [b]))).toBe(3);
    expect(countBits(difference(a, [b, set(100, 0)]))).toBe(2);
    // The inputs are left as they were.
    expect(countBits(a)).toBe(5);
  });

  it('round-trip through stored bytes, and refuse bytes of another size', () => {
    const a = set(70, 1, 33, 69);
    const bytes = setToBytes(a);
    expect(bytes.byteLength).toBe(12);
    expect([...(setFromBytes(bytes, 70) ?? [])]).toEqual([...a]);
    // Bytes at an odd offset of a larger buffer (as SQLite may hand them over).
    const shifted = Buffer.concat([Buffer.from([7]), bytes]).subarray(1);
    expect([...(setFromBytes(shifted, 70) ?? [])]).toEqual([...a]);
    expect(setFromBytes(bytes, 100)).toBeNull();
  });

  it('round-trip through the numbers of their members, the smaller form of a sparse set', () => {
    const a = set(200, 0, 31, 63, 64, 199);
    const ordinals = setToOrdinals(a, countBits(a));
    expect([...new Uint32Array(new Uint8Array(ordinals).buffer)]).toEqual([0, 31, 63, 64, 199]);
    expect([...(setFromOrdinals(ordinals, 200) ?? [])]).toEqual([...a]);
    expect(setFromOrdinals(ordinals, 150)).toBeNull(); // 199 is out of range
    expect(smallerForm(5, 200)).toBe('ordinals'); // 20 bytes against 28
    expect(smallerForm(7, 200)).toBe('bits');
  });
});

const NO_SCOPE: MatchScope = {
  sender: null,
  senderWords: null,
  conversationIds: null,
  platform: null,
  hasMedia: false,
};

const expressionOf = (query: string, scope: Partial<MatchScope> = {}) =>
  bitmapExpression(parseSearchQuery(query), { ...NO_SCOPE, ...scope });

const token = (key: string): BitmapExpression => ({ kind: 'token', key });

describe('bitmap expressions', () => {
  it('name a plain word or one Han character as the index stores it', () => {
    expect(singleToken('The')).toBe('the');
    expect(singleToken('我')).toBe('我');
    expect(singleToken('时间')).toBeNull(); // a phrase of two tokens
    expect(singleToken('café')).toBeNull(); // folded by the index, not here
    expect(singleToken('😂')).toBeNull();
    expect(singleToken('a,b')).toBeNull();
  });

  it('mirror words, OR groups, exclusions and filters', () => {
    expect(expressionOf('The')).toEqual(token('text the'));
    expect(expressionOf('time -the -我')).toEqual({
      kind: 'but',
      set: token('text time'),
      not: [token('text the'), token('text 我')],
    });
    expect(expressionOf('dinner OR photo 我')).toEqual({
      kind: 'all',
      of: [{ kind: 'any', of: [token('text dinner'), token('text photo')] }, token('text 我')],
    });
    expect(
      expressionOf('the', {
        sender: 'Ana',
        senderWords: ['ana', 'anatoly'],
        conversationIds: ['c_1'],
        platform: 'wechat',
        hasMedia: true,
      }),
    ).toEqual({
      kind: 'all',
      of: [
        token('text the'),
        { kind: 'any', of: [token('sender ana'), token('sender anatoly')] },
        token('scope cc1'),
        token('scope pwechat'),
        token('scope hasmedia'),
      ],
    });
    // Terms the index keeps nothing of are dropped on both sides.
    expect(expressionOf('the ,,,')).toEqual(token('text the'));
  });

  it('leave prefixes, phrases, folded words and unexpanded senders to the index', () => {
    expect(expressionOf('educ*')).toBeNull();
    expect(expressionOf('"the dinner"')).toBeNull();
    expect(expressionOf('时间')).toBeNull();
    expect(expressionOf('the -café')).toBeNull();
    expect(expressionOf('the', { sender: 'Ana', senderWords: null })).toBeNull();
    expect(expressionOf('the', { sender: 'Chen Wei', senderWords: ['wei'] })).toBeNull();
    expect(expressionOf('the', { sender: 'An', senderWords: [] })).toBeNull();
    expect(expressionOf('the', { conversationIds: [] })).toBeNull();
  });
});

const WORDS = ['the', 'The', 'time', 'dinner', 'photo', 'café', 'cafe', '我', '你', '的', '时间'];
const SENDERS = ['Ana', 'Anatoly', 'Bo', 'Chen Wei', '李雷'];
const CONVERSATIONS = [
  { id: 'c1', platform: 'whatsapp', title: 'Family' },
  { id: 'c2', platform: 'wechat', title: '群聊 2' },
  { id: 'c3', platform: 'wechat', title: 'Tiny' },
] as const;

/** `count` messages from a small vocabulary; the first written at `start`, 10 minutes apart. */
function writeMessages(db: Database, count: number, next: () => number, start: number): void {
  const messages = Array.from({ length: count }, (_, n) => {
    const length = 1 + Math.floor(next() * 6);
    const words = Array.from(
      { length },
      () => WORDS[Math.floor(WORDS.length * next() ** 2)] ?? 'the',
    );
    if (n % 100 === 0) words.push(' rare');
    const roll = next();
    return textMessageRow({
      conversationId: roll < 0.6 ? 'c1' : roll < 0.98 ? 'c2' : 'c3',
      key: `k${start}-${n}`,
      sentAt: start + n * 600_000,
      sender: SENDERS[Math.floor(next() * SENDERS.length)] ?? 'Ana',
      kind: next() < 0.1 ? 'media' : 'text',
      text: words.join(next() < 0.5 ? ' ' : ''),
    });
  });
  new VaultWriter(db).commit({ conversations: CONVERSATIONS, participants: [], messages }, 1, {
    id: 1,
    recordsDone: 0,
  });
}

const POLICY: BitmapPolicy = { minMessages: 100, minShare: 0.05, restRatio: 0 };

async function generatedVault(count: number): Promise<Database> {
  const db = openVaultDb(await tempDir());
  insertTestArchiveAndJob(db);
  writeMessages(db, count, seededRandom(7), Date.UTC(2023, 0, 1));
  return db;
}

const request = (query: string): SearchRequest => ({
  query,
  conversationId: null,
  order: 'newest',
  limit: 10,
  cursor: null,
  offset: 0,
  timeZone: 'UTC',
});

/** Random queries over the vocabulary, with OR, exclusions and filters. */
function randomQueries(count: number, next: () => number): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const terms = ['the', 'THE', 'time', 'dinner', 'photo', '我', '你', '的', 'rare', 'nothing'];
  const filters = [
    'from:Ana',
    'from:an',
    'from:Bo',
    'platform:wechat',
    'has:media',
    'in:群聊',
    'in:Tiny',
    'from:"Chen Wei"',
  ];
  return Array.from({ length: count }, () => {
    const parts: string[] = [pick(terms)];
    if (next() < 0.4) parts.push(`${pick(terms)} OR ${pick(terms)}`);
    if (next() < 0.3) parts.push(`-${pick(terms)}`);
    if (next() < 0.5) parts.push(pick(filters));
    if (next() < 0.2) parts.push(pick(filters));
    return parts.join(' ');
  });
}

describe('search bitmaps', () => {
  it('count exactly what the full-text index counts', async () => {
    const db = await generatedVault(3000);
    expect(bitmapsStale(db, POLICY)).toBe(true);
    const build = buildSearchBitmaps(db, POLICY);
    expect(build).toMatchObject({ messages: 3000 });
    expect(bitmapsStale(db, POLICY)).toBe(false);
    let counted = 0;
    for (const query of randomQueries(300, seededRandom(11))) {
      const fast = searchWithBitmaps(db, request(query));
      const index = searchMessages(db, request(query));
      if (fast === null) continue;
      counted += 1;
      expect({ query, total: fast.total }).toEqual({ query, total: index.total });
      expect(fast.hits.map((hit) => hit.messageId)).toEqual(index.hits.map((hit) => hit.messageId));
      expect(fast.nextCursor).toBe(index.nextCursor);
    }
    // Most of them: the others name a phrase, a rare token or a sender of two words.
    expect(counted).toBeGreaterThan(150);
    db.close();
  });

  it('keep sets of the common words and of every conversation, and leave the rest to the index', async () => {
    const db = await generatedVault(3000);
    buildSearchBitmaps(db, POLICY);
    const forms = Object.fromEntries(
      db
        .prepare<[], { token: string; form: string }>('SELECT token, form FROM search_bitmaps')
        .all()
        .map((row) => [row.token, row.form]),
    );
    const tokens = Object.keys(forms);
    expect(tokens).toEqual(
      expect.arrayContaining([
        'text the',
        'text 我',
        'sender ana',
        'scope pwechat',
        'scope cc1',
        'scope hasmedia',
      ]),
    );
    // "rare" is in 1% of the messages; the tiny conversation's 2% are numbered, not bits.
    expect(tokens).not.toContain('text rare');
    expect(forms['scope cc3']).toBe('ordinals');
    expect(forms['scope cc1']).toBe('bits');
    const tiny = searchWithBitmaps(db, request('the in:Tiny'));
    expect(tiny?.total).toBe(searchMessages(db, request('the in:Tiny')).total);
    expect(tiny?.total).toBeGreaterThan(0);
    for (const query of ['rare', 'the -rare', '时间', 'educ*', 'the after:2023-01-05']) {
      expect(searchWithBitmaps(db, request(query))).toBeNull();
    }
    expect(searchWithBitmaps(db, { ...request('the'), order: 'relevance' })).toBeNull();
    db.close();
  });

  it('are not used once messages are added, until they are built again', async () => {
    const db = await generatedVault(3000);
    buildSearchBitmaps(db, POLICY);
    const before = searchWithBitmaps(db, request('the -time'))?.total;
    expect(before).toBeGreaterThan(0);
    writeMessages(db, 500, seededRandom(99), Date.UTC(2022, 0, 1)); // older: in between the ids
    expect(bitmapsStale(db, POLICY)).toBe(true);
    expect(searchWithBitmaps(db, request('the -time'))).toBeNull();
    buildSearchBitmaps(db, POLICY);
    const after = searchWithBitmaps(db, request('the -time'));
    expect(after?.total).toBe(searchMessages(db, request('the -time')).total);
    expect(after?.total).toBeGreaterThan(before ?? 0);
    db.close();
  });

  it('are not built for a vault with fewer messages than the policy asks', async () => {
    const db = await generatedVault(50);
    expect(bitmapsStale(db, POLICY)).toBe(false);
    expect(buildSearchBitmaps(db, POLICY)).toBeNull();
    expect(db.prepare('SELECT count(*) FROM search_bitmap_state').pluck().get()).toBe(0);
    expect(searchWithBitmaps(db, request('the'))).toBeNull();
    db.close();
  });
});
