/**
 * One message object of a Telegram Desktop export to a ReadMessage. `type` is "message", "service"
 * or "unsupported" (a message the exporter could not read: id only, no date).
 */
import { isJsonObject, type JsonValue } from '../json/json-value';
import type { ReadMessage } from '../records';
import { exportTime } from './dates';
import { idField, stringField } from '../json/json-fields';
import { messageAttachments, type MediaContext } from './media';
import { otherMediaText } from './other-media';
import { messageReactions } from './reactions';
import { serviceLine } from './service';
import { messageText } from './text';

export const MESSAGE_TYPES: ReadonlySet<string> = new Set(['message', 'service', 'unsupported']);

export type MessageContext = MediaContext &
  Readonly<{
    timeZone: string | undefined;
    /** Repairs mojibake in a name or text (see ../mojibake.ts). */
    clean: (text: string) => string;
  }>;

/** What a message object yields: the message, or why it was skipped. */
export type ConvertedMessage =
  | Readonly<{ ok: true; message: ReadMessage; hasDate: boolean }>
  | Readonly<{ ok: false; reason: string }>;

function nameOf(value: JsonValue | undefined, clean: (text: string) => string): string | null {
  return typeof value === 'string' && value !== '' ? clean(value) : null;
}

/** Converts one item of a `messages` array; `fallbackTime` stands in for a missing date. */
export function convertMessage(
  value: JsonValue,
  fallbackTime: number,
  context: MessageContext,
): ConvertedMessage {
  if (!isJsonObject(value)) return { ok: false, reason: 'it is not an object' };
  const type = stringField(value, 'type');
  if (type === null || !MESSAGE_TYPES.has(type)) {
    return { ok: false, reason: `its type is ${JSON.stringify(value.type ?? null)}` };
  }
  const { clean } = context;
  const time = exportTime(value, 'date', context.timeZone);
  const base = {
    externalId: idField(value, 'id'),
    sentAt: time ?? fallbackTime,
    replyToExternalId: null,
    forwardedFrom: null,
    editedAt: exportTime(value, 'edited', context.timeZone),
    reactions: messageReactions(value, clean),
    entities: null,
    attachments: [],
  } satisfies Partial<ReadMessage>;
  const hasDate = time !== null || type === 'unsupported';

  if (type === 'unsupported') {
    const message = { ...base, sender: null, text: '', kind: 'other' } as const;
    return { ok: true, message, hasDate };
  }
  if (type === 'service') {
    const sender = nameOf(value.actor, clean);
    const line = serviceLine(value, sender, clean);
    return { ok: true, message: { ...base, sender, ...line }, hasDate };
  }
  const { text, entities } = messageText(value, clean);
  const attachments = messageAttachments(value, context);
  const other = attachments.length === 0 ? otherMediaText(value) : null;
  const kind = attachments.length > 0 ? 'media' : other !== null ? 'other' : 'text';
  // A reply to a message in another chat (`reply_to_peer_id`) points outside this conversation.
  const replyTo = 'reply_to_peer_id' in value ? null : idField(value, 'reply_to_message_id');
  const sender = nameOf(value.from, clean);
  // One literal (not a spread of `base`): the same keys in the same order, built much faster.
  const message: ReadMessage = {
    externalId: base.externalId,
    sentAt: base.sentAt,
    replyToExternalId: replyTo,
    forwardedFrom: nameOf(value.forwarded_from, clean),
    editedAt: base.editedAt,
    reactions: base.reactions,
    entities,
    attachments,
    sender,
    text: other !== null && text === '' ? other : text,
    kind,
  };
  return { ok: true, message, hasDate };
}
