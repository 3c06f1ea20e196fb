/**
 * The start of a WhatsApp message line: a date and time in one of the many locale styles, then the
 * sender and the text. Examples this reads:
 *   Android  `12/31/20, 9:41 PM - Name: text`, `31.12.20, 21:41 - Name: text`, `2020-12-31, 21:41 - `
 *   iOS      `[31/12/2020, 21:41:05] Name: text`, `[12/31/20 9:41:05 p. m.] Name: text`
 *   others   `13.06.18 21.25.15: Name: text`, `13. 6. 2018. 21:25:15 Name: text`,
 *            `13.6.2018 klo 21.25.15 - Name: text`, `3/6/18, 1:55\u202fPM - Name: text`
 * Invisible marks (U+200E, U+200F, embeddings, BOM) anywhere in the stamp are ignored; U+00A0,
 * U+202F and `_` count as spaces before AM/PM. Which of the two non-year numbers is the day is not
 * decided here (see date-order.ts).
 */

/** Marks WhatsApp and editors put before or inside a line. */
export const INVISIBLE_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;
function isMark(code: number): boolean {
  return (
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

export function stripInvisibleMarks(text: string): string {
  // Most lines have none: a scan costs less than the replace.
  for (let index = 0; index < text.length; index += 1) {
    if (isMark(text.charCodeAt(index))) return text.replace(INVISIBLE_MARKS, '');
  }
  return text;
}

const AM = /^(?:a\.?\s?m\.?|午前|上午|오전|ص)$/iu;

// Numbered groups, not named ones: a named group makes a `groups` object on every match, and
// this runs on every line of a chat. The numbers are the `G` fields below.
const DATE = String.raw`(\d{1,4})([./-])\s?(\d{1,4})\2\s?(\d{1,4})\.?`;
const GAP = String.raw`(?:,\s*|\s+)(?:klo\s+)?`;
const MERIDIEM_WORDS = String.raw`[aApP]\.?\s?[mM]\.?|午前|午後|上午|下午|오전|오후|ص|م`;
const MERIDIEM_BEFORE = String.raw`(?:(午前|午後|上午|下午|오전|오후)\s*)?`;
const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?`;
const MERIDIEM_AFTER = String.raw`(?:[\s_]*(${MERIDIEM_WORDS})(?![\p{L}\p{N}]))?`;
const STAMP = `${DATE}${GAP}${MERIDIEM_BEFORE}${TIME}${MERIDIEM_AFTER}`;
/** The groups of STAMP (in both BRACKETED and PLAIN), and the separator groups of PLAIN. */
const G = {
  d1: 1,
  dateSeparator: 2,
  d2: 3,
  d3: 4,
  before: 5,
  hour: 6,
  minute: 7,
  second: 8,
  after: 9,
  dash: 10,
  colon: 11,
} as const;

const BRACKETED = new RegExp(String.raw`^\[${STAMP}\s*\]\s?`, 'u');
const PLAIN = new RegExp(
  String.raw`^${STAMP}(?:\s*([-\u2013\u2014])(?:\s|$)|(:)(?:\s|$)|(\s+))`,
  'u',
);
/** "Name: text": the sender (group 1) ends at the first colon followed by a space or the end. */
const SENDER = /^([^\n]{1,200}?):(?: |$)/u;

export type Separator = 'bracket' | 'dash' | 'colon' | 'space';

/** What stays the same on every message line of one export. */
export type HeaderStyle = Readonly<{
  separator: Separator;
  dateSeparator: string;
  /** Which of the three date numbers is the year (0, 1 or 2), and how many digits it has. */
  yearPosition: 0 | 1 | 2;
  yearDigits: 2 | 4;
  clock: 12 | 24;
}>;

export type HeaderStamp = Readonly<{
  style: HeaderStyle;
  /** A key equal for lines written by the same export format. */
  styleKey: string;
  /** The stamp's match, for its date as written (`stampDateText`). */
  written: readonly (string | undefined)[];
  year: number;
  /** The two numbers that are day and month, in the order written. */
  firstNumber: number;
  secondNumber: number;
  hour: number;
  minute: number;
  second: number;
  sender: string | null;
  /** Everything after the stamp (and after "Name: " when there is a sender), as in the file. */
  text: string;
  /** The text began with an invisible mark (iOS writes one before system notes and media). */
  textStartsWithMark: boolean;
}>;

/** Stamps are short: only this many characters of a line are looked at to find one. */
const HEAD_CHARS = 96;

/** Index in `raw` just after its `cleanLength`-th character that is not a mark. */
function rawIndexAfter(raw: string, cleanLength: number): number {
  let seen = 0;
  let index = 0;
  while (index < raw.length && seen < cleanLength) {
    if (!isMark(raw.charCodeAt(index))) seen += 1;
    index += 1;
  }
  return index;
}

function hour24(hour: number, meridiem: string | undefined): number {
  if (meridiem === undefined || hour > 12) return hour;
  return AM.test(meridiem) ? hour % 12 : (hour % 12) + 12;
}

/**
 * The stamp at the start of `line`, or null when the line does not start like a message. A line in
 * the `space` style without "Name: " after the stamp is only taken when `acceptBareSpace` (once the
 * export is known to write its lines that way).
 */
export function parseHeader(line: string, acceptBareSpace: boolean): HeaderStamp | null {
  const stripped = stripInvisibleMarks(line.slice(0, HEAD_CHARS));
  const head = stripped.trimStart();
  const bracketed = head.startsWith('[');
  const match = bracketed ? BRACKETED.exec(head) : PLAIN.exec(head);
  if (match === null) return null;
  const d1 = match[G.d1] ?? '';
  const d2 = match[G.d2] ?? '';
  const d3 = match[G.d3] ?? '';
  // The year is the one number of more than two digits, or the last when all have two.
  const long1 = d1.length > 2;
  const long2 = d2.length > 2;
  if ((long1 ? 1 : 0) + (long2 ? 1 : 0) + (d3.length > 2 ? 1 : 0) > 1) return null;
  const position: 0 | 1 | 2 = long1 ? 0 : long2 ? 1 : 2;
  const yearText = position === 0 ? d1 : position === 1 ? d2 : d3;
  if (yearText.length !== 2 && yearText.length !== 4) return null;
  const yearDigits = yearText.length;
  const first = position === 0 ? d2 : d1;
  const second = position === 2 ? d2 : d3;

  const separator: Separator = bracketed
    ? 'bracket'
    : match[G.dash] !== undefined
      ? 'dash'
      : match[G.colon] !== undefined
        ? 'colon'
        : 'space';
  const meridiem = match[G.before] ?? match[G.after];
  const clock = meridiem === undefined ? 24 : 12;
  const hour = hour24(Number(match[G.hour]), meridiem);
  const minute = Number(match[G.minute]);
  const secondText = match[G.second];
  const secondOfMinute = secondText === undefined ? 0 : Number(secondText);
  if (hour > 23 || minute > 59 || secondOfMinute > 59) return null;

  const skippedSpaces = stripped.length - head.length;
  const rest = line.slice(rawIndexAfter(line, skippedSpaces + match[0].length));
  const senderMatch = SENDER.exec(rest);
  if (separator === 'space' && senderMatch === null && !acceptBareSpace) return null;
  const name = senderMatch?.[1];
  const sender = name === undefined ? null : cleanSender(name);
  const text = senderMatch === null ? rest : rest.slice(senderMatch[0].length);

  const { style, key } = styleOf(
    separator,
    match[G.dateSeparator] ?? '',
    position,
    yearDigits,
    clock,
  );
  return {
    style,
    styleKey: key,
    written: match,
    year: yearDigits === 4 ? Number(yearText) : 2000 + Number(yearText),
    firstNumber: Number(first),
    secondNumber: Number(second),
    hour,
    minute,
    second: secondOfMinute,
    sender: sender === '' ? null : sender,
    text: stripLeadingMarks(text),
    textStartsWithMark: text !== '' && isMark(text.charCodeAt(0)),
  };
}

/** The stamp's date and time as written ("13/01/2015 21:05"), for warnings. */
export function stampDateText(stamp: HeaderStamp): string {
  const { written, style } = stamp;
  const separator = style.dateSeparator;
  return `${written[G.d1] ?? ''}${separator}${written[G.d2] ?? ''}${separator}${written[G.d3] ?? ''} ${written[G.hour] ?? ''}:${written[G.minute] ?? ''}`;
}

const SEPARATORS: readonly Separator[] = ['bracket', 'dash', 'colon', 'space'];
const DATE_SEPARATORS: readonly string[] = ['.', '/', '-'];
/** One style object and key per style, made once: a stamp is made for every line of a chat. */
const STYLES: (StyleAndKey | undefined)[] = [];

type StyleAndKey = Readonly<{ style: HeaderStyle; key: string }>;

function makeStyle(style: HeaderStyle): StyleAndKey {
  const { separator, dateSeparator, yearPosition, yearDigits, clock } = style;
  return { style, key: `${separator}|${dateSeparator}|${yearPosition}:${yearDigits}|${clock}` };
}

function styleOf(
  separator: Separator,
  dateSeparator: string,
  yearPosition: 0 | 1 | 2,
  yearDigits: 2 | 4,
  clock: 12 | 24,
): StyleAndKey {
  const dateIndex = DATE_SEPARATORS.indexOf(dateSeparator);
  // The stamp patterns allow only these date separators; anything else is made, not kept.
  if (dateIndex < 0)
    return makeStyle({ separator, dateSeparator, yearPosition, yearDigits, clock });
  const index =
    (((SEPARATORS.indexOf(separator) * DATE_SEPARATORS.length + dateIndex) * 3 + yearPosition) * 2 +
      (yearDigits === 4 ? 1 : 0)) *
      2 +
    (clock === 12 ? 1 : 0);
  let made = STYLES[index];
  if (made === undefined) {
    made = makeStyle({ separator, dateSeparator, yearPosition, yearDigits, clock });
    STYLES[index] = made;
  }
  return made;
}

function cleanSender(name: string): string {
  return stripInvisibleMarks(name).trim();
}

function stripLeadingMarks(text: string): string {
  let index = 0;
  while (index < text.length && isMark(text.charCodeAt(index))) index += 1;
  return text.slice(index);
}

/**
 * Whether a line that ends the file without a line end stops inside a stamp written in `style`
 * ("12/31/20, 9:4"): the file was cut while a message line was being written.
 */
export function isCutStamp(line: string, style: HeaderStyle): boolean {
  const head = stripInvisibleMarks(line).trim();
  const separator = style.dateSeparator === '.' ? '\\.' : style.dateSeparator;
  const bracket = style.separator === 'bracket' ? String.raw`\[` : '';
  const partial = new RegExp(
    String.raw`^${bracket}\d{1,4}${separator}(?:\s?\d{0,4}(?:${separator}\s?\d{0,4}\.?)?)?` +
      String.raw`(?:,?\s*(?:klo\s*)?(?:\d{1,2}(?:[:.]\d{0,2}){0,2})?)?` +
      String.raw`(?:[\s_]*(?:[aApP]\.?\s?[mM]?\.?)?)?\s*\]?\s*[-\u2013\u2014]?$`,
    'u',
  );
  return partial.test(head);
}
