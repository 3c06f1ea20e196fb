/** What tells senders apart at a glance: a colour that stays the same for a name, and initials. */

/** A stable hue (0-359) per sender name, from a small hash of its code points. */
export function senderHue(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 360;
  return hash;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const firstGrapheme = (word: string): string =>
  segmenter.segment(word)[Symbol.iterator]().next().value?.segment ?? '';
/** Letters and digits of any script (so "@ana" gives "A", and "(Bo)" gives "B"). */
const LETTER = /[\p{L}\p{N}]/u;
/** Han, Hiragana, Katakana, Hangul: one character already stands for a name. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Up to two initials for an avatar: the first letters of the first and last words ("Chen Wei" →
 * "CW"), one character for a Chinese or Japanese name ("李雷" → "李"), or an emoji a name starts with.
 */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/\s+/u)
    .filter((word) => word !== '');
  const first = words[0];
  if (first === undefined) return '?';
  const start = (word: string): string => {
    const letter = [...word].find((char) => LETTER.test(char));
    return letter ?? firstGrapheme(word);
  };
  const lead = start(first);
  if (CJK.test(lead) || !LETTER.test(lead)) return lead;
  const last = words.length > 1 ? words.at(-1) : undefined;
  const tail = last === undefined ? '' : start(last);
  return (lead + (LETTER.test(tail) && !CJK.test(tail) ? tail : '')).toLocaleUpperCase();
}
