/**
 * The text the full-text index sees (FTS5 with `FTS_TOKENIZER`). Word scripts pass through as they
 * are. CJK has no spaces, so every CJK character becomes a token of its own and a CJK query becomes
 * a phrase of them; emoji and other symbols (which the tokenizer is told to keep) are single tokens
 * too. Wherever such an "atom" meets spaces or punctuation, a barrier token stands in their place,
 * so a phrase of atoms matches exactly where they touch in the message: "好世" does not hit
 * "你好，世界".
 *
 * The same function turns the atoms of a query into its phrase, so both sides always agree.
 */

/**
 * unicode61 with symbols (So) as token characters, so emoji are searchable. Characters the
 * tokenizer's Unicode 6.1 tables do not know (newer emoji, skin tones) are token characters too.
 */
export const FTS_TOKENIZER = "unicode61 remove_diacritics 2 categories 'L* N* Co So'";

/**
 * The token that stands where spaces or punctuation touched an atom: a symbol (U+2BD1) that the
 * text itself can never produce, because `indexText` drops it from the text as a separator.
 */
export const BARRIER = '\u2BD1';

/**
 * Leads the token of a character that joins an emoji sequence (zero-width joiner, variation
 * selector, tag), spelled as its code point: "👨‍👩" is 👨, ⯒200d, 👩. The tokenizer would drop
 * these characters, and then "👨👩" would hit "👨‍👩". Like the barrier, the text cannot produce it.
 */
const JOINER_MARK = '\u2BD2';

const CJK_RANGES: readonly (readonly [number, number])[] = [
  [0x2e80, 0x2fdf], // radicals, Kangxi
  [0x3005, 0x3007], // 々 〆 〇
  [0x3021, 0x3029], // Hangzhou numerals
  [0x3040, 0x30ff], // hiragana, katakana
  [0x3100, 0x312f], // bopomofo
  [0x3131, 0x318e], // Hangul compatibility jamo
  [0x31a0, 0x31bf], // bopomofo extended
  [0x31f0, 0x31ff], // katakana phonetic extensions
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xac00, 0xd7af], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xff66, 0xff9f], // half-width katakana
  [0x20000, 0x3134f], // CJK extensions B–G
];

/** Symbols (emoji among them) and the skin-tone modifiers, which the tokenizer keeps. */
const SYMBOL = /^[\p{So}\u{1F3FB}-\u{1F3FF}]$/u;
const WORD = /^[\p{L}\p{N}\p{M}\p{Co}]$/u;
/** Characters that shape the emoji or symbol before them (variation selectors, joiner, tags). */
const EMOJI_JOINERS = /^(?:\uFE0E|\uFE0F|\u200D|[\u{E0020}-\u{E007F}])$/u;

/** Text with no symbol and nothing from U+2000 up has no atoms: most text takes this fast path. */
const MAY_HAVE_ATOMS = /[\u2000-\u{10FFFF}]|\p{So}/u;

function isCjk(codePoint: number): boolean {
  for (const [low, high] of CJK_RANGES) {
    if (codePoint < low) return false;
    if (codePoint <= high) return true;
  }
  return false;
}

type CharClass = 'atom' | 'word' | 'joiner' | 'separator';

/** ASCII letters and digits: the only word characters below U+0080 (ASCII has no symbol in So). */
function isAsciiWord(codePoint: number): boolean {
  return (
    (codePoint >= 0x30 && codePoint <= 0x39) ||
    (codePoint >= 0x41 && codePoint <= 0x5a) ||
    (codePoint >= 0x61 && codePoint <= 0x7a)
  );
}

function classify(char: string, codePoint: number): CharClass {
  // Mixed text is mostly ASCII and CJK: both are told apart without a regular expression.
  if (codePoint < 0x80) return isAsciiWord(codePoint) ? 'word' : 'separator';
  if (char === BARRIER || char === JOINER_MARK) return 'separator';
  if (isCjk(codePoint) || SYMBOL.test(char)) return 'atom';
  if (EMOJI_JOINERS.test(char)) return 'joiner';
  if (WORD.test(char)) return 'word';
  return 'separator';
}

/** The text to store in (or to query) the full-text index for `text`. */
export function indexText(text: string): string {
  if (!MAY_HAVE_ATOMS.test(text)) return text;
  let out = '';
  /** What the last token was, and whether separators have come since. */
  let last: 'none' | 'atom' | 'word' = 'none';
  let pendingSeparator = false;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const kind = classify(char, codePoint);
    switch (kind) {
      case 'joiner':
        // Right after an atom it is part of that atom's sequence; anywhere else it separates.
        if (last === 'atom' && !pendingSeparator) out += ` ${JOINER_MARK}${codePoint.toString(16)}`;
        else pendingSeparator = true;
        break;
      case 'separator':
        pendingSeparator = true;
        break;
      case 'atom':
        if (pendingSeparator && last !== 'none') out += ` ${BARRIER}`;
        out += ` ${char}`;
        last = 'atom';
        pendingSeparator = false;
        break;
      case 'word':
        if (last === 'atom') out += pendingSeparator ? ` ${BARRIER} ` : ' ';
        else if (pendingSeparator) out += ' ';
        out += char;
        last = 'word';
        pendingSeparator = false;
        break;
    }
  }
  return out.trimStart();
}

/** True when `text` holds an atom (CJK, emoji, symbol), which the index keeps as a single token. */
export function hasAtoms(text: string): boolean {
  if (!MAY_HAVE_ATOMS.test(text)) return false;
  for (const char of text) {
    if (classify(char, char.codePointAt(0) ?? 0) === 'atom') return true;
  }
  return false;
}

/** Where the index's word and atom tokens of `text` lie (UTF-16 offsets), in order. */
export function tokenSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let inWord = false;
  let at = 0;
  for (const char of text) {
    const kind = classify(char, char.codePointAt(0) ?? 0);
    if (kind === 'word') {
      const last = spans.at(-1);
      if (inWord && last !== undefined) last.end = at + char.length;
      else spans.push({ start: at, end: at + char.length });
      inWord = true;
    } else {
      if (kind === 'atom') spans.push({ start: at, end: at + char.length });
      inWord = false;
    }
    at += char.length;
  }
  return spans;
}

/**
 * True when a term with atoms also holds spaces, punctuation or joiners ("你好，世界", "😂!"): the
 * index matches any separators there (or none at the ends), so hits must be checked against the
 * text itself.
 */
export function needsLiteralCheck(term: string): boolean {
  const trimmed = term.trim();
  if (!hasAtoms(trimmed)) return false;
  for (const char of trimmed) {
    const kind = classify(char, char.codePointAt(0) ?? 0);
    if (kind === 'separator' || kind === 'joiner') return true;
  }
  return false;
}
