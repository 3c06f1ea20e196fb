/**
 * The columns of a message as the contract shows it, shared by every query that returns messages:
 * attachments folded in as JSON, and the start of the message a reply quotes, found by the
 * platform id it names (`id:<external id>` is the message's key, so the unique key index finds it).
 */
import type { MessageView, Reaction, ReplyPreview, TextEntity } from '../../../../shared/contract';

type MessageAttachment = MessageView['attachments'][number];

/** How much of a quoted message a reply shows. */
const QUOTE_CHARS = 200;

export const MESSAGE_COLUMNS = `
  SELECT m.id, m.conversation_id, m.sent_at, m.sender, m.text, m.kind,
         (SELECT json_group_array(json_object('name', a.name, 'mime', a.mime, 'bytes', a.bytes, 'sha256', a.sha256))
            FROM attachments AS a WHERE a.message_id = m.id) AS attachments,
         m.reply_to, m.forwarded_from, m.edited_at, m.reactions_json, m.entities_json,
         r.id AS reply_id, r.sender AS reply_sender,
         CASE WHEN r.text <> '' THEN substr(r.text, 1, ${QUOTE_CHARS})
              ELSE (SELECT ra.name FROM attachments AS ra WHERE ra.message_id = r.id ORDER BY ra.ordinal LIMIT 1)
         END AS reply_text
  FROM messages AS m
  LEFT JOIN messages AS r ON r.conversation_id = m.conversation_id AND r.key = 'id:' || m.reply_to`;

export type MessageRow = Readonly<{
  id: number;
  conversation_id: string;
  sent_at: number;
  sender: string | null;
  text: string;
  kind: MessageView['kind'];
  attachments: string;
  reply_to: string | null;
  forwarded_from: string | null;
  edited_at: number | null;
  reactions_json: string | null;
  entities_json: string | null;
  reply_id: number | null;
  reply_sender: string | null;
  reply_text: string | null;
}>;

function replyOf(row: MessageRow): ReplyPreview | null {
  if (row.reply_to === null) return null;
  return {
    externalId: row.reply_to,
    messageId: row.reply_id === null ? null : String(row.reply_id),
    sender: row.reply_sender,
    text: row.reply_text ?? '',
  };
}

/** A row as the contract's MessageView; the optional parts only when the message has them. */
export function toView(row: MessageRow): MessageView {
  const view: {
    -readonly [K in keyof MessageView]: MessageView[K];
  } = {
    id: String(row.id),
    conversationId: row.conversation_id,
    sentAt: new Date(row.sent_at).toISOString(),
    sender: row.sender,
    text: row.text,
    kind: row.kind,
    attachments: JSON.parse(row.attachments) as MessageAttachment[],
  };
  const reply = replyOf(row);
  if (reply !== null) view.replyTo = reply;
  if (row.forwarded_from !== null) view.forwardedFrom = row.forwarded_from;
  if (row.edited_at !== null) view.editedAt = new Date(row.edited_at).toISOString();
  // The writer stored these as JSON it made itself (see import/vault-writer.ts).
  if (row.reactions_json !== null) view.reactions = JSON.parse(row.reactions_json) as Reaction[];
  if (row.entities_json !== null) view.entities = JSON.parse(row.entities_json) as TextEntity[];
  return view;
}
