/**
 * Where things sit in a thread file, by JSON path: `{ participants, messages: [...], title,
 * is_still_participant, thread_type, thread_path, ... }` ("Download your information": note that
 * the title comes after the messages), or `{ participants: [names], threadName, messages }` (the
 * end-to-end encrypted download). Messages and the few header fields are assembled one by one;
 * everything else is only checked.
 */
import type { JsonSelection } from '../json/json-stream';
import type { JsonPath } from '../json/json-value';

export const HEADER_KEYS = ['participants', 'title', 'thread_path', 'threadName'] as const;
export type HeaderKey = (typeof HEADER_KEYS)[number];

const HEADER: ReadonlySet<string> = new Set(HEADER_KEYS);

export type PathRole =
  | Readonly<{ role: 'root' | 'messages' | 'message' | 'other' }>
  | Readonly<{ role: 'header'; key: HeaderKey }>;

export function isHeaderKey(key: unknown): key is HeaderKey {
  return typeof key === 'string' && HEADER.has(key);
}

export function roleOf(path: JsonPath): PathRole {
  const [key, index] = path;
  if (path.length === 0) return { role: 'root' };
  if (path.length === 1 && key === 'messages') return { role: 'messages' };
  if (path.length === 1 && isHeaderKey(key)) return { role: 'header', key };
  if (path.length === 2 && key === 'messages' && typeof index === 'number') {
    return { role: 'message' };
  }
  return { role: 'other' };
}

export function selectThread(path: JsonPath): JsonSelection {
  const place = roleOf(path);
  switch (place.role) {
    case 'root':
    case 'messages':
      return 'walk';
    case 'header':
    case 'message':
      return 'value';
    case 'other':
      return 'skip';
  }
}
