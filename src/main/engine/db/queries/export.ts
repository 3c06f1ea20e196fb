/**
 * What an export reads: a conversation's header, and its messages with every stored field, paged
 * by cursor along `messages_by_time` (never sorted, never the whole conversation at once).
 */
import type { Database } from 'better-sqlite3';
import type { Platform } from '../../../../shared/platforms';
import type { MessageKind, Reaction, TextEntity } from '../../readers/records';

export type ExportAttachment = Readonly<{
  name: string;
  mime: string | null;
  bytes: number | null;
  sha256: string | null;
}>;

export type ExportMessage = Readonly<{
  id: string;
  conversationId: string;
  externalId: string | null;
  /** Milliseconds since the epoch, UTC. */
  sentAt: number;
  sender: string | null;
  kind: MessageKind;
  text: string;
  replyTo: string | null;
  forwardedFrom: string | null;
  editedAt: number | null;
  reactions: readonly Reaction[];
  entities: readonly TextEntity[] | null;
  attachments: readonly ExportAttachment[];
}>;

export type ExportConversation = Readonly<{
  id: string;
  title: string;
  platform: Platform;
  participants: readonly string[];
}>;

/** Where a page starts: after this message (sentAt, id); `{ sentAt: after, id: 0 }` to begin. */
export type ExportCursor = Readonly<{ sentAt: number; id: number }>;

export type ExportPageRequest = Readonly<{
  conversationId: string;
  cursor: ExportCursor;
  /** Only messages sent before this instant (ms), or null. */
  before: number | null;
  /** Only these message ids, or null for all. */
  messageIds: readonly string[] | null;
  limit: number;
}>;

const COLUMNS = `
  SELECT m.id, m.conversation_id, m.external_id, m.sent_at, m.sender, m.kind, m.text, m.reply_to,
         m.forwarded_from, m.edited_at, m.reactions_json, m.entities_json,
         (SELECT json_group_array(json_object('name', a.name, 'mime', a.mime, 'bytes', a.bytes,
                                              'sha256', a.sha256))
            FROM (SELECT * FROM attachments WHERE message_id = m.id ORDER BY ordinal) AS a)
           AS attachments
  FROM messages AS m`;

export const EXPORT_PAGE_SQL = `${COLUMNS}
  WHERE m.conversation_id = :conversationId AND (m.sent_at, m.id) > (:sentAt, :id)
    AND m.sent_at < coalesce(:before, 9007199254740991)
  ORDER BY m.sent_at, m.id LIMIT :limit`;

export const EXPORT_CHOSEN_PAGE_SQL = `${COLUMNS}
  WHERE m.id IN (SELECT value FROM json_each(:ids)) AND m.conversation_id = :conversationId
    AND (m.sent_at, m.id) > (:sentAt, :id) AND m.sent_at < coalesce(:before, 9007199254740991)
  ORDER BY m.sent_at, m.id LIMIT :limit`;

type Row = Readonly<{
  id: number;
  conversation_id: string;
  external_id: string | null;
  sent_at: number;
  sender: string | null;
  kind: MessageKind;
  text: string;
  reply_to: string | null;
  forwarded_from: string | null;
  edited_at: number | null;
  reactions_json: string | null;
  entities_json: string | null;
  attachments: string;
}>;

function toMessage(row: Row): ExportMessage {
  return {
    id: String(row.id),
    conversationId: row.conversation_id,
    externalId: row.external_id,
    sentAt: row.sent_at,
    sender: row.sender,
    kind: row.kind,
    text: row.text,
    replyTo: row.reply_to,
    forwardedFrom: row.forwarded_from,
    editedAt: row.edited_at,
    reactions: row.reactions_json === null ? [] : (JSON.parse(row.reactions_json) as Reaction[]),
    entities: row.entities_json === null ? null : (JSON.parse(row.entities_json) as TextEntity[]),
    attachments: JSON.parse(row.attachments) as ExportAttachment[],
  };
}

/** The next page of a conversation (or of chosen messages in it), oldest first. */
export function exportPage(db: Database, request: ExportPageRequest): ExportMessage[] {
  const params = {
    conversationId: request.conversationId,
    sentAt: request.cursor.sentAt,
    id: request.cursor.id,
    before: request.before,
    limit: request.limit,
  };
  const rows =
    request.messageIds === null
      ? db.prepare<typeof params, Row>(EXPORT_PAGE_SQL).all(params)
      : db
          .prepare<typeof params & { ids: string }, Row>(EXPORT_CHOSEN_PAGE_SQL)
          .all({ ...params, ids: JSON.stringify(request.messageIds.map(Number)) });
  return rows.map(toMessage);
}

type ConversationRow = Readonly<{
  id: string;
  title: string;
  platform: Platform;
  participants: string | null;
}>;

export function exportConversation(db: Database, id: string): ExportConversation | null {
  const row = db
    .prepare<[string], ConversationRow>(
      `SELECT c.id, c.title, c.platform,
              (SELECT json_group_array(p.name) FROM participants AS p WHERE p.conversation_id = c.id)
                AS participants
       FROM conversations AS c WHERE c.id = ?`,
    )
    .get(id);
  if (row === undefined) return null;
  return {
    id: row.id,
    title: row.title,
    platform: row.platform,
    participants: row.participants === null ? [] : (JSON.parse(row.participants) as string[]),
  };
}

/** How many messages an export of this conversation will hold (for progress), along the index. */
export function countExportMessages(
  db: Database,
  request: Readonly<{
    conversationId: string;
    after: number | null;
    before: number | null;
    messageIds: readonly string[] | null;
  }>,
): number {
  const params = {
    conversationId: request.conversationId,
    after: request.after,
    before: request.before,
  };
  if (request.messageIds === null) {
    return (
      db
        .prepare<typeof params, { count: number }>(
          `SELECT count(*) AS count FROM messages WHERE conversation_id = :conversationId
           AND sent_at >= coalesce(:after, -9007199254740991)
           AND sent_at < coalesce(:before, 9007199254740991)`,
        )
        .get(params)?.count ?? 0
    );
  }
  return (
    db
      .prepare<typeof params & { ids: string }, { count: number }>(
        `SELECT count(*) AS count FROM messages
       WHERE id IN (SELECT value FROM json_each(:ids)) AND conversation_id = :conversationId
         AND sent_at >= coalesce(:after, -9007199254740991)
         AND sent_at < coalesce(:before, 9007199254740991)`,
      )
      .get({ ...params, ids: JSON.stringify(request.messageIds.map(Number)) })?.count ?? 0
  );
}

export type ReplyPreview = Readonly<{ externalId: string; sender: string | null; text: string }>;

/** The start of the messages that replies point at (by platform id), for a page's quotes. */
export function replyPreviews(
  db: Database,
  conversationId: string,
  externalIds: readonly string[],
): ReplyPreview[] {
  if (externalIds.length === 0) return [];
  return db
    .prepare<{ conversationId: string; keys: string }, ReplyPreview>(
      `SELECT external_id AS externalId, sender, substr(text, 1, 160) AS text FROM messages
       WHERE conversation_id = :conversationId AND key IN (SELECT value FROM json_each(:keys))`,
    )
    .all({ conversationId, keys: JSON.stringify(externalIds.map((id) => `id:${id}`)) });
}
