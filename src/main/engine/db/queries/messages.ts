import type { Database } from 'better-sqlite3';
import type { MessageView } from '../../../../shared/contract';
import { MESSAGE_COLUMNS, toView, type MessageRow } from './message-view';

export type MessagePage = Readonly<{
  conversationId: string;
  limit: number;
  /** Only messages sent at or after / before these times (ms since the epoch). */
  after: number | null;
  before: number | null;
}>;

export const LIST_MESSAGES_SQL = `${MESSAGE_COLUMNS}
  WHERE m.conversation_id = :conversationId
    AND m.sent_at >= coalesce(:after, -9007199254740991)
    AND m.sent_at < coalesce(:before, 9007199254740991)
  ORDER BY m.sent_at, m.id
  LIMIT :limit`;

/** One page of a conversation, oldest first. */
export function listMessages(db: Database, page: MessagePage): MessageView[] {
  return db.prepare<MessagePage, MessageRow>(LIST_MESSAGES_SQL).all(page).map(toView);
}

export function conversationExists(db: Database, id: string): boolean {
  return db.prepare('SELECT 1 FROM conversations WHERE id = ?').get(id) !== undefined;
}

/** The page queries: each walks `messages_by_time` from a cursor, never sorting (plans pinned in tests). */
export const PAGE_SQL = {
  forward: `${MESSAGE_COLUMNS}
    WHERE m.conversation_id = :conversationId AND (m.sent_at, m.id) > (:sentAt, :id)
    ORDER BY m.sent_at, m.id LIMIT :limit`,
  /** Forward, starting with the cursor's own message. */
  from: `${MESSAGE_COLUMNS}
    WHERE m.conversation_id = :conversationId AND (m.sent_at, m.id) >= (:sentAt, :id)
    ORDER BY m.sent_at, m.id LIMIT :limit`,
  backward: `${MESSAGE_COLUMNS}
    WHERE m.conversation_id = :conversationId AND (m.sent_at, m.id) < (:sentAt, :id)
    ORDER BY m.sent_at DESC, m.id DESC LIMIT :limit`,
} as const;

export type Cursor = Readonly<{ sentAt: number; id: number }>;

export type PageRequest = Readonly<{
  conversationId: string;
  anchor: Readonly<
    | { kind: 'start' }
    | { kind: 'end' }
    | { kind: 'after'; messageId: string }
    | { kind: 'before'; messageId: string }
  >;
  limit: number;
}>;

/** Where a message sits in its conversation's order, or null when the conversation has no such id. */
export function cursorOf(db: Database, conversationId: string, messageId: string): Cursor | null {
  const row = db
    .prepare<[string, number], { sent_at: number; id: number }>(
      'SELECT sent_at, id FROM messages WHERE conversation_id = ? AND id = ?',
    )
    .get(conversationId, Number(messageId));
  return row === undefined ? null : { sentAt: row.sent_at, id: row.id };
}

/**
 * Up to `limit` messages next to a cursor in one direction (`from` includes the cursor's own),
 * oldest first, and whether more lie beyond them.
 */
export function walk(
  db: Database,
  conversationId: string,
  cursor: Cursor,
  direction: keyof typeof PAGE_SQL,
  limit: number,
): { messages: MessageView[]; more: boolean } {
  if (limit === 0) return { messages: [], more: false };
  const rows = db
    .prepare<{ conversationId: string; sentAt: number; id: number; limit: number }, MessageRow>(
      PAGE_SQL[direction],
    )
    .all({ conversationId, ...cursor, limit: limit + 1 });
  const more = rows.length > limit;
  const page = rows.slice(0, limit).map(toView);
  return { messages: direction === 'backward' ? page.reverse() : page, more };
}

/** A page of a conversation next to a cursor, oldest first, and whether more lies beyond it. */
export function pageMessages(
  db: Database,
  request: PageRequest,
): { messages: MessageView[]; more: boolean } {
  const { anchor, conversationId, limit } = request;
  switch (anchor.kind) {
    case 'start':
      return walk(db, conversationId, { sentAt: Number.MIN_SAFE_INTEGER, id: 0 }, 'forward', limit);
    case 'end':
      return walk(
        db,
        conversationId,
        { sentAt: Number.MAX_SAFE_INTEGER, id: 0 },
        'backward',
        limit,
      );
    case 'after':
    case 'before': {
      const cursor = cursorOf(db, conversationId, anchor.messageId);
      if (cursor === null) return { messages: [], more: false };
      return walk(
        db,
        conversationId,
        cursor,
        anchor.kind === 'after' ? 'forward' : 'backward',
        limit,
      );
    }
  }
}
