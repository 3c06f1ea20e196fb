/**
 * Which entry of an export is the chat text, and what the chat is called.
 *
 * The text: a single file is itself; in a zip or folder it is `_chat.txt` (iOS), else a
 * `WhatsApp Chat with X.txt` / `WhatsApp Chat - X.txt` (Android, and the localized names), else the
 * only `.txt`; the shallowest wins. The title comes from the name WhatsApp gave the export:
 * `WhatsApp Chat with Ana.zip` -> `Ana`, `WhatsApp Chat - Family.txt` -> `Family`; a `_chat.txt`
 * inside a zip or folder takes the zip's or folder's name. A copy suffix (`Ana (1).zip`) is dropped,
 * so a second download of the same chat keeps the same identity.
 */
import { ReadError } from '../read-error';
import type { ExportSource } from '../../source/export-source';

export type ChatEntry = Readonly<{
  path: string;
  /** Other chat texts in the same export, not read (one conversation per export). */
  others: readonly string[];
}>;

const IOS_CHAT = /^_chat\.txt$/iu;
/** The words WhatsApp puts before the chat's name, by language; the name follows. */
const EXPORT_NAME =
  /^(?:whatsapp[- ]chat (?:with|mit|met|con|avec|com|z|med|ile)|whatsapp chat -|chat de whatsapp con|chat whatsapp con|discussion whatsapp avec|conversa do whatsapp com|conversa de whatsapp com|whatsapp-chat -)\s+(?<name>.+)$/iu;
const NAMED_CHAT = /whats ?app.*\.txt$/iu;

function baseName(entryPath: string): string {
  return entryPath.slice(entryPath.lastIndexOf('/') + 1);
}

function depth(entryPath: string): number {
  return entryPath.split('/').length;
}

function stem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

export function findChatEntry(source: ExportSource): ChatEntry {
  if (source.container === 'file') {
    const only = source.entries[0];
    if (only === undefined) {
      throw new ReadError('INVALID_FORMAT', `${source.name} has nothing to read.`, {});
    }
    return { path: only.path, others: [] };
  }
  const texts = source.entries
    .map((entry) => entry.path)
    .filter((entryPath) => entryPath.toLowerCase().endsWith('.txt'))
    .sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
  const ranked = [
    ...texts.filter((entryPath) => IOS_CHAT.test(baseName(entryPath))),
    ...texts.filter((entryPath) => NAMED_CHAT.test(baseName(entryPath))),
  ];
  const chosen = ranked[0] ?? (texts.length === 1 ? texts[0] : undefined);
  if (chosen === undefined) {
    throw new ReadError(
      'INVALID_FORMAT',
      texts.length === 0
        ? `${source.name} holds no WhatsApp chat text (_chat.txt or "WhatsApp Chat with ....txt").`
        : `${source.name} holds ${texts.length} text files and none is named like a WhatsApp chat.`,
      {},
    );
  }
  const others = [...new Set(ranked)].filter((entryPath) => entryPath !== chosen);
  return { path: chosen, others };
}

/** The chat's name from an export or entry name, or undefined when the name is generic. */
function titleFromName(name: string, hasExtension: boolean): string | undefined {
  const plain = (hasExtension ? stem(name) : name).replace(/\s*\(\d+\)$/u, '').trim();
  if (plain === '' || /^_chat$/iu.test(plain)) return undefined;
  return EXPORT_NAME.exec(plain)?.groups?.name?.trim() ?? plain;
}

export function chatTitle(source: ExportSource, chatEntry: string): string {
  const fromEntry = titleFromName(baseName(chatEntry), true);
  const entryIsNamed = EXPORT_NAME.test(stem(baseName(chatEntry)));
  if (source.container !== 'file' && !entryIsNamed) {
    const fromExport = titleFromName(source.name, source.container === 'zip');
    if (fromExport !== undefined) return fromExport;
  }
  return fromEntry ?? 'WhatsApp chat';
}
