/**
 * The search box's language, parsed into a plain description. Words match whole words (case and
 * accents folded), `word*` any word starting so; "quoted phrases" match those words in that order; a term with
 * CJK characters or emoji matches exactly where it occurs; `-term` excludes; `a OR b` matches
 * either; filters narrow: from:NAME, in:CONVERSATION, before:DATE, after:DATE, has:media,
 * platform:NAME. A value with spaces is quoted: from:"Ana Maria".
 */
import { PLATFORMS, PLATFORM_NAMES, type Platform } from '../../../shared/platforms';
import { zonedWallTimeToUtc } from '../readers/zoned-time';

/** One thing to look for: the text as typed, whether it was quoted, whether it ended in `*`. */
export type SearchTerm = Readonly<{ text: string; phrase: boolean; prefix: boolean }>;

/** A bare word as a term: `word*` asks for every word that starts with `word`. */
function wordTerm(word: string): SearchTerm {
  const prefix = word.length > 1 && word.endsWith('*');
  return { text: prefix ? word.replace(/\*+$/u, '') : word, phrase: false, prefix };
}

/** Terms joined by OR; a query matches when every group matches. */
export type TermGroup = readonly SearchTerm[];

export type SearchFilters = Readonly<{
  /** Sender names containing this (ASCII case folded). */
  from: string | null;
  /** Conversation titles containing this, or the conversation with this id. */
  in: string | null;
  platform: Platform | null;
  /** Sent at or after / before these instants (ms since the epoch). */
  after: number | null;
  before: number | null;
  hasMedia: boolean;
}>;

export type SearchQuery = Readonly<{
  groups: readonly TermGroup[];
  excluded: readonly SearchTerm[];
  filters: SearchFilters;
}>;

/** A query that cannot be run, with what to change, and where (0-based character offset). */
export class SearchQueryError extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.name = 'SearchQueryError';
    this.offset = offset;
  }
}

