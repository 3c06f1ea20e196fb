/**
 * A search hit's snippet is plain text in which each highlighted stretch sits between these two
 * control characters (never found in the message text, which has them removed). The UI splits on
 * them and renders highlights as elements, never as HTML.
 */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

export type SnippetPart = Readonly<{ text: string; highlight: boolean }>;

/** The snippet as parts, in order; empty parts are left out. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let highlight = false;
  let text = '';
  const flush = () => {
    if (text !== '') parts.push({ text, highlight });
    text = '';
  };
  for (const char of snippet) {
    if (char === HIGHLIGHT_START || char === HIGHLIGHT_END) {
      flush();
      highlight = char === HIGHLIGHT_START;
    } else text += char;
  }
  flush();
  return parts;
}
