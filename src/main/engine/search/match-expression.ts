/**
 * A parsed query as an FTS5 MATCH expression over the columns of index-row.ts. Every term is a
 * quoted FTS5 string (so nothing the person types is read as FTS5 syntax) of the same index text
 * the import stored: words match whole words (`word*` as prefixes), quoted phrases those words in
 * order, runs of CJK characters or emoji exact phrases. Filters become lookups in the sender and
 * scope columns. The expression is bound as a parameter, never spliced into SQL.
 */
import type { Platform } from '../../../shared/platforms';
import { conversationToken, MEDIA_TOKEN, platformToken } from './index-row';
import { hasAtoms, indexText } from './index-text';
import type { SearchQuery, SearchTerm } from './search-query';

const quote = (text: string): string => `"${text.replaceAll('"', '""')}"`;

/** The FTS5 string for one term, or null when it holds nothing the index keeps (say ",,,"). */
export function termExpression(term: SearchTerm): string | null {
  const text = indexText(term.text).trim();
  if (!/[\p{L}\p{N}\p{Co}]/u.test(text) && !hasAtoms(text)) return null;
  return term.prefix ? `${quote(text)}*` : quote(text);
}

/**
 * The sender as a phrase whose last word is a prefix, or, given the whole words that prefix
 * stands for, as those phrases (no word: a phrase that matches nothing, as the prefix would).
 */
function senderExpression(sender: string, words: readonly string[] | null): string | null {
  const term = termExpression({ text: sender, phrase: false, prefix: words === null });
  if (term === null || words === null || words.length === 0) return term;
  const text = indexText(sender).trim();
  const head = text.slice(0, text.search(/\S+$/u));
  return `(${words.map((word) => quote(head + word)).join(' OR ')})`;
}

/** The scope the caller and the filters narrow the search to. */
export type MatchScope = Readonly<{
  /** Sender names with a word starting so (from:). */
  sender: string | null;
  /**
   * The whole words the sender's last word starts (sender-words.ts), to name instead of a prefix;
   * null or absent: the prefix is left to FTS5.
   */
  senderWords?: readonly string[] | null;
  /** Only these conversations (in: resolved to ids, or the open conversation); null: all. */
  conversationIds: readonly string[] | null;
  platform: Platform | null;
  hasMedia: boolean;
}>;

/** The words of the query alone (text column), or null when it has none. */
function textExpression(query: SearchQuery): string | null {
  const groups = query.groups
    .map((group) => group.map(termExpression).filter((term) => term !== null))
    .filter((group) => group.length > 0)
    .map((group) => (group.length === 1 ? (group[0] ?? '') : `(${group.join(' OR ')})`));
  if (groups.length === 0) return null;
  const excluded = query.excluded.map(termExpression).filter((term) => term !== null);
  const positive = groups.length === 1 ? (groups[0] ?? '') : `(${groups.join(' AND ')})`;
  return excluded.reduce((expression, term) => `${expression} NOT ${term}`, positive);
}

/**
 * The whole MATCH expression, or null when there is nothing to look up (no words and no filter
 * the index answers). Throws nothing: every part is quoted.
 */
export function matchExpression(query: SearchQuery, scope: MatchScope): string | null {
  const parts: string[] = [];
  const text = textExpression(query);
  if (text !== null) parts.push(`text : (${text})`);
  if (scope.sender !== null) {
    const sender = senderExpression(scope.sender, scope.senderWords ?? null);
    if (sender !== null) parts.push(`sender : ${sender}`);
  }
  if (scope.conversationIds !== null) {
    const tokens = scope.conversationIds.map((id) => quote(conversationToken(id)));
    parts.push(`scope : (${tokens.length === 0 ? '"c"' : tokens.join(' OR ')})`);
  }
  if (scope.platform !== null) parts.push(`scope : ${quote(platformToken(scope.platform))}`);
  if (scope.hasMedia) parts.push(`scope : ${quote(MEDIA_TOKEN)}`);
  return parts.length === 0 ? null : parts.join(' AND ');
}
