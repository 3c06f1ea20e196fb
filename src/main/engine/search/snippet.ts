/**
 * The snippet of a hit: the stretch of the message around its first match, with every match
 * marked (see shared/search-snippet.ts). Words are matched as the index matches them (folded case
 * and accents, prefixes unless quoted); terms with CJK characters or emoji as exact text.
 */
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../shared/search-snippet';
import { hasAtoms, tokenSpans } from './index-text';
import type { SearchQuery, SearchTerm } from './search-query';

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const CONTEXT_BEFORE = 60;
export const SNIPPET_LENGTH = 200;

type Range = { start: number; end: number };

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function termRanges(text: string, term: SearchTerm): Range[] {
  if (hasAtoms(term.text)) {
    const needle = term.text.trim();
    if (needle === '') return [];
    return [...text.matchAll(new RegExp(escapeRegExp(needle), 'giu'))].map((match) => ({
      start: match.index,
      end: match.index + match[0].length,
    }));
  }
  const words = [...term.text.matchAll(WORD)].map((match) => fold(match[0]));
  if (words.length === 0) return [];
  return tokenSpans(text).filter((span) => {
    const word = fold(text.slice(span.start, span.end));
    return words.some((wanted) => (term.phrase ? word === wanted : word.startsWith(wanted)));
  });
}

function merged(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const range of sorted) {
    const last = out.at(-1);
    if (last !== undefined && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else out.push({ ...range });
  }
  return out;
}

/** Moves an index off the second half of a surrogate pair. */
function onCharacter(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

export function buildSnippet(rawText: string, query: SearchQuery): string {
  const text = rawText.replaceAll(HIGHLIGHT_START, '').replaceAll(HIGHLIGHT_END, '');
  const ranges = merged(query.groups.flat().flatMap((term) => termRanges(text, term)));
  const first = ranges[0];
  let start = 0;
  if (text.length > SNIPPET_LENGTH && first !== undefined && first.start > CONTEXT_BEFORE) {
    start = onCharacter(text, Math.min(first.start - CONTEXT_BEFORE, text.length - SNIPPET_LENGTH));
  }
  const end = Math.min(text.length, onCharacter(text, start + SNIPPET_LENGTH));
  let out = start > 0 ? '…' : '';
  let at = start;
  for (const range of ranges) {
    if (range.end <= start || range.start >= end) continue;
    const from = Math.max(range.start, start);
    const to = Math.min(range.end, end);
    out += text.slice(at, from) + HIGHLIGHT_START + text.slice(from, to) + HIGHLIGHT_END;
    at = to;
  }
  out += text.slice(at, end);
  return end < text.length ? `${out}…` : out;
}
