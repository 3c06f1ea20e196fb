/**
 * The filters written in a search query (from:, in:, before:, after:, has:, platform:), found
 * where they stand so each can be shown as a chip and removed from the text with one click.
 */
export type FilterChip = Readonly<{ text: string; start: number; end: number }>;

const FILTER = /(^|\s)((?:from|in|before|after|has|platform):(?:"[^"]*"|\S+))/giu;

export function filterChips(query: string): FilterChip[] {
  return [...query.matchAll(FILTER)].map((match) => {
    const text = match[2] ?? '';
    const start = match.index + (match[1]?.length ?? 0);
    return { text, start, end: start + text.length };
  });
}

/** The query without `chip`, spaces tidied. */
export function withoutChip(query: string, chip: FilterChip): string {
  return `${query.slice(0, chip.start)} ${query.slice(chip.end)}`.replace(/\s+/gu, ' ').trim();
}
