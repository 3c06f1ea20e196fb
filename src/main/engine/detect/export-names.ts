import type { Platform } from '../../../shared/platforms';
import type { FormatId } from './format';
import { metaAppFromPath } from './path-hints';

/** One name inside a zip or folder, relative, with `/` separators. Names are only looked at. */
export type NameEntry = Readonly<{ path: string; dir: boolean }>;

/** What the names alone say: a decision, or which few files to sniff (best first). */
export type NamePlan =
  | Readonly<{ kind: 'decided'; format: FormatId; platform: Platform }>
  | Readonly<{ kind: 'sniff'; candidates: readonly string[] }>;

const SLACK_LISTS = new Set([
  'channels.json',
  'users.json',
  'groups.json',
  'dms.json',
  'mpims.json',
]);
const SLACK_DAY = /^[^/]+\/\d{4}-\d{2}-\d{2}\.json$/;
const META_THREAD =
  /(?:^|\/)messages\/(?:inbox|archived_threads|filtered_threads|message_requests|e2ee_cutover)\/[^/]+\/message_\d+\.json$/i;
const TELEGRAM_HTML = /^(?:messages\d*\.html|export_results\.html)$/;
const WHATSAPP_TXT = /^(?:_chat\.txt|.*whats ?app.*\.txt)$/i;
const CHAT_FILE = /\.(?:jsonl|json|txt|html?|md)$/i;
/** signal-export writes each chat as `<chat>/chat.md`. */
const SIGNAL_CHAT = /^chat\.md$/i;
/** How many chats one folder down (a whole signal-export output) are peeked at, at most. */
const NESTED_CHATS = 2;

function baseName(entryPath: string): string {
  return entryPath.slice(entryPath.lastIndexOf('/') + 1);
}

function depth(entryPath: string): number {
  return entryPath.split('/').length - 1;
}

/** One folder that holds everything (a zipped "ChatExport_2023-08-23/..."), as "name/", or "". */
export function commonFolder(entries: readonly NameEntry[]): string {
  const paths = entries.map((entry) => entry.path.replace(/\/+$/, '')).filter((p) => p !== '');
  const first = paths[0]?.split('/')[0];
  if (first === undefined) return '';
  const prefix = `${first}/`;
  const shared = paths.every((p) => p === first || p.startsWith(prefix));
  return shared && paths.some((p) => p.startsWith(prefix)) ? prefix : '';
}

function rank(name: string): number {
  const lower = name.toLowerCase();
  if (SIGNAL_CHAT.test(lower)) return -1;
  if (/^message_\d+\.json$/.test(lower)) return 0;
  if (lower.endsWith('.jsonl')) return 1;
  if (lower.endsWith('.json')) return 2;
  if (lower.endsWith('.txt')) return 3;
  if (lower.endsWith('.md')) return 4;
  return 5;
}

/**
 * Recognises an export from the names of its entries. `where` is the zip or folder path, used only
 * to tell Instagram from Messenger.
 */
export function planFromNames(entries: readonly NameEntry[], where: string): NamePlan {
  const prefix = commonFolder(entries);
  const inner = entries
    .map((entry) => ({ path: entry.path.replace(/\/+$/, '').slice(prefix.length), dir: entry.dir }))
    .filter((entry) => entry.path !== '');
  const files = inner.filter((entry) => !entry.dir).map((entry) => entry.path);
  const top = new Set(files.filter((p) => depth(p) === 0).map((p) => p.toLowerCase()));
  const topDirs = inner.some((entry) => entry.dir || depth(entry.path) > 0);

  const slackLists = [...top].filter((name) => SLACK_LISTS.has(name));
  const slackDays = files.some((p) => SLACK_DAY.test(p));
  if (slackLists.length > 0 && (slackDays || topDirs || slackLists.length > 1)) {
    return { kind: 'decided', format: 'slack-export', platform: 'slack' };
  }
  if (top.has('result.json'))
    return { kind: 'decided', format: 'telegram-json', platform: 'telegram' };
  if ([...top].some((name) => TELEGRAM_HTML.test(name))) {
    return { kind: 'decided', format: 'telegram-html', platform: 'telegram' };
  }
  const thread = files.find((p) => META_THREAD.test(p));
  if (thread !== undefined) {
    const app = metaAppFromPath(`${prefix}${thread}`) ?? metaAppFromPath(where) ?? 'messenger';
    return app === 'instagram'
      ? { kind: 'decided', format: 'instagram-json', platform: 'instagram' }
      : { kind: 'decided', format: 'messenger-json', platform: 'messenger' };
  }
  if (files.some((p) => depth(p) <= 1 && WHATSAPP_TXT.test(baseName(p)))) {
    return { kind: 'decided', format: 'whatsapp-txt', platform: 'whatsapp' };
  }
  const candidates = files
    .filter((p) => depth(p) === 0 && CHAT_FILE.test(p) && !baseName(p).startsWith('.'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const nested = files
    .filter((p) => depth(p) === 1 && SIGNAL_CHAT.test(baseName(p)))
    .sort((a, b) => a.localeCompare(b))
    .slice(0, NESTED_CHATS);
  return { kind: 'sniff', candidates: [...candidates, ...nested].map((p) => `${prefix}${p}`) };
}
