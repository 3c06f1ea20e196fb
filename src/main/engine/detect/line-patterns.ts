/**
 * Line shapes of the text exports, used on the first lines of a file only. The readers parse the
 * lines themselves; these patterns only have to say "this is what a line of that export looks like".
 */
import { parseDateLine } from '../readers/line/date-line';
import { parseMessageLine } from '../readers/line/message-line';

/** Invisible marks WhatsApp and editors put before or inside a line (LRM, RLM, embeddings, BOM). */
const INVISIBLE = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function stripMarks(line: string): string {
  return line.replace(INVISIBLE, '').trim();
}

// Dates: 12/31/20, 31.12.20, 2020-12-31, 13. 6. 2018., 06/2018/13 (a number group of 1-4 digits
// three times, separated by / . or -, optionally followed by spaces).
const DATE = String.raw`\d{1,4}[./-] ?\d{1,4}[./-] ?\d{1,4}\.?`;
// Between date and time: comma and/or spaces, or the Finnish "klo".
const DATE_TIME_GAP = String.raw`(?:,\s*|\s+)(?:klo\s+)?`;
const TIME = String.raw`\d{1,2}[:.]\d{2}(?:[:.]\d{2})?`;
// AM/PM in its many spellings: AM, am, a. m., p.\u00a0m., 3:22_AM, \u202fPM, and Asian markers.
const MERIDIEM = String.raw`(?:[\s\u00a0\u202f_]*(?:[aApP]\.?[\s\u00a0\u202f]*[mM]\.?|午前|午後|上午|下午|오전|오후|ص|م))?`;
const STAMP = `${DATE}${DATE_TIME_GAP}${TIME}${MERIDIEM}`;

/** iOS: "[31/12/2020, 21:41:05] Name: text". */
const WHATSAPP_BRACKETED = new RegExp(String.raw`^\[${STAMP}\]\s*\S`);
/**
 * Android and others: "12/31/20, 9:41 PM - Name: text", "09/17/19, 8:30:52 AM – Name: text",
 * "13.06.18 21.25.15: a: m", or "13. 6. 2018. 21:25:15 Name: text" (a colon later on the line).
 */
const WHATSAPP_PLAIN = new RegExp(
  String.raw`^${STAMP}(?:\s*[-\u2013\u2014]\s|:\s|\s+(?=[^:]{1,120}:\s))\s*\S`,
);

export function isWhatsAppHeader(line: string): boolean {
  const clean = stripMarks(line);
  return WHATSAPP_BRACKETED.test(clean) || WHATSAPP_PLAIN.test(clean);
}

/**
 * Signal Desktop via signal-export (sigexport): "[2019-05-29, 15:04] Name: text". ISO date with a
 * comma and minutes only; WhatsApp's bracketed (iOS) lines always carry seconds.
 */
const SIGNAL_LINE = /^\[\d{4}-\d{2}-\d{2}, \d{2}:\d{2}\] [^:\n]{1,200}: /;

export function isSignalLine(line: string): boolean {
  return SIGNAL_LINE.test(stripMarks(line));
}

/**
 * Later versions of signal-export write seconds and no comma (`[2019-05-29 15:04:05] Name: text`),
 * which WhatsApp also writes in some locales; in a Markdown file (`chat.md`) it is Signal.
 */
const SIGNAL_MARKDOWN_LINE =
  /^\[\d{4}-\d{2}-\d{2}(?:, | )\d{2}:\d{2}(?::\d{2})?\] [^:\n]{1,200}:(?: |$)/;

export function isSignalMarkdownLine(line: string): boolean {
  return SIGNAL_MARKDOWN_LINE.test(stripMarks(line));
}

/** LINE: "[LINE] Chat history with X", "[LINE] 与X的聊天记录", "[LINE] Xとのトーク履歴". */
const LINE_TITLE = /^\[LINE\]\s*\S/;
const LINE_TITLE_WITHOUT_TAG =
  /^(?:Chat history (?:with|in) .+|.+とのトーク履歴|.+のトーク履歴|与.+的聊天记录|與.+的聊天記錄)$/;
const LINE_SAVED = /^(?:Saved on:|保存日期[:：]|保存日時[:：]|儲存日期[:：])/;

export function isLineTitle(line: string): boolean {
  return LINE_TITLE.test(stripMarks(line));
}

export function isLineTitleWithoutTag(line: string): boolean {
  return LINE_TITLE_WITHOUT_TAG.test(stripMarks(line));
}

export function isLineSavedHeader(line: string): boolean {
  return LINE_SAVED.test(stripMarks(line));
}

/** LINE without its title (older exports, some group chats): a date line, then message lines. */
export function isLineDayStart(line: string): boolean {
  return parseDateLine(stripMarks(line)) !== null;
}

export function isLineMessage(line: string): boolean {
  return line.includes('\t') && parseMessageLine(line.replace(INVISIBLE, '')) !== null;
}
