/**
 * Builds the token bitmaps (bitmap-count.ts) from the vault: one for every token in at least
 * `minShare` of the messages of a column, and a set for every conversation, every platform and
 * media (each message is in one conversation and one platform: a few bytes a message in all).
 * The messages' ids are read once, in order, to number the bits. The full-text index itself says
 * which messages hold a token, so a set matches exactly what a search of the index would; a sample
 * of the messages only proposes which tokens to try.
 *
 * Everything is read in one transaction, so the bitmaps are of one state of the vault, and stamped
 * with its number of messages; they replace the old ones in a second, short transaction. An import
 * that commits between the two leaves them stamped with the older count: searches then do not
 * use them, and the next build replaces them.
 */
import type { Database, Statement } from 'better-sqlite3';
import { PLATFORMS } from '../../../../shared/platforms';
import { MEDIA_TOKEN, conversationToken, platformToken } from '../index-row';
import { addBit, emptySet, setToBytes, setToOrdinals, smallerForm, type BitSet } from './bit-set';
import { bitmapsBuiltFor, vaultMessageCount } from './bitmap-count';
import { HAN_CHARACTER, PLAIN_WORD, tokenKey, type FtsColumn } from './bitmap-expression';

export type BitmapPolicy = Readonly<{
  /** A vault with fewer messages gets no bitmaps: the index counts it fast enough. */
  minMessages: number;
  /** A token gets a bitmap when at least this share of the messages hold it. */
  minShare: number;
  /**
   * After each step of a build, the thread rests this many times as long as the step took, so
   * that a build after an import leaves most of a core to the person browsing (1: half a core).
   */
  restRatio: number;
}>;

/**
 * At 1/32, a bitmap (one bit a message) is as large as the token's members numbered (32 bits
 * each), and the tokens that have one are the few dozen whose counts cost the index most. Over
 * 10M generated messages: 75 bitmaps (94 MB, for the common words and the larger conversations
 * and platforms) and 35 numbered sets (25 MB), beside a 3.3 GB vault.
 */
export const DEFAULT_BITMAP_POLICY: BitmapPolicy = {
  minMessages: 100_000,
  minShare: 1 / 32,
  restRatio: 1,
};

const restCell = new Int32Array(new SharedArrayBuffer(4));

/** Runs `step`, then blocks this (worker) thread `ratio` times as long as the step took. */
function withRest<T>(ratio: number, step: () => T): T {
  const started = performance.now();
  const result = step();
  const rest = (performance.now() - started) * ratio;
  if (rest >= 1) Atomics.wait(restCell, 0, 0, rest);
  return result;
}

/** Messages read to propose tokens: SAMPLE_RUNS runs of SAMPLE_RUN messages spread over the ids. */
const SAMPLE_RUNS = 500;
const SAMPLE_RUN = 40;

export type BitmapBuild = Readonly<{ messages: number; tokens: number; milliseconds: number }>;

/** Whether the vault is big enough for bitmaps and they are missing or not of its messages. */
export function bitmapsStale(db: Database, policy: BitmapPolicy): boolean {
  const messages = vaultMessageCount(db);
  return messages >= policy.minMessages && bitmapsBuiltFor(db) !== messages;
}

/** Runs a statement that calls chat_vault_visit(id) on each of its rows, handing the ids to `onId`. */
type IdVisitor = (sql: string, parameter: string | null, onId: (id: number) => void) => void;

/**
 * An IdVisitor on `db`: the ids reach JavaScript without a row object each, a sixth of the time
 * of reading them as rows (1.6 s against 14 s for 10M message ids).
 */
function idVisitor(db: Database): IdVisitor {
  let visit: (id: number) => void = () => undefined;
  db.function('chat_vault_visit', { directOnly: true }, (id: unknown) => {
    visit(id as number);
    return null;
  });
  const statements = new Map<string, Statement>();
  return (sql, parameter, onId) => {
    visit = onId;
    try {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      if (parameter === null) statement.get();
      else statement.get(parameter);
    } finally {
      visit = () => undefined;
    }
  };
}

/** Every message id in ascending order; they number the bits. */
function messageIds(visitIds: IdVisitor, expected: number): Float64Array {
  const ids = new Float64Array(expected);
  let count = 0;
  visitIds('SELECT count(chat_vault_visit(id)) FROM messages NOT INDEXED', null, (id) => {
    if (count >= expected || (count > 0 && id <= (ids[count - 1] ?? 0))) {
      throw new Error('The messages changed while their ids were read, or are not in id order.');
    }
    ids[count] = id;
    count += 1;
  });
  if (count !== expected) {
    throw new Error(`The conversations count ${expected} messages, the vault holds ${count}.`);
  }
  return ids;
}

/** The tokens of one text that could have a bitmap: plain words and Han characters. */
function candidateTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (PLAIN_WORD.test(word)) tokens.add(word);
    else for (const char of word) if (HAN_CHARACTER.test(char)) tokens.add(char);
  }
  return tokens;
}

