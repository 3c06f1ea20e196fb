import type { Database } from 'better-sqlite3';
import type { MessageView } from '../../../../shared/contract';

type MessageAttachment = MessageView['attachments'][number];

/** The columns of a message as the contract shows it, attachments folded in as JSON. */
const MESSAGE_COLUMNS = `
  SELECT m.id, m.conversation_id, m.sent_at, m.sender, m.text, m.kind,
         (SELECT json_group_array(json_object('name', a.name, 'mime', a.mime, 'bytes', a.bytes, 'sha256', a.sha256))
            FROM attachments AS a WHERE a.message_id = m.id) AS attachments
  FROM messages AS m`;

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

type MessageRow = Readonly<{
  id: number;
  conversation_id: string;
  sent_at: number;
  sender: string | null;
  text: string;
  kind: MessageView['kind'];
  attachments: string;
}>;

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
  backward: `${MESSAGE_COLUMNS}
    WHERE m.conversation_id = :conversationId AND (m.sent_at, m.id) < (:sentAt, :id)
    ORDER BY m.sent_at DESC, m.id DESC LIMIT :limit`,
} as const;

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

function toView(row: MessageRow): MessageView {
  return {
    id: String(row.id),
    conversationId: row.conversation_id,
    sentAt: new Date(row.sent_at).toISOString(),
    sender: row.sender,
    text: row.text,
    kind: row.kind,
    attachments: JSON.parse(row.attachments) as MessageAttachment[],
  };
}

/** A page of a conversation next to a cursor, oldest first, and whether more lies beyond it. */
export function pageMessages(
  db: Database,
  request: PageRequest,
): { messages: MessageView[]; more: boolean } {
  const { anchor, conversationId, limit } = request;
  let cursor = { sentAt: Number.MIN_SAFE_INTEGER, id: 0 };
  if (anchor.kind === 'end') cursor = { sentAt: Number.MAX_SAFE_INTEGER, id: 0 };
  if (anchor.kind === 'after' || anchor.kind === 'before') {
    const row = db
      .prepare<[string, number], { sent_at: number; id: number }>(
        'SELECT sent_at, id FROM messages WHERE conversation_id = ? AND id = ?',
      )
      .get(conversationId, Number(anchor.messageId));
    if (row === undefined) return { messages: [], more: false };
    cursor = { sentAt: row.sent_at, id: row.id };
  }
  const backward = anchor.kind === 'end' || anchor.kind === 'before';
  const rows = db
    .prepare<{ conversationId: string; sentAt: number; id: number; limit: number }, MessageRow>(
      backward ? PAGE_SQL.backward : PAGE_SQL.forward,
    )
    .all({ conversationId, ...cursor, limit: limit + 1 });
  const more = rows.length > limit;
  const page = rows.slice(0, limit).map(toView);
  return { messages: backward ? page.reverse() : page, more };
}
