import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SLOTS_PER_SECOND, secondOf } from '../../../src/main/engine/db/message-ids';
import { partsBetween, searchPartBounds } from '../../../src/main/engine/search/search-parts';
import { searchThreadCount } from '../../../src/main/engine/search/search-threads';
import { useTempDirs } from '../../support/temp-dir';
import { openVaultDb } from '../../support/vault-db';

const tempDir = useTempDirs();
let db: Database | undefined;

afterEach(() => db?.close());

/** A vault whose conversations table holds these spans (no messages are needed for the bounds). */
async function vaultWith(
  spans: readonly Readonly<{ count: number; first: number; last: number }>[],
): Promise<Database> {
  db = openVaultDb(await tempDir());
  const insert = db.prepare(
    'INSERT INTO conversations (id, platform, title, message_count, first_at, last_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  spans.forEach((span, index) =>
    insert.run(`c${index}`, 'telegram', `Chat ${index}`, span.count, span.first, span.last),
  );
  return db;
}

const idAt = (instant: number): number => secondOf(instant) * SLOTS_PER_SECOND;

describe('where the parts of a parallel count meet', () => {
  it('halves one conversation at the middle of its span', async () => {
    const first = Date.UTC(2020, 0, 1);
    const last = Date.UTC(2020, 0, 11);
    const vault = await vaultWith([{ count: 1000, first, last }]);
    expect(searchPartBounds(vault, 2)).toEqual([idAt(Date.UTC(2020, 0, 6))]);
  });

  it('weighs conversations by how many messages they hold', async () => {
    // 1,000 messages in January, 3,000 in February: the half (2,000) falls a third into February.
    const jan = { count: 1000, first: Date.UTC(2020, 0, 1), last: Date.UTC(2020, 1, 1) };
    const feb = { count: 3000, first: Date.UTC(2020, 1, 1), last: Date.UTC(2020, 2, 1) };
    const vault = await vaultWith([jan, feb]);
    const [half] = searchPartBounds(vault, 2);
    const expected = feb.first + (feb.last - feb.first) / 3;
    expect(Math.abs((half ?? 0) - idAt(expected))).toBeLessThanOrEqual(SLOTS_PER_SECOND);
    const quarters = searchPartBounds(vault, 4);
    expect(quarters).toHaveLength(3);
    expect(quarters).toEqual([...quarters].sort((a, b) => a - b));
    expect(quarters[0]).toBe(idAt(jan.last));
  });

  it('has no bounds without messages, or for one part', async () => {
    const vault = await vaultWith([{ count: 0, first: 0, last: 0 }]);
    expect(searchPartBounds(vault, 3)).toEqual([]);
    const one = await vaultWith([{ count: 5, first: 0, last: 10_000 }]);
    expect(searchPartBounds(one, 1)).toEqual([]);
  });

  it('cuts the id space into parts that meet without gaps', () => {
    expect(partsBetween([])).toEqual([{ from: null, below: null }]);
    expect(partsBetween([10, 20])).toEqual([
      { from: null, below: 10 },
      { from: 10, below: 20 },
      { from: 20, below: null },
    ]);
  });

  it('uses a thread per core beside the query thread, one to three', () => {
    expect([1, 2, 3, 4, 8, 64].map((cores) => searchThreadCount(cores))).toEqual([
      1, 1, 2, 3, 3, 3,
    ]);
  });
});
