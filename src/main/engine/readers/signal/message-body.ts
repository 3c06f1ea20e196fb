/**
 * A message's Markdown as signal-export writes it, into text, files and reactions:
 *   body text, ending in two spaces (a Markdown line break);
 *   a quoted reply before the body: a blank line, `> quoted` lines, a blank line;
 *   reactions on a line of their own: `(- Aya: 👍, Jim: ❤️ -)`;
 *   a sticker: `(( 😀 ))` (older versions) or a link into `../exported_stickers/`;
 *   files as links into the chat's `media/` folder: `![photo.jpg](./media/photo.jpg)` for images,
 *   `[voice.m4a](./media/voice.m4a)` for the rest, spaces in paths written as `%20`;
 *   `(This message was deleted)`; calls as `Incoming voice call (accepted, 1m 3s)`, `Missed video
 *   call`, `Outgoing call`, ...
 * Only links to files beside the chat (`./` or `../`) are taken for files; a link a person wrote
 * to a web page stays in the text.
 */
import path from 'node:path';
import { mimeFromName } from '../media-types';
import type { AttachmentRef, MessageKind, Reaction } from '../records';

export type SignalBody = Readonly<{
  kind: MessageKind;
  text: string;
  attachments: readonly AttachmentRef[];
  reactions: readonly Reaction[];
}>;

/** Finds the entry of a file a message links to (relative to the chat's folder), or null. */
export type FileFinder = (relativePath: string) => string | null;

const FILE_LINK = /(?<image>!?)\[(?<name>[^\]\n]*)\]\((?<target>\.\.?\/[^)\s]+)\)(?: {2})?/gu;
const REACTIONS = /^\(- (?<list>.*) -\)/u;
const OLD_STICKER = /^\(\( (?<label>.*) \)\)$/u;
const DELETED = '(This message was deleted)';
const CALL =
  /^(?:(?:Incoming|Outgoing|Missed) (?:(?:voice|video) )?call|Incoming call|Outgoing call)\b/u;

function decodePath(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

function reactionsOf(list: string): Reaction[] {
  const byEmoji = new Map<string, string[]>();
  for (const item of list.split(', ')) {
    const colon = item.lastIndexOf(': ');
    if (colon <= 0) continue;
    const name = item.slice(0, colon).trim();
    const emoji = item.slice(colon + 2).trim();
    if (emoji === '') continue;
    const senders = byEmoji.get(emoji) ?? [];
    senders.push(name);
    byEmoji.set(emoji, senders);
  }
  return [...byEmoji].map(([emoji, senders]) => ({ emoji, count: senders.length, senders }));
}

/** Takes out the file links of `line`, adding their attachments; what remains of the line. */
function takeFiles(line: string, findFile: FileFinder, attachments: AttachmentRef[]): string {
  let rest = '';
  let from = 0;
  for (const found of line.matchAll(FILE_LINK)) {
    const target = decodePath(found.groups?.target ?? '');
    const name = (found.groups?.name ?? '') || path.posix.basename(target);
    const mime = mimeFromName(name) ?? mimeFromName(target);
    attachments.push({ entryPath: findFile(target), name, mime });
    rest += line.slice(from, found.index);
    from = found.index + found[0].length;
  }
  return from === 0 ? line : rest + line.slice(from);
}

/** `\n\n> quoted\n> more\n\nbody` -> `> quoted\n> more\n\nbody`: the quote is kept, marked. */
function withoutLeadingBlankLines(lines: string[]): string[] {
  let start = 0;
  while (start < lines.length && (lines[start] ?? '').trim() === '') start += 1;
  return lines.slice(start);
}

export function readBody(markdown: string, findFile: FileFinder): SignalBody {
  const attachments: AttachmentRef[] = [];
  let reactions: Reaction[] = [];
  let sticker: string | null = null;
  const kept: string[] = [];
  for (const raw of markdown.split('\n')) {
    let line = raw;
    const reacted = REACTIONS.exec(line);
    if (reacted?.groups?.list !== undefined) {
      reactions = reactionsOf(reacted.groups.list);
      line = line.slice(reacted[0].length);
    }
    const stickerLabel = OLD_STICKER.exec(line.trim())?.groups?.label;
    if (stickerLabel !== undefined) {
      sticker = stickerLabel;
      continue;
    }
    const rest = takeFiles(line, findFile, attachments);
    if (rest !== line && rest.trim() === '') continue;
    if (reacted !== null && rest.trim() === '') continue;
    kept.push(rest);
  }
  if (sticker !== null) attachments.push({ entryPath: null, name: sticker, mime: null });
  const text = withoutLeadingBlankLines(kept).join('\n').trimEnd();
  let kind: MessageKind = attachments.length > 0 ? 'media' : 'text';
  if (text === DELETED) kind = 'other';
  else if (attachments.length === 0 && CALL.test(text)) kind = 'call';
  return { kind, text, attachments, reactions };
}
