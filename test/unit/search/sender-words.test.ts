import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VaultWriter, type MessageRow } from '../../../src/main/engine/import/vault-writer';
import { matchExpression } from '../../../src/main/engine/search/match-expression';
import { searchMessages } from '../../../src/main/engine/search/search-messages';
import { parseSearchQuery } from '../../../src/main/engine/search/search-query';
import { MAX_SENDER_WORDS, senderWords } from '../../../src/main/engine/search/sender-words';
import { useTempDirs } from '../../support/temp-dir';
import { insertTestArchiveAndJob, openVaultDb, textMessageRow } from '../../support/vault-db';

const tempDir = useTempDirs();

const NAMED = ['Ana', 'Anabel', 'Anaïs Dupont', 'ANA MARIA', 'Ana Mariana', 'Bob Anand', 'Banana'];
const SENDERS = [
  ...NAMED,
  '小明',
  // More senders starting with "z" than are named one by one.
  ...Array.from({ length: MAX_SENDER_WORDS + 8 }, (_, n) => `Zed${n}`),
];

let db: Database;

beforeAll(async () => {
  db = openVaultDb(await tempDir());
  insertTestArchiveAndJob(db);
  const rows: MessageRow[] = SENDERS.flatMap((sender, n) =>
    [0, 1, 2].map((copy) =>
      textMessageRow({
        key: `k${n}-${copy}`,
        sentAt: Date.UTC(2024, 0, 1) + (n * 3 + copy) * 60_000,
        sender,
        text: copy === 0 ? 'hello there' : 'something else',
      }),
    ),
  );
  new VaultWriter(db).commit(
    {
      conversations: [{ id: 'c1', platform: 'whatsapp', title: 'Family' }],
      participants: [],
      messages: rows,
    },
    1,
    { id: 0, recordsDone: 0 },
  );
});

afterAll(() => db.close());

/** Folded as FTS5 folds: lower case, accents removed. */
const fold = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The senders the model says from:NAME finds: a word starting with NAME's last word, in order. */
function sendersFrom(name: string): string[] {
  const words = name.split(/\s+/u).map(fold);
  const head = words.slice(0, -1);
  const last = words.at(-1) ?? '';
  return SENDERS.filter((sender) => {
    const own = sender.split(/\s+/u).map(fold);
    return own.some(
      (_, at) =>
        head.every((word, offset) => own[at + offset] === word) &&
        (own[at + head.length] ?? '').startsWith(last),
    );
  });
}

function found(query: string): string[] {
  const result = searchMessages(db, {
    query,
    conversationId: null,
    order: 'newest',
    limit: 500,
    cursor: null,
    offset: 0,
    timeZone: 'UTC',
  });
  expect(result.total).toBe(result.hits.length);
  return [...new Set(result.hits.map((hit) => hit.sender ?? ''))].sort();
}

describe('from: as whole sender words', () => {
  it('reads the words a plain prefix starts from the index, folded as FTS5 folds them', () => {
    expect(senderWords(db, 'ana')).toEqual(['ana', 'anabel', 'anais', 'anand']);
    expect(senderWords(db, 'ANA')).toEqual(['ana', 'anabel', 'anais', 'anand']);
    expect(senderWords(db, 'Ana Mari')).toEqual(['maria', 'mariana']);
    expect(senderWords(db, 'nobody')).toEqual([]);
    // Left to FTS5: a word it folds beyond lower case, and a prefix of too many words.
    expect(senderWords(db, 'Anaï')).toBeNull();
    expect(senderWords(db, '小')).toBeNull();
    expect(senderWords(db, 'z')).toBeNull();
  });

  it('names those words in the MATCH expression instead of a prefix', () => {
    const query = parseSearchQuery('hello', { timeZone: 'UTC' });
    const scope = { conversationIds: null, platform: null, hasMedia: false };
    expect(
      matchExpression(query, { ...scope, sender: 'Ana Mari', senderWords: ['maria', 'mariana'] }),
    ).toBe('text : ("hello") AND sender : ("Ana maria" OR "Ana mariana")');
    expect(matchExpression(query, { ...scope, sender: 'nobody', senderWords: [] })).toBe(
      'text : ("hello") AND sender : "nobody"',
    );
    expect(matchExpression(query, { ...scope, sender: 'Ana', senderWords: null })).toBe(
      'text : ("hello") AND sender : "Ana"*',
    );
  });

  it('finds exactly the senders a prefix finds, whichever way the words are looked up', () => {
    for (const name of [
      'ana',
      'Ana',
      'ANA MAR',
      'ana mariana',
      'anai',
      'Anaïs',
      'an',
      'b',
      'z',
      'zed1',
      'nobody',
      '小明',
    ]) {
      expect(found(`hello from:"${name}"`), name).toEqual(sendersFrom(name).sort());
    }
    expect(found('hello from:ana')).toEqual([
      'ANA MARIA',
      'Ana',
      'Ana Mariana',
      'Anabel',
      'Anaïs Dupont',
      'Bob Anand',
    ]);
  });
});