/** Text and sender tokens common in a sample of the messages, as keys. */
function sampledKeys(db: Database, ids: Float64Array, policy: BitmapPolicy): string[] {
  const run = db.prepare<[number, number], { text: string; sender: string | null }>(
    'SELECT text, sender FROM messages WHERE id >= ? ORDER BY id LIMIT ?',
  );
  const counts = new Map<string, number>();
  let sampled = 0;
  const count = (column: FtsColumn, text: string) => {
    for (const token of candidateTokens(text)) {
      const key = tokenKey(column, token);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  };
  const runs = Math.min(SAMPLE_RUNS, Math.ceil(ids.length / SAMPLE_RUN));
  for (let index = 0; index < runs; index += 1) {
    const from = ids[Math.floor((index * ids.length) / runs)];
    if (from === undefined) continue;
    for (const row of run.all(from, SAMPLE_RUN)) {
      sampled += 1;
      count('text', row.text);
      count('sender', row.sender ?? '');
    }
  }
  // Half the share: a token near it may be rarer in the sample than in the vault.
  const least = (sampled * policy.minShare) / 2;
  return [...counts].filter(([, seen]) => seen >= least).map(([key]) => key);
}

/** Scope tokens, which all get a set: every conversation, every platform with messages, media. */
function scopeKeys(db: Database): string[] {
  const conversations = db
    .prepare<[], { id: string; platform: string; count: number }>(
      'SELECT id, platform, message_count AS count FROM conversations',
    )
    .all();
  const byPlatform = new Map<string, number>();
  // Two conversation ids may reduce to one token (conversationToken): it is read once.
  const keys = new Set<string>([tokenKey('scope', MEDIA_TOKEN)]);
  for (const { id, platform, count } of conversations) {
    byPlatform.set(platform, (byPlatform.get(platform) ?? 0) + count);
    if (count > 0) keys.add(tokenKey('scope', conversationToken(id)));
  }
  for (const platform of PLATFORMS) {
    if ((byPlatform.get(platform) ?? 0) > 0) keys.add(tokenKey('scope', platformToken(platform)));
  }
  return [...keys];
}

const STAGING = 'temp.search_bitmaps_next';

/** The MATCH expression of one key: its token in its column. */
function keyExpression(key: string): string {
  const space = key.indexOf(' ');
  return `${key.slice(0, space)} : "${key.slice(space + 1).replaceAll('"', '""')}"`;
}

/** The set of the messages that hold one token, numbered by `ids`, as the index finds them. */
function tokenSet(
  visitIds: IdVisitor,
  ids: Float64Array,
  key: string,
): Readonly<{ set: BitSet; hits: number }> {
  const set = emptySet(ids.length);
  let bit = 0;
  let hits = 0;
  const sql = 'SELECT count(chat_vault_visit(rowid)) FROM messages_fts WHERE messages_fts MATCH ?';
  visitIds(sql, keyExpression(key), (id) => {
    while (bit < ids.length && (ids[bit] ?? 0) < id) bit += 1;
    if (ids[bit] !== id) {
      throw new Error(`The full-text index holds a message (${id}) the vault does not.`);
    }
    addBit(set, bit);
    hits += 1;
  });
  return { set, hits };
}

/**
 * Builds the bitmaps of the vault as it is; null when it has too few messages for them. Run on a
 * connection of its own: it reads for a while (seconds per million messages).
 */
export function buildSearchBitmaps(
  db: Database,
  policy: BitmapPolicy = DEFAULT_BITMAP_POLICY,
): BitmapBuild | null {
  const started = performance.now();
  db.exec(`CREATE TABLE IF NOT EXISTS ${STAGING} (token TEXT PRIMARY KEY, hits INTEGER, form TEXT, members BLOB);
           DELETE FROM ${STAGING};`);
  const stage = db.prepare<[string, number, 'bits' | 'ordinals', Buffer]>(
    `INSERT INTO ${STAGING} (token, hits, form, members) VALUES (?, ?, ?, ?)`,
  );
  const visitIds = idVisitor(db);
  const rest = <T>(step: () => T): T => withRest(policy.restRatio, step);
  const messages = db
    .transaction(() => {
      const total = vaultMessageCount(db);
      if (total < policy.minMessages) return null;
      const ids = rest(() => messageIds(visitIds, total));
      const least = Math.max(1, Math.ceil(total * policy.minShare));
      const scope = new Set(scopeKeys(db));
      const keys = rest(() => [...sampledKeys(db, ids, policy), ...scope]);
      for (const key of keys) {
        rest(() => {
          const { set, hits } = tokenSet(visitIds, ids, key);
          if (hits < least && !scope.has(key)) return;
          const form = smallerForm(hits, total);
          stage.run(key, hits, form, form === 'bits' ? setToBytes(set) : setToOrdinals(set, hits));
        });
      }
      return total;
    })
    .deferred();
  if (messages === null) return null;
  const tokens = db
    .transaction(() => {
      db.prepare('DELETE FROM search_bitmaps').run();
      const staged = db
        .prepare(
          `INSERT INTO search_bitmaps (token, hits, form, members) SELECT token, hits, form, members FROM ${STAGING}`,
        )
        .run().changes;
      db.prepare(
        'INSERT OR REPLACE INTO search_bitmap_state (id, messages, built_at) VALUES (1, ?, ?)',
      ).run(messages, Date.now());
      return staged;
    })
    .immediate();
  db.exec(`DELETE FROM ${STAGING}`);
  return { messages, tokens, milliseconds: Math.round(performance.now() - started) };
}
