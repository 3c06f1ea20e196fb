/**
 * A search as an expression over token bitmaps, when its count can come from them: every word
 * and filter a single token the bitmaps are keyed by, no prefixes, phrases or dates. It mirrors
 * match-expression.ts term for term, so that both count the same messages; anything it cannot
 * say exactly makes it null, and the full-text index counts instead.
 */
import { MEDIA_TOKEN, conversationToken, platformToken, type FTS_COLUMNS } from '../index-row';
import { indexText } from '../index-text';
import type { MatchScope } from '../match-expression';
import { termExpression } from '../match-expression';
import type { SearchQuery, SearchTerm } from '../search-query';

export type FtsColumn = (typeof FTS_COLUMNS)[number];

export type BitmapExpression =
  | Readonly<{ kind: 'token'; key: string }>
  | Readonly<{ kind: 'all'; of: readonly BitmapExpression[] }>
  | Readonly<{ kind: 'any'; of: readonly BitmapExpression[] }>
  | Readonly<{ kind: 'but'; set: BitmapExpression; not: readonly BitmapExpression[] }>;

/** How a bitmap is named: its column and its token as the index stores it ("text the"). */
export const tokenKey = (column: FtsColumn, token: string): string => `${column} ${token}`;

/** Tokens the index stores unchanged but for ASCII case: letters and digits, or one Han character. */
export const PLAIN_WORD = /^[A-Za-z0-9]+$/u;
export const HAN_CHARACTER = /^\p{Script=Han}$/u;

/**
 * The one token the index makes of `text`, as the bitmaps name it, or null when it makes several
 * or folds it beyond ASCII case (accents, other scripts): those are left to the index.
 */
export function singleToken(text: string): string | null {
  const indexed = indexText(text).trim();
  if (PLAIN_WORD.test(indexed)) return indexed.toLowerCase();
  return HAN_CHARACTER.test(indexed) ? indexed : null;
}

const token = (column: FtsColumn, text: string): BitmapExpression => ({
  kind: 'token',
  key: tokenKey(column, text),
});

/** Either of several, or the one. */
const anyOf = (of: readonly BitmapExpression[]): BitmapExpression =>
  of.length === 1 && of[0] !== undefined ? of[0] : { kind: 'any', of };

class NotExact extends Error {}

/** A term of the text column as a token, or null when match-expression drops it too. */
function textTerm(term: SearchTerm): BitmapExpression | null {
  if (termExpression(term) === null) return null;
  const single = term.prefix ? null : singleToken(term.text);
  if (single === null) throw new NotExact();
  return token('text', single);
}

function textPart(query: SearchQuery): BitmapExpression | null {
  const groups = query.groups
    .map((group) => group.map(textTerm).filter((term) => term !== null))
    .filter((group) => group.length > 0)
    .map(anyOf);
  if (groups.length === 0) return null;
  const positive =
    groups.length === 1 && groups[0] !== undefined
      ? groups[0]
      : { kind: 'all' as const, of: groups };
  const excluded = query.excluded.map(textTerm).filter((term) => term !== null);
  return excluded.length === 0 ? positive : { kind: 'but', set: positive, not: excluded };
}

/**
 * The sender filter as the whole words it names (sender-words.ts); a name of several words is a
 * phrase, and a prefix left to FTS5 is not a token: both not exact here.
 */
function senderPart(sender: string, words: readonly string[] | null): BitmapExpression | null {
  if (termExpression({ text: sender, phrase: false, prefix: words === null }) === null) return null;
  if (words === null || words.length === 0 || /\s/u.test(indexText(sender).trim())) {
    throw new NotExact();
  }
  return anyOf(
    words.map((word) => {
      if (!PLAIN_WORD.test(word) || word !== word.toLowerCase()) throw new NotExact();
      return token('sender', word);
    }),
  );
}

/**
 * Whether the words of a query (its filters aside) are tokens the bitmaps could count: known from
 * the query alone, before a search resolves its filters (sender words cost an index read).
 */
export function wordsCountable(query: SearchQuery): boolean {
  try {
    textPart(query);
    return true;
  } catch (error) {
    if (error instanceof NotExact) return false;
    throw error;
  }
}

/** The search as a bitmap expression, or null when its count must come from the index. */
export function bitmapExpression(query: SearchQuery, scope: MatchScope): BitmapExpression | null {
  try {
    const parts: BitmapExpression[] = [];
    const text = textPart(query);
    if (text !== null) parts.push(text);
    if (scope.sender !== null) {
      const sender = senderPart(scope.sender, scope.senderWords ?? null);
      if (sender !== null) parts.push(sender);
    }
    if (scope.conversationIds !== null) {
      if (scope.conversationIds.length === 0) return null;
      parts.push(anyOf(scope.conversationIds.map((id) => token('scope', conversationToken(id)))));
    }
    if (scope.platform !== null) parts.push(token('scope', platformToken(scope.platform)));
    if (scope.hasMedia) parts.push(token('scope', MEDIA_TOKEN));
    if (parts.length === 0) return null;
    return parts.length === 1 && parts[0] !== undefined ? parts[0] : { kind: 'all', of: parts };
  } catch (error) {
    if (error instanceof NotExact) return null;
    throw error;
  }
}

/** Every token key an expression reads. */
export function expressionKeys(expression: BitmapExpression): string[] {
  switch (expression.kind) {
    case 'token':
      return [expression.key];
    case 'all':
    case 'any':
      return expression.of.flatMap(expressionKeys);
    case 'but':
      return [expression.set, ...expression.not].flatMap(expressionKeys);
  }
}
