import type { Database } from 'better-sqlite3';

export type MessageAttachment = Readonly<{
  name: string;
  mime: string | null;
  bytes: number | null;
  sha256: string | null;
}>;

export type MessageView = Readonly<{
  id: string;
  conversationId: string;
  sentAt: string;
  sender: string | null;
  text: string;
  kind: 'text' | 'media' | 'system' | 'call' | 'other';
  attachments: MessageAttachment[];
}>;

export type MessagePage = Readonly<{
  conversationId: string;
  limit: number;
  /** Only messages sent at or after / before these times (ms since the epoch). */
  after: number | null;
  before: number | null;
}>;

export const LIST_MESSAGES_SQL = `
  SELECT m.id, m.conversation_id, m.sent_at, m.sender, m.text, m.kind,
         (SELECT json_group_array(json_object('name', a.name, 'mime', a.mime, 'bytes', a.bytes, 'sha256', a.sha256))
            FROM attachments AS a WHERE a.message_id = m.id) AS attachments
  FROM messages AS m
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
  return db
    .prepare<MessagePage, MessageRow>(LIST_MESSAGES_SQL)
    .all(page)
    .map((row) => ({
      id: String(row.id),
      conversationId: row.conversation_id,
      sentAt: new Date(row.sent_at).toISOString(),
      sender: row.sender,
      text: row.text,
      kind: row.kind,
      attachments: JSON.parse(row.attachments) as MessageAttachment[],
    }));
}

export function conversationExists(db: Database, id: string): boolean {
  return db.prepare('SELECT 1 FROM conversations WHERE id = ?').get(id) !== undefined;
}
