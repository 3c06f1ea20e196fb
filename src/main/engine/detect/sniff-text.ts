import {
  isLineDayStart,
  isLineMessage,
  isLineSavedHeader,
  isLineTitle,
  isLineTitleWithoutTag,
  isSignalLine,
  isSignalMarkdownLine,
  isWhatsAppHeader,
  stripMarks,
} from './line-patterns';
import { detected, unknown, type Sniffed } from './sniffed';

/** The first few non-empty lines of a text (a line cut at the 64 KiB edge keeps its start). */
export function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  while (lines.length < count && start <= text.length) {
    const match = breaks.exec(text);
    const end = match === null ? text.length : match.index;
    const line = text.slice(start, end);
    if (stripMarks(line) !== '') lines.push(line);
    if (match === null) break;
    start = breaks.lastIndex;
  }
  return lines;
}

/**
 * WhatsApp, LINE and Signal text exports, from their first lines.
 * @param filePath where it sits: a Markdown file (`chat.md`) is signal-export's, not WhatsApp's.
 */
export function sniffText(text: string, filePath = ''): Sniffed {
  const lines = firstLines(text, 5);
  const first = lines[0];
  if (first === undefined) return unknown('a text file with only blank lines');
  if (isLineTitle(first)) return detected('line-txt', 'line');
  if (isLineTitleWithoutTag(first) && lines.slice(1, 3).some(isLineSavedHeader)) {
    return detected('line-txt', 'line');
  }
  if (isLineDayStart(first) && lines.slice(1).some(isLineMessage)) {
    return detected('line-txt', 'line');
  }
  if (isSignalLine(first)) return detected('signal-txt', 'signal');
  if (filePath.toLowerCase().endsWith('.md') && isSignalMarkdownLine(first)) {
    return detected('signal-txt', 'signal');
  }
  if (isWhatsAppHeader(first)) return detected('whatsapp-txt', 'whatsapp');
  return unknown('a text file that is not a chat export Chat Vault knows');
}
