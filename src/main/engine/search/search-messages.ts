/**
 * Runs a search on the vault: parse, build the MATCH expression and the SQL, count every hit
 * (exact, never capped) and read one page of them with snippets.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { SearchHit } from '../../../shared/contract';
import { PLATFORMS, type Platform } from '../../../shared/platforms';
import { VaultError } from '../errors';
import { bitmapExpression, wordsCountable } from './bitmaps/bitmap-expression';
import { countWithBitmaps, currentBitmapSize } from './bitmaps/bitmap-count';
import { needsLiteralCheck } from './index-text';
import { platformToken } from './index-row';
import { matchExpression, type MatchScope } from './match-expression';
import { buildSnippet } from './snippet';
import { parseSearchQuery, SearchQueryError, type SearchQuery } from './search-query';
import {
  countSql,
  escapeLike,
  hitsSql,
  searchParams,
  WHOLE,
  type IdPart,
  type SearchOrder,
  type SearchParams,
  type SqlScope,
} from './search-sql';
import { senderWords } from './sender-words';

export type SearchRequest = Readonly<{
  query: string;
  /** Only this conversation (the search inside an open conversation). */
  conversationId: string | null;
  /** Only senders whose name contains this / only messages sent in [after, before). */
  sender?: string | null;
  after?: number | null;
  before?: number | null;
  order: SearchOrder;
  limit: number;
  /** Newest-first: continue below this message id (the last hit of the previous page). */
  cursor: string | null;
  /** Relevance: skip this many hits. */
  offset: number;
  /** The zone in which before:/after: dates are read; default the machine's. */
  timeZone?: string | undefined;
}>;

export type { SearchHit };

export type SearchResult = Readonly<{
  total: number;
  hits: readonly SearchHit[];
  /** The cursor of the next page (newest-first), or null at the end. */
  nextCursor: string | null;
}>;

type HitRow = Readonly<{
  id: number;
  conversation_id: string;
  title: string;
  platform: Platform;
  sent_at: number;
  sender: string | null;
  text: string;
  kind: SearchHit['kind'];
}>;

const statements = new WeakMap<Database, Map<string, Statement>>();