export const FILTER_KEYS = ['from', 'in', 'before', 'after', 'has', 'platform'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

type Token =
  | Readonly<{ kind: 'term'; term: SearchTerm; negated: boolean; offset: number }>
  | Readonly<{ kind: 'or'; offset: number }>
  | Readonly<{ kind: 'filter'; key: FilterKey; value: string; offset: number }>;

export type ParseOptions = Readonly<{ timeZone?: string | undefined }>;

export function parseSearchQuery(input: string, options: ParseOptions = {}): SearchQuery {
  const tokens = tokenize(input);
  const groups: SearchTerm[][] = [];
  const excluded: SearchTerm[] = [];
  const filters: { -readonly [K in keyof SearchFilters]: SearchFilters[K] } = {
    from: null,
    in: null,
    platform: null,
    after: null,
    before: null,
    hasMedia: false,
  };
  let joinNext = false;
  tokens.forEach((token, index) => {
    switch (token.kind) {
      case 'or': {
        const previous = tokens[index - 1];
        const next = tokens[index + 1];
        if (!isPositiveTerm(previous) || !isPositiveTerm(next) || joinNext) {
          throw new SearchQueryError(
            'OR needs a word or phrase on each side, as in: cat OR dog.',
            token.offset,
          );
        }
        joinNext = true;
        break;
      }
      case 'term':
        if (token.negated) excluded.push(token.term);
        else if (joinNext) groups.at(-1)?.push(token.term);
        else groups.push([token.term]);
        joinNext = false;
        break;
      case 'filter':
        applyFilter(filters, token, options);
        break;
    }
  });
  if (groups.length === 0 && excluded.length > 0) {
    throw new SearchQueryError(
      'Add a word to look for: a search cannot consist of -exclusions alone.',
      0,
    );
  }
  return { groups, excluded, filters };
}

function isPositiveTerm(token: Token | undefined): boolean {
  return token?.kind === 'term' && !token.negated;
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const skipSpaces = () => {
    while (at < input.length && /\s/u.test(input[at] ?? '')) at += 1;
  };
  /** A quoted value starting at `at` (on the quote), without its quotes. */
  const quoted = (): string => {
    const start = at;
    const close = input.indexOf('"', at + 1);
    if (close === -1) {
      throw new SearchQueryError(
        'A quote is not closed: end the phrase with a second " (quotation mark).',
        start,
      );
    }
    at = close + 1;
    return input.slice(start + 1, close);
  };
  /** A bare word from `at` to the next space. */
  const bare = (): string => {
    const start = at;
    while (at < input.length && !/\s/u.test(input[at] ?? '')) at += 1;
    return input.slice(start, at);
  };
  for (skipSpaces(); at < input.length; skipSpaces()) {
    const offset = at;
    if (input[at] === '"') {
      const term = { text: quoted(), phrase: true, prefix: false };
      tokens.push({ kind: 'term', term, negated: false, offset });
      continue;
    }
    if (input[at] === '-' && at + 1 < input.length && !/[\s-]/u.test(input[at + 1] ?? '')) {
      at += 1;
      const term =
        input[at] === '"' ? { text: quoted(), phrase: true, prefix: false } : wordTerm(bare());
      tokens.push({ kind: 'term', term, negated: true, offset });
      continue;
    }
    const filter = /^([a-z]+):/iu.exec(input.slice(at));
    const key = filter?.[1]?.toLowerCase();
    if (filter !== null && isFilterKey(key)) {
      at += filter[0].length;
      const value = input[at] === '"' ? quoted() : bare();
      if (value.trim() === '') {
        throw new SearchQueryError(`${key}: needs a value, as in ${FILTER_EXAMPLES[key]}.`, offset);
      }
      tokens.push({ kind: 'filter', key, value: value.trim(), offset });
      continue;
    }
    const word = bare();
    if (word === 'OR') tokens.push({ kind: 'or', offset });
    else tokens.push({ kind: 'term', term: wordTerm(word), negated: false, offset });
  }
  return tokens;
}

const FILTER_EXAMPLES: Readonly<Record<FilterKey, string>> = {
  from: 'from:Ana or from:"Ana Maria"',
  in: 'in:Family',
  before: 'before:2024-05-01',
  after: 'after:2023-12-31',
  has: 'has:media',
  platform: 'platform:whatsapp',
};

function isFilterKey(key: string | undefined): key is FilterKey {
  return (FILTER_KEYS as readonly string[]).includes(key ?? '');
}

function applyFilter(
  filters: { -readonly [K in keyof SearchFilters]: SearchFilters[K] },
  token: Extract<Token, { kind: 'filter' }>,
  options: ParseOptions,
): void {
  const { key, value, offset } = token;
  switch (key) {
    case 'from':
      filters.from = value;
      return;
    case 'in':
      filters.in = value;
      return;
    case 'platform': {
      const platform = platformNamed(value);
      if (platform === null) {
        throw new SearchQueryError(
          `There is no platform named "${value}". Use one of: ${PLATFORMS.join(', ')}.`,
          offset,
        );
      }
      filters.platform = platform;
      return;
    }
    case 'has':
      if (value.toLowerCase() !== 'media') {
        throw new SearchQueryError(`has: knows only has:media (not "${value}").`, offset);
      }
      filters.hasMedia = true;
      return;
    case 'after':
      filters.after = dayStart(value, offset, options);
      return;
    case 'before':
      filters.before = dayStart(value, offset, options);
      return;
  }
}

function platformNamed(value: string): Platform | null {
  const wanted = value.toLowerCase();
  return (
    PLATFORMS.find(
      (platform) => platform === wanted || PLATFORM_NAMES[platform].toLowerCase() === wanted,
    ) ?? null
  );
}

const DATE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/u;

/**
 * The first instant of a date (YYYY, YYYY-MM or YYYY-MM-DD) in the vault's time zone. after:D
 * includes the day D; before:D ends where D begins.
 */
function dayStart(value: string, offset: number, options: ParseOptions): number {
  const match = DATE.exec(value);
  const year = Number(match?.[1]);
  const month = match?.[2] === undefined ? 1 : Number(match[2]);
  const day = match?.[3] === undefined ? 1 : Number(match[3]);
  const valid =
    match !== null &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!valid) {
    throw new SearchQueryError(
      `"${value}" is not a date: write it as YYYY-MM-DD (2024-05-01), YYYY-MM or YYYY.`,
      offset,
    );
  }
  return zonedWallTimeToUtc(year, month, day, 0, 0, 0, options.timeZone);
}
