/**
 * A message's text cut into runs for display: each run carries the formatting that covers it
 * (Telegram's entities, whose offsets count UTF-16 code units as JavaScript strings do), the link
 * it opens (only safe http(s) ones; see safe-link.ts) and the block it sits in (a code block or a
 * quote). Links written out in plain text become links too. A UI turns runs into elements; the
 * text is never parsed as markup.
 */
import type { TextEntity } from './contract';
import { findLinks, safeLink } from './safe-link';

export const TEXT_MARKS = [
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'code',
  'spoiler',
  'mention',
  'hashtag',
  'email',
  'phone',
] as const;
export type TextMark = (typeof TEXT_MARKS)[number];

export type TextBlock = Readonly<{
  type: 'pre' | 'blockquote';
  id: number;
  language: string | null;
}>;

export type TextRun = Readonly<{
  text: string;
  marks: readonly TextMark[];
  /** The safe http(s) link this run opens, or null. */
  link: string | null;
  /** The code block or quote the run belongs to (runs of one block share its id), or null. */
  block: TextBlock | null;
}>;

/** Entities inside which written-out links are not linkified (they are code, or links already). */
const NO_AUTOLINK: ReadonlySet<string> = new Set(['code', 'pre', 'link', 'text_link', 'email']);

type Span = Readonly<{ start: number; end: number; type: string; value: string | null }>;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** Moves an offset that falls between the halves of a surrogate pair to the pair's start. */
function snap(text: string, offset: number): number {
  const clamped = Math.max(0, Math.min(text.length, offset));
  return clamped > 0 && isHighSurrogate(text.charCodeAt(clamped - 1)) ? clamped - 1 : clamped;
}

function spansOf(text: string, entities: readonly TextEntity[]): Span[] {
  const spans: Span[] = [];
  for (const entity of entities) {
    const start = snap(text, entity.offset);
    const end = snap(text, entity.offset + entity.length);
    if (end > start) spans.push({ start, end, type: entity.type, value: entity.value ?? null });
  }
  return spans;
}

/** The link of a run: an explicit target, the linked text itself, or a written-out link. */
function linkOf(covering: readonly Span[], fullText: string): string | null {
  for (const span of covering) {
    if (span.type === 'text_link') return span.value === null ? null : safeLink(span.value);
    if (span.type === 'link') return safeLink(fullText.slice(span.start, span.end));
    if (span.type === 'autolink') return span.value;
  }
  return null;
}

export function textRuns(text: string, entities: readonly TextEntity[] = []): TextRun[] {
  if (text === '') return [];
  const spans = spansOf(text, entities);
  const guarded = spans.filter((span) => NO_AUTOLINK.has(span.type));
  for (const found of findLinks(text)) {
    if (guarded.some((span) => span.start < found.end && found.start < span.end)) continue;
    spans.push({ start: found.start, end: found.end, type: 'autolink', value: found.link });
  }
  const cuts = new Set<number>([0, text.length]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const blockIds = new Map<Span, number>();
  const runs: TextRun[] = [];
  for (let index = 0; index + 1 < sorted.length; index += 1) {
    const start = sorted[index] ?? 0;
    const end = sorted[index + 1] ?? 0;
    const runText = text.slice(start, end);
    const covering = spans.filter((span) => span.start <= start && end <= span.end);
    const marks = TEXT_MARKS.filter((mark) => covering.some((span) => span.type === mark));
    const blockSpan = covering.find((span) => span.type === 'pre' || span.type === 'blockquote');
    let block: TextBlock | null = null;
    if (blockSpan !== undefined) {
      const id = blockIds.get(blockSpan) ?? blockIds.size;
      blockIds.set(blockSpan, id);
      block = {
        type: blockSpan.type === 'pre' ? 'pre' : 'blockquote',
        id,
        language: blockSpan.type === 'pre' ? blockSpan.value : null,
      };
    }
    runs.push({ text: runText, marks, link: linkOf(covering, text), block });
  }
  return runs;
}
