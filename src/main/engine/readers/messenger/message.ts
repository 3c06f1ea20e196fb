/**
 * One message object of a thread file to a ReadMessage. Two spellings of the same thing:
 * - "Download your information": `sender_name`, `timestamp_ms`, `content`, `type` (Generic, Share,
 *   Call, Subscribe, Unsubscribe; newer exports leave it out), `is_unsent`, `call_duration`,
 *   `missed`, `users`, `share {link, share_text}`, `reactions`, and the media lists. Its strings
 *   are mojibake (UTF-8 bytes written as \u00XX characters) and are repaired.
 * - the end-to-end encrypted download: `senderName`, `timestamp`, `text`, `isUnsent`, `media`,
 *   `reactions`. Its strings are written correctly and are kept as they are.
 * Neither has message ids.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../json/json-value';
import type { MessageKind, ReadMessage } from '../records';
import { numberField, objectField, objectsOf, stringField } from '../json/json-fields';
import { messageAttachments, type AttachmentContext } from './attachments';
import { messageReactions } from './reactions';

export type MessageContext = AttachmentContext &
  Readonly<{
    /** Repairs a string of the "Download your information" spelling (see ../mojibake.ts). */
    repair: (text: string) => string;
  }>;

export type ConvertedMessage =
  Readonly<{ ok: true; message: ReadMessage }> | Readonly<{ ok: false; reason: string }>;

const keep = (text: string): string => text;

/** True for the end-to-end encrypted download's spelling. */
function isEncryptedSpelling(message: JsonObject): boolean {
  return !('timestamp_ms' in message) && ('timestamp' in message || 'senderName' in message);
}

function nonEmpty(value: string | null, clean: (text: string) => string): string | null {
  return value === null || value === '' ? null : clean(value);
}

function duration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60) % 60;
  const hours = Math.floor(whole / 3600);
  const secs = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}

/** The message's text with a shared link and its text added where the content lacks them. */
function withShare(content: string, message: JsonObject, clean: (text: string) => string): string {
  const share = objectField(message, 'share');
  if (share === null) return content;
  const parts = content === '' ? [] : [content];
  for (const key of ['link', 'share_text']) {
    const value = nonEmpty(stringField(share, key), clean);
    if (value !== null && !parts.some((part) => part.includes(value))) parts.push(value);
  }
  return parts.join('\n');
}

function userNames(message: JsonObject, clean: (text: string) => string): string {
  return objectsOf(message, 'users')
    .map((user) => nonEmpty(stringField(user, 'name'), clean))
    .filter((name): name is string => name !== null)
    .join(', ');
}

type Body = Readonly<{ kind: MessageKind; text: string }>;

function body(
  message: JsonObject,
  sender: string | null,
  content: string,
  hasFiles: boolean,
  clean: (text: string) => string,
): Body {
  const type = stringField(message, 'type');
  const callSeconds = numberField(message, 'call_duration');
  if (type === 'Call' || callSeconds !== null) {
    if (content !== '') return { kind: 'call', text: content };
    const missed = message.missed === true || callSeconds === 0;
    return { kind: 'call', text: missed ? 'Missed call' : `Call (${duration(callSeconds ?? 0)})` };
  }
  if (type === 'Subscribe' || type === 'Unsubscribe') {
    if (content !== '') return { kind: 'system', text: content };
    const users = userNames(message, clean);
    const who = sender ?? 'Someone';
    const verb = type === 'Subscribe' ? 'added' : 'removed';
    return {
      kind: 'system',
      text: users === '' ? `${who} ${verb} members` : `${who} ${verb} ${users}`,
    };
  }
  if (message.is_unsent === true || message.isUnsent === true) {
    return { kind: 'other', text: content };
  }
  const text = withShare(content, message, clean);
  return { kind: hasFiles ? 'media' : 'text', text };
}

export function convertMessage(value: JsonValue, context: MessageContext): ConvertedMessage {
  if (!isJsonObject(value)) return { ok: false, reason: 'it is not an object' };
  const encrypted = isEncryptedSpelling(value);
  const clean = encrypted ? keep : context.repair;
  const sentAt = numberField(value, encrypted ? 'timestamp' : 'timestamp_ms');
  if (sentAt === null) return { ok: false, reason: 'it has no timestamp' };
  const sender = nonEmpty(stringField(value, encrypted ? 'senderName' : 'sender_name'), clean);
  const content = nonEmpty(stringField(value, encrypted ? 'text' : 'content'), clean) ?? '';
  const attachments = messageAttachments(value, context, clean);
  const { kind, text } = body(value, sender, content, attachments.length > 0, clean);
  const message: ReadMessage = {
    externalId: null,
    sentAt,
    sender,
    text,
    kind,
    replyToExternalId: null,
    forwardedFrom: null,
    editedAt: null,
    reactions: messageReactions(value, clean),
    entities: null,
    attachments,
  };
  return { ok: true, message };
}
