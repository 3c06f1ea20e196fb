import { decodeHead } from './decode-text';
import { sniffMagic } from './magic-bytes';
import { sniffHtml } from './sniff-html';
import { sniffJson } from './sniff-json';
import { sniffText } from './sniff-text';
import { unknown, type Sniffed } from './sniffed';

/** What the first bytes of one file say; `zip` means "list the archive next". */
export type HeadVerdict = Sniffed | Readonly<{ kind: 'zip' }>;

/** ChatLab JSON Lines may open with `#` comment lines before the header object. */
function skipCommentLines(text: string): string {
  const rest = text.replace(/^(?:[ \t]*#[^\n]*\n)+/, '');
  return rest !== text && rest.trimStart().startsWith('{') ? rest : text;
}

/**
 * Recognises a file from its first bytes (at most 64 KiB) and its path (for hints only).
 */
export function sniffHead(head: Uint8Array, filePath: string): HeadVerdict {
  const magic = sniffMagic(head);
  switch (magic.kind) {
    case 'zip':
      return magic;
    case 'binary':
      return unknown(magic.what);
    case 'none':
      break;
    default: {
      const never: never = magic;
      return never;
    }
  }
  const decoded = decodeHead(head);
  if (decoded === undefined) return unknown('a binary file');
  const text = skipCommentLines(decoded).trimStart();
  if (text === '') return unknown('a text file with only blank lines');
  const first = text[0];
  if (first === '{' || first === '[') {
    const json = sniffJson(text, filePath);
    // "[31/12/2020, 21:41:05] Name: text" also starts with a bracket.
    if (json.kind === 'unknown' && first === '[') {
      const asText = sniffText(text, filePath);
      if (asText.kind === 'detected') return asText;
    }
    return json;
  }
  if (first === '<') return sniffHtml(text);
  return sniffText(text, filePath);
}
