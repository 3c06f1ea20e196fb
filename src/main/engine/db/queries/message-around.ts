/**
 * A page centred on one message, for jumping into the middle of a conversation: to the original of
 * a reply, or to the first message of a chosen day. Both halves walk the time index from the
 * target, so the cost does not grow with the conversation.
 */
import type { Database } from 'better-sqlite3';
import type { MessageView } from '../../../../shared/contract';
import { cursorOf, walk, type Cursor } from './messages';

export type AroundRequest = Readonly<{
  conversationId: string;
  target: Readonly<{ kind: 'message'; messageId: string } | { kind: 'time'; at: number }>;
  limit: number;
}>;

export type AroundPage = {
  messages: MessageView[];
  targetId: string | null;
  moreBefore: boolean;
  moreAfter: boolean;
};

/** The first message at or after `at`, walking the time index; plan pinned in tests. */
export const FIRST_AT_OR_AFTER_SQL = `SELECT sent_at, id FROM messages
  WHERE conversation_id = :conversationId AND sent_at >= :at ORDER BY sent_at, id LIMIT 1`;
export const LAST_MESSAGE_SQL = `SELECT sent_at, id FROM messages
  WHERE conversation_id = :conversationId ORDER BY sent_at DESC, id DESC LIMIT 1`;

function cursorAtTime(db: Database, conversationId: string, at: number): Cursor | null {
  type Row = { sent_at: number; id: number };
  const row =
    db.prepare<{ conversationId: string; at: number }, Row>(FIRST_AT_OR_AFTER_SQL).get({
      conversationId,
      at,
    }) ?? db.prepare<{ conversationId: string }, Row>(LAST_MESSAGE_SQL).get({ conversationId });
  return row === undefined ? null : { sentAt: row.sent_at, id: row.id };
}

export function pageAround(db: Database, request: AroundRequest): AroundPage {
  const { conversationId, target, limit } = request;
  const cursor =
    target.kind === 'message'
      ? cursorOf(db, conversationId, target.messageId)
      : cursorAtTime(db, conversationId, target.at);
  if (cursor === null) return { messages: [], targetId: null, moreBefore: false, moreAfter: false };
  const beforeLimit = Math.floor(limit / 2);
  const before = walk(db, conversationId, cursor, 'backward', beforeLimit);
  const after = walk(db, conversationId, cursor, 'from', limit - beforeLimit);
  return {
    messages: [...before.messages, ...after.messages],
    targetId: String(cursor.id),
    moreBefore: before.more,
    moreAfter: after.more,
  };
}
