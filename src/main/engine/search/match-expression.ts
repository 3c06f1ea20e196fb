/**
 * A parsed query as an FTS5 MATCH expression. Every term is a quoted FTS5 string (so nothing the
 * person types is read as FTS5 syntax) of the same index text the import stored; words match as
 * prefixes, quoted phrases as whole words, and runs of CJK characters or emoji as exact phrases.
 * The expression is bound as a parameter, never spliced into SQL.
 */
import { hasAtoms, indexText } from './index-text';
import type { SearchQuery, SearchTerm } from './search-query';

/** The FTS5 string for one term, or null when it holds nothing the index keeps (say ",,,"). */
export function termExpression(term: SearchTerm): string | null {
  const text = indexText(term.text).trim();
  if (!/[\p{L}\p{N}\p{Co}]/u.test(text) && !hasAtoms(text)) return null;
  const quoted = `"${text.replaceAll('"', '""')}"`;
  return term.phrase ? quoted : `${quoted}*`;
}

/** The MATCH expression of the query, or null when it has no term to look up in the index. */
export function matchExpression(query: SearchQuery): string | null {
  const groups = query.groups
    .map((group) => group.map(termExpression).filter((term) => term !== null))
    .filter((group) => group.length > 0)
    .map((group) => (group.length === 1 ? (group[0] ?? '') : `(${group.join(' OR ')})`));
  if (groups.length === 0) return null;
  const excluded = query.excluded.map(termExpression).filter((term) => term !== null);
  const positive = groups.length === 1 ? (groups[0] ?? '') : `(${groups.join(' AND ')})`;
  return excluded.reduce((expression, term) => `${expression} NOT ${term}`, positive);
}
