import type { ReactNode } from 'react';

/**
 * Emoji shown as emoji: a sequence that asks for emoji presentation (by default, or with U+FE0F),
 * with its skin tones and joined parts, or a flag. Wrapped so a colour emoji font draws it even
 * where the text font has a plain glyph of its own.
 */
const EMOJI =
  /(?:\p{Regional_Indicator}{2}|(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)(?:\p{Emoji_Modifier}|\uFE0F|\u20E3)*(?:\u200D\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F)*)*)/gu;

/** Cheap first look: any character that could start an emoji at all. */
const MAYBE_EMOJI = /[\p{Regional_Indicator}\p{Extended_Pictographic}]/u;

export function withEmoji(text: string): ReactNode {
  if (!MAYBE_EMOJI.test(text)) return text;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(EMOJI)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(
      <span key={match.index} className="emoji">
        {match[0]}
      </span>,
    );
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
