/**
 * Where things sit in result.json, by JSON path. Two forms:
 * - one chat: `{ name, type, id, messages: [...] }` (the chat is the root);
 * - the whole account: `{ about, personal_information, ..., chats: { about, list: [chat, ...] },
 *   left_chats: { about, list: [chat, ...] } }`, each chat shaped like the one-chat form.
 * Everything else (contacts, sessions, profile pictures...) is checked as JSON and skipped.
 */
import type { JsonSelection } from '../json/json-stream';
import type { JsonPath } from '../json/json-value';

export const CHAT_SECTIONS: ReadonlySet<string> = new Set(['chats', 'left_chats']);
export const HEADER_KEYS: ReadonlySet<string> = new Set(['name', 'type', 'id']);

export type HeaderKey = 'name' | 'type' | 'id';

/** What a path is; `chat` is the path of the chat it belongs to, as a key (`''`: the root). */
export type PathRole =
  | Readonly<{ role: 'root' | 'section' | 'other' }>
  | Readonly<{ role: 'chat' | 'messages' | 'message'; chat: string }>
  | Readonly<{ role: 'header'; chat: string; key: HeaderKey }>;

function isHeaderKey(key: string | number | undefined): key is HeaderKey {
  return typeof key === 'string' && HEADER_KEYS.has(key);
}

/** The role of `path` relative to a chat object at `chatDepth` (0: the root chat). */
function inChat(path: JsonPath, chatDepth: number, chat: string): PathRole {
  const key = path[chatDepth];
  if (path.length === chatDepth) return { role: 'chat', chat };
  if (path.length === chatDepth + 1 && isHeaderKey(key)) return { role: 'header', chat, key };
  if (key !== 'messages') return { role: 'other' };
  if (path.length === chatDepth + 1) return { role: 'messages', chat };
  if (path.length === chatDepth + 2 && typeof path[chatDepth + 1] === 'number') {
    return { role: 'message', chat };
  }
  return { role: 'other' };
}

export function roleOf(path: JsonPath): PathRole {
  if (path.length === 0) return { role: 'root' };
  const [section, list, index] = path;
  if (typeof section === 'string' && CHAT_SECTIONS.has(section)) {
    if (path.length === 1 || (path.length === 2 && list === 'list')) return { role: 'section' };
    if (list === 'list' && typeof index === 'number') return inChat(path, 3, `${section}/${index}`);
    return { role: 'other' };
  }
  return inChat(path, 0, '');
}

/** The selector for streamJson: walk down to the chats, assemble headers and messages. */
export function selectTelegram(path: JsonPath): JsonSelection {
  const { role } = roleOf(path);
  switch (role) {
    case 'root':
    case 'section':
    case 'chat':
    case 'messages':
      return 'walk';
    case 'header':
    case 'message':
      return 'value';
    case 'other':
      return 'skip';
  }
}
