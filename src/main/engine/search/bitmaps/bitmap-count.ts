/**
 * Counting a search with the token bitmaps: when they were built for the vault as it is now and
 * hold every token the expression names, the count is a few passes over their words; otherwise
 * null, and the full-text index counts.
 */
import type { Database, Statement } from 'better-sqlite3';
import {
  countBits,
  difference,
  intersection,
  setFromBytes,
  setFromOrdinals,
  union,
  type BitSet,
} from './bit-set';
import { expressionKeys, type BitmapExpression } from './bitmap-expression';

type Statements = Readonly<{
  builtFor: Statement<[], number>;
  messages: Statement<[], number>;
  set: Statement<[string], Readonly<{ form: string; members: Buffer }>>;
  hits: Statement<[string], number>;
}>;

const statements = new WeakMap<Database, Statements>();

function prepared(db: Database): Statements {
  let cached = statements.get(db);
  if (cached === undefined) {
    cached = {
      builtFor: db
        .prepare<[], number>('SELECT messages FROM search_bitmap_state WHERE id = 1')
        .pluck(),
      // Messages are never removed, so an unchanged count is an unchanged set of messages.
      messages: db
        .prepare<[], number>('SELECT coalesce(sum(message_count), 0) FROM conversations')
        .pluck(),
      set: db.prepare<[string], Readonly<{ form: string; members: Buffer }>>(
        'SELECT form, members FROM search_bitmaps WHERE token = ?',
      ),
      hits: db.prepare<[string], number>('SELECT hits FROM search_bitmaps WHERE token = ?').pluck(),
    };
    statements.set(db, cached);
  }
  return cached;
}

/** How many messages the vault holds (the conversations' counts, without reading a message). */
export const vaultMessageCount = (db: Database): number => prepared(db).messages.get() ?? 0;

/** How many messages the bitmaps were built for; undefined when none were. */
export const bitmapsBuiltFor = (db: Database): number | undefined => prepared(db).builtFor.get();

/** How many messages the bitmaps stand for, when they are current; null when stale or absent. */
export function currentBitmapSize(db: Database): number | null {
  const built = bitmapsBuiltFor(db);
  return built !== undefined && built === vaultMessageCount(db) ? built : null;
}

function evaluate(expression: BitmapExpression, sets: ReadonlyMap<string, BitSet>): BitSet {
  switch (expression.kind) {
    case 'token': {
      const set = sets.get(expression.key);
      if (set === undefined) throw new RangeError(`No bitmap for ${expression.key}.`);
      return set;
    }
    case 'all':
      return intersection(expression.of.map((part) => evaluate(part, sets)));
    case 'any':
      return union(expression.of.map((part) => evaluate(part, sets)));
    case 'but':
      return difference(
        evaluate(expression.set, sets),
        expression.not.map((part) => evaluate(part, sets)),
      );
  }
}

/**
 * The number of messages `expression` matches, or null when the bitmaps cannot say: stale, or
 * a token among them without one (too rare to have a bitmap, or in no message at all). Call it
 * in the transaction that reads the page of hits, so that both see the same messages.
 */
export function countWithBitmaps(db: Database, expression: BitmapExpression): number | null {
  const size = currentBitmapSize(db);
  if (size === null) return null;
  // One token: its count was taken when its bitmap was built.
  if (expression.kind === 'token') return prepared(db).hits.get(expression.key) ?? null;
  const sets = new Map<string, BitSet>();
  for (const key of new Set(expressionKeys(expression))) {
    const stored = prepared(db).set.get(key);
    const set =
      stored === undefined
        ? null
        : stored.form === 'bits'
          ? setFromBytes(stored.members, size)
          : setFromOrdinals(stored.members, size);
    if (set === null) return null;
    sets.set(key, set);
  }
  return countBits(evaluate(expression, sets));
}
