/**
 * The SQL of a search, put together from fixed fragments by which conditions are present; every
 * value is a bound parameter. Words and filters are one MATCH expression (match-expression.ts);
 * dates bound the index walk by rowid, because message ids are time-ordered (db/message-ids.ts).
 * So counting reads the index alone, and newest-first walks it by rowid without sorting: the first
 * page of a word found in half the vault costs as little as one of a rare word.
 */
import { SLOTS_PER_SECOND, secondOf } from '../db/message-ids';

export type SearchOrder = 'newest' | 'relevance';

/** What the SQL checks besides the MATCH expression. */
export type SqlScope = Readonly<{
  /** Sent at or after / before these instants (ms since the epoch). */
  after: number | null;
  before: number | null;
  /** Terms whose hits must contain them literally (see needsLiteralCheck). */
  literals: readonly string[];
}>;

/**
 * A part of the id space a count is limited to, [from, below) (null: unbounded), so that parts
 * can be counted side by side on other threads (search-parts.ts).
 */
export type IdPart = Readonly<{ from: number | null; below: number | null }>;

export const WHOLE: IdPart = { from: null, below: null };

export type SearchParams = Readonly<{
  match: string;
  after: number | null;
  before: number | null;
  firstId: number | null;
  endId: number | null;
  /** Newest-first pages continue below this id. */
  cursor: number;
  limit: number;
  offset: number;
  /** The part of the id space the count covers. */
  partFrom: number | null;
  partBelow: number | null;
  /** LIKE patterns of the literal terms, as literal0, literal1, ... */
  [literal: `literal${number}`]: string;
}>;

/** The first id of the second that holds `instant`, rounded up to a whole second. */
const firstIdFrom = (instant: number): number => secondOf(instant + 999) * SLOTS_PER_SECOND;

export function searchParams(
  match: string,
  scope: SqlScope,
  page: Readonly<{ cursor: number | null; limit: number; offset: number }>,
  part: IdPart = WHOLE,
): SearchParams {
  return {
    match,
    after: scope.after,
    before: scope.before,
    firstId: scope.after === null ? null : firstIdFrom(scope.after),
    endId: scope.before === null ? null : firstIdFrom(scope.before),
    cursor: page.cursor ?? Number.MAX_SAFE_INTEGER,
    limit: page.limit,
    offset: page.offset,
    partFrom: part.from,
    partBelow: part.below,
    ...Object.fromEntries(
      scope.literals.map((literal, index) => [`literal${index}`, `%${escapeLike(literal)}%`]),
    ),
  };
}

/** `text` as a LIKE pattern that matches it literally (with ESCAPE '\\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/gu, (char) => `\\${char}`);
}

/**
 * A rowid bound as an INTEGER. better-sqlite3 binds every JavaScript number as a REAL, and FTS5
 * takes a rowid bound only when it is an INTEGER: with a REAL one it walks the term's whole list
 * and leaves the bound to SQLite, so a date range or a later page of a common word cost as much as
 * the whole word (35 ms against 0.05 ms for the last thousand of a million hits).
 */
const asInteger = (expression: string): string => `CAST(${expression} AS INTEGER)`;

/** Whole-second bounds are exact on ids; a bound inside a second needs the sent time itself. */
const subSecond = (instant: number | null): boolean => instant !== null && instant % 1000 !== 0;

/** Whether deciding a hit needs the message row, not just the index. */
const needsMessageRow = (scope: SqlScope): boolean =>
  scope.literals.length > 0 || subSecond(scope.after) || subSecond(scope.before);

/** Id bounds as SQL expressions: the walk keeps ids >= every lower one and < every upper one. */
type IdBounds = Readonly<{ lower: readonly string[]; upper: readonly string[] }>;

const NO_BOUNDS: IdBounds = { lower: [], upper: [] };

/** The bounds keeping a walk of the index inside one part of the id space. */
const partBounds = (part: IdPart): IdBounds => ({
  lower: part.from === null ? [] : [':partFrom'],
  upper: part.below === null ? [] : [':partBelow'],
});

/**
 * The MATCH and every condition of a search. The id bounds (dates, a part, a page's cursor) are
 * folded into one lower and one upper bound on the rowid: FTS5 seeks with one of each and leaves
 * any other to SQLite, which then walks the index row by row up to it.
 */
function conditions(scope: SqlScope, bounds: IdBounds = NO_BOUNDS): string[] {
  const where = ['messages_fts MATCH :match'];
  const lower = [...bounds.lower];
  const upper = [...bounds.upper];
  if (scope.after !== null) {
    // Rounded up to the next whole second, the id bound may pass over messages of the bound's own
    // second: those the sent time then keeps.
    lower.push(subSecond(scope.after) ? ':firstId - 65536' : ':firstId');
    if (subSecond(scope.after)) where.push('m.sent_at >= :after');
  }
  if (scope.before !== null) {
    upper.push(':endId');
    if (subSecond(scope.before)) where.push('m.sent_at < :before');
  }
  if (lower.length > 0) where.push(`f.rowid >= ${asInteger(combined('max', lower))}`);
  if (upper.length > 0) where.push(`f.rowid < ${asInteger(combined('min', upper))}`);
  scope.literals.forEach((_literal, index) => {
    where.push(`m.text LIKE :literal${index} ESCAPE '\\'`);
  });
  return where;
}

/** One expression for several bounds (SQLite's max() and min() of several values). */
const combined = (fold: 'max' | 'min', expressions: readonly string[]): string =>
  expressions.length === 1 ? (expressions[0] ?? '') : `${fold}(${expressions.join(', ')})`;

/** SQL counting every hit (exact, never capped), or those in one part of the id space. */
export function countSql(scope: SqlScope, part: IdPart = WHOLE): string {
  const where = conditions(scope, partBounds(part));
  const join = needsMessageRow(scope) ? ' JOIN messages AS m ON m.id = f.rowid' : '';
  return `SELECT count(*) FROM messages_fts AS f${join} WHERE ${where.join(' AND ')}`;
}

const HIT_COLUMNS = `m.id, m.conversation_id, c.title, c.platform, m.sent_at, m.sender, m.text, m.kind`;

/** Relevance ranks by the text column only; sender and scope are filters. */
const RANK = 'bm25(messages_fts, 1.0, 0.0, 0.0)';

/**
 * SQL of one page of hits, newest first (below a cursor id, in one part of the id space or all of
 * it) or by relevance (at an offset, always over all of it).
 */
export function hitsSql(scope: SqlScope, order: SearchOrder, part: IdPart = WHOLE): string {
  const where =
    order === 'newest'
      ? conditions(scope, { ...partBounds(part), upper: [':cursor', ...partBounds(part).upper] })
      : conditions(scope);
  const orderBy =
    order === 'relevance'
      ? `ORDER BY ${RANK}, f.rowid DESC LIMIT :limit OFFSET :offset`
      : 'ORDER BY f.rowid DESC LIMIT :limit';
  return `SELECT ${HIT_COLUMNS} FROM messages_fts AS f
    JOIN messages AS m ON m.id = f.rowid
    JOIN conversations AS c ON c.id = m.conversation_id
    WHERE ${where.join(' AND ')} ${orderBy}`;
}