function prepared(db: Database, sql: string): Statement {
  let cache = statements.get(db);
  if (cache === undefined) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** The bound values a statement names, and no others. */
function boundFor(sql: string, params: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const bound: Record<string, unknown> = {};
  for (const [, name] of sql.matchAll(/:([A-Za-z][A-Za-z0-9]*)/gu)) {
    if (name !== undefined) bound[name] = params[name];
  }
  return bound;
}

/**
 * What a search runs: its parsed query, the scope its filters resolved to, the SQL conditions
 * besides MATCH and their values.
 */
type SearchPlan = Readonly<{
  query: SearchQuery;
  matchScope: MatchScope;
  sqlScope: SqlScope;
  params: SearchParams;
}>;

/** Parses a request and builds its MATCH expression; null when it can match nothing. */
function planSearch(db: Database, request: SearchRequest, part: IdPart): SearchPlan | null {
  let query;
  try {
    query = parseSearchQuery(request.query, { timeZone: request.timeZone });
  } catch (error) {
    if (error instanceof SearchQueryError) {
      throw new VaultError('SEARCH_QUERY_INVALID', error.message);
    }
    throw error;
  }
  const { filters } = query;
  const conversationIds = conversationsInScope(db, filters.in, request.conversationId);
  if (conversationIds !== null && conversationIds.length === 0) return null;
  const sqlScope = {
    after: maxOf(request.after ?? null, filters.after),
    before: minOf(request.before ?? null, filters.before),
    literals: query.groups.flatMap((group) =>
      group.length === 1 && group[0] !== undefined && needsLiteralCheck(group[0].text)
        ? [group[0].text.trim()]
        : [],
    ),
  };
  const sender = request.sender ?? filters.from;
  const matchScope: MatchScope = {
    sender,
    senderWords: sender === null ? null : senderWords(db, sender),
    conversationIds,
    platform: filters.platform,
    hasMedia: filters.hasMedia,
  };
  const match =
    matchExpression(query, matchScope) ??
    (sqlScope.after !== null || sqlScope.before !== null ? EVERY_MESSAGE : null);
  if (match === null) {
    throw new VaultError(
      'SEARCH_QUERY_EMPTY',
      'Type a word to look for, or a filter such as from:NAME or has:media.',
    );
  }
  const page = {
    cursor: request.cursor === null ? null : Number(request.cursor),
    limit: request.limit,
    offset: request.offset,
  };
  return { query, matchScope, sqlScope, params: searchParams(match, sqlScope, page, part) };
}

function countHits(db: Database, plan: SearchPlan, part: IdPart): number {
  const sql = countSql(plan.sqlScope, part);
  return prepared(db, sql).pluck().get(boundFor(sql, plan.params)) as number;
}

/**
 * A page of hits and how many hits there are; with `part`, those in that part of the id space
 * (the other parts searched elsewhere, see search-threads.ts): newest first, the page is of the
 * part's hits; by relevance, of all hits, and only the count is the part's. `totalIsWhole` says
 * the total counts every hit even so (a relevance page with room to spare holds them all).
 */
export function searchMessages(
  db: Database,
  request: SearchRequest,
  part: IdPart = WHOLE,
): SearchResult & { totalIsWhole: boolean } {
  const plan = planSearch(db, request, part);
  if (plan === null) return { total: 0, hits: [], nextCursor: null, totalIsWhole: true };
  return pageOfHits(db, plan, request, part, () => countHits(db, plan, part));
}

/**
 * A newest-first search whose count the token bitmaps answer (bitmaps/), read on this thread
 * alone in one transaction; null when they cannot, and the search is counted by parts.
 */
export function searchWithBitmaps(db: Database, request: SearchRequest): SearchResult | null {
  if (!mayCountWithBitmaps(request) || currentBitmapSize(db) === null) return null;
  return db
    .transaction(() => {
      const plan = planSearch(db, request, WHOLE);
      if (plan === null) return null;
      const expression = bitmapExpression(plan.query, plan.matchScope);
      const total = expression === null ? null : countWithBitmaps(db, expression);
      if (total === null) return null;
      const page = pageOfHits(db, plan, request, WHOLE, () => total);
      return { total: page.total, hits: page.hits, nextCursor: page.nextCursor };
    })
    .deferred();
}

/**
 * Whether the bitmaps could count a search, from the request alone: newest first, no dates, and
 * words that are single tokens (those also need no literal check). Any other search goes straight
 * to the parts, without planning it twice (with a sender, planning reads the index's words).
 */
function mayCountWithBitmaps(request: SearchRequest): boolean {
  if (request.order !== 'newest' || (request.after ?? null) !== null) return false;
  if ((request.before ?? null) !== null) return false;
  let query: SearchQuery;
  try {
    query = parseSearchQuery(request.query, { timeZone: request.timeZone });
  } catch {
    // The search itself reports what is wrong with the query.
    return false;
  }
  return query.filters.after === null && query.filters.before === null && wordsCountable(query);
}

/** The page of a planned search, and its count: `count()` unless the page holds every hit. */
function pageOfHits(
  db: Database,
  plan: SearchPlan,
  request: SearchRequest,
  part: IdPart,
  count: () => number,
): SearchResult & { totalIsWhole: boolean } {
  const newest = request.order === 'newest';
  const hits = hitsSql(plan.sqlScope, request.order, newest ? part : WHOLE);
  const rows = prepared(db, hits).all(boundFor(hits, plan.params)) as HitRow[];
  // A first page with room to spare holds every hit it looked through (the part's newest first,
  // all by relevance): that is the count, and counting again would walk the index a second time
  // (the whole of it, for a rare phrase of common characters).
  const allOnPage = request.cursor === null && request.offset === 0 && rows.length < request.limit;
  const whole = part.from === null && part.below === null;
  const last = rows.at(-1);
  return {
    total: allOnPage ? rows.length : count(),
    totalIsWhole: whole || (allOnPage && !newest),
    hits: rows.map((row) => ({
      messageId: String(row.id),
      conversationId: row.conversation_id,
      conversationTitle: row.title,
      platform: row.platform,
      sentAt: new Date(row.sent_at).toISOString(),
      sender: row.sender,
      text: row.text,
      kind: row.kind,
      snippet: buildSnippet(row.text, plan.query),
    })),
    nextCursor:
      request.order === 'newest' && last !== undefined && rows.length === request.limit
        ? String(last.id)
        : null,
  };
}

/** How many hits a search has in one part of the id space (a share of a parallel count). */
export function countSearchHits(db: Database, request: SearchRequest, part: IdPart): number {
  const plan = planSearch(db, request, part);
  return plan === null ? 0 : countHits(db, plan, part);
}

/** Every message has exactly one platform token: their union matches all (for dates alone). */
const EVERY_MESSAGE = `scope : (${PLATFORMS.map((platform) => `"${platformToken(platform)}"`).join(' OR ')})`;

/**
 * The conversations a search is limited to: those whose title contains `in` (or whose id it is),
 * within the open conversation when there is one; null when neither limits it.
 */
function conversationsInScope(
  db: Database,
  inFilter: string | null,
  conversationId: string | null,
): string[] | null {
  if (inFilter === null) return conversationId === null ? null : [conversationId];
  const pattern = `%${escapeLike(inFilter)}%`;
  const ids = prepared(
    db,
    "SELECT id FROM conversations WHERE title LIKE :pattern ESCAPE '\\' OR id = :id",
  )
    .pluck()
    .all({ pattern, id: inFilter }) as string[];
  return conversationId === null ? ids : ids.filter((id) => id === conversationId);
}

function maxOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.max(a, b);
}

function minOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.min(a, b);
}
