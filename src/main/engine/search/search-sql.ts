/**
 * The SQL of a search, put together from fixed fragments by which filters are present; every value
 * is a bound parameter. Newest-first walks the full-text index by rowid (message ids are
 * time-ordered, see db/message-ids.ts), so the first page of a term found in half the vault costs
 * as little as one of a rare term; dates bound the walk by rowid too.
 */
import { SLOTS_PER_SECOND, secondOf } from '../db/message-ids';
import type { SearchFilters } from './search-query';

export type SearchOrder = 'newest' | 'relevance';

/**
 * What the SQL filters on: the query's filters, the scope the caller gives, and the terms whose
 * hits must contain them literally (see needsLiteralCheck).
 */
export type SearchScope = SearchFilters &
  Readonly<{ conversationId: string | null; literals: readonly string[] }>;

/** The bound values, named as the fragments use them. */
export type SearchParams = Readonly<{
  match: string | null;
  from: string | null;
  in: string | null;
  inId: string | null;
  platform: string | null;
  after: number | null;
  before: number | null;
  firstId: number | null;
  endId: number | null;
  conversationId: string | null;
  /** LIKE patterns of the literal terms, as literal0, literal1, ... */
  [literal: `literal${number}`]: string;
  /** Newest-first pages continue below this id. */
  cursor: number;
  limit: number;
  offset: number;
}>;

export function searchParams(
  match: string | null,
  scope: SearchScope,
  page: Readonly<{ cursor: number | null; limit: number; offset: number }>,
): SearchParams {
  return {
    match,
    from: scope.from === null ? null : `%${escapeLike(scope.from)}%`,
    in: scope.in === null ? null : `%${escapeLike(scope.in)}%`,
    inId: scope.in,
    platform: scope.platform,
    after: scope.after,
    before: scope.before,
    // The ids of a second start at second * SLOTS_PER_SECOND: bounds for the index walk.
    firstId: scope.after === null ? null : secondOf(scope.after) * SLOTS_PER_SECOND,
    endId: scope.before === null ? null : (secondOf(scope.before) + 1) * SLOTS_PER_SECOND,
    conversationId: scope.conversationId,
    cursor: page.cursor ?? Number.MAX_SAFE_INTEGER,
    limit: page.limit,
    offset: page.offset,
    ...Object.fromEntries(
      scope.literals.map((literal, index) => [`literal${index}`, `%${escapeLike(literal)}%`]),
    ),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/gu, (char) => `\\${char}`);
}

/** The WHERE conditions on messages (m) and conversations (c) that the scope needs. */
function conditions(scope: SearchScope, fromIndex: boolean): string[] {
  const where: string[] = [];
  const id = fromIndex ? 'f.rowid' : 'm.id';
  if (fromIndex) where.push('messages_fts MATCH :match');
  if (scope.after !== null) where.push(`${id} >= :firstId`, 'm.sent_at >= :after');
  if (scope.before !== null) where.push(`${id} < :endId`, 'm.sent_at < :before');
  if (scope.conversationId !== null) where.push('m.conversation_id = :conversationId');
  if (scope.from !== null) where.push("m.sender LIKE :from ESCAPE '\\'");
  if (scope.in !== null) {
    where.push("(c.title LIKE :in ESCAPE '\\' OR c.id = :inId)");
  }
  if (scope.platform !== null) where.push('c.platform = :platform');
  scope.literals.forEach((_literal, index) => {
    where.push(`m.text LIKE :literal${index} ESCAPE '\\'`);
  });
  if (scope.hasMedia) {
    where.push(
      "(m.kind = 'media' OR EXISTS (SELECT 1 FROM attachments AS a WHERE a.message_id = m.id))",
    );
  }
  return where;
}

const needsConversation = (scope: SearchScope): boolean =>
  scope.in !== null || scope.platform !== null;

/** Whether the rows of messages (m) must be read to decide a hit: any filter but the index's own. */
const needsMessages = (scope: SearchScope): boolean =>
  scope.after !== null ||
  scope.before !== null ||
  scope.conversationId !== null ||
  scope.from !== null ||
  scope.hasMedia ||
  scope.literals.length > 0 ||
  needsConversation(scope);

function fromClause(scope: SearchScope, fromIndex: boolean, forCount: boolean): string {
  const tables: string[] = [];
  if (fromIndex) tables.push('messages_fts AS f');
  if (!fromIndex || !forCount || needsMessages(scope)) {
    tables.push(fromIndex ? 'JOIN messages AS m ON m.id = f.rowid' : 'messages AS m');
  }
  if (!forCount || needsConversation(scope)) {
    tables.push('JOIN conversations AS c ON c.id = m.conversation_id');
  }
  return tables.join(' ');
}

/** SQL counting every hit (exact, never capped). */
export function countSql(scope: SearchScope, fromIndex: boolean): string {
  const where = conditions(scope, fromIndex);
  return `SELECT count(*) FROM ${fromClause(scope, fromIndex, true)}${
    where.length === 0 ? '' : ` WHERE ${where.join(' AND ')}`
  }`;
}

const HIT_COLUMNS = `m.id, m.conversation_id, c.title, c.platform, m.sent_at, m.sender, m.text, m.kind`;

/** SQL of one page of hits, newest first (after a cursor id) or by relevance (at an offset). */
export function hitsSql(scope: SearchScope, fromIndex: boolean, order: SearchOrder): string {
  const id = fromIndex ? 'f.rowid' : 'm.id';
  const where = conditions(scope, fromIndex);
  if (order === 'newest') where.push(`${id} < :cursor`);
  const orderBy =
    order === 'relevance' && fromIndex
      ? `ORDER BY bm25(messages_fts), ${id} DESC LIMIT :limit OFFSET :offset`
      : `ORDER BY ${id} DESC LIMIT :limit${order === 'relevance' ? ' OFFSET :offset' : ''}`;
  return `SELECT ${HIT_COLUMNS} FROM ${fromClause(scope, fromIndex, false)}${
    where.length === 0 ? '' : ` WHERE ${where.join(' AND ')}`
  } ${orderBy}`;
}
