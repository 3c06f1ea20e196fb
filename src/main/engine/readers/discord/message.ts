/**
 * One message object of a DiscordChatExporter file to a ReadMessage: its id, author, text (with
 * the text of its embeds), time, edit time, reply target, reactions and files. `type` says what
 * it is: people's messages (Default, Reply, commands) are text or media, `Call` is a call, and
 * every other type (members added, channel renamed, a message pinned...) a system line.
 */
import { idField, objectField, stringField } from '../json/json-fields';
import { isJsonObject, type JsonObject, type JsonValue } from '../json/json-value';
import type { MessageKind, ReadMessage } from '../records';
import { authorName } from './author';
import { embedsText } from './embeds';
import { messageMedia, type MediaContext } from './media';
import { messageReactions } from './reactions';

export type MessageContext = MediaContext &
  Readonly<{
    /** The channel of the file: a reply into another channel links to nothing here. */
    channelId: string | null;
  }>;

export type ConvertedMessage =
  | Readonly<{ ok: true; message: ReadMessage; hasTime: boolean }>
  | Readonly<{ ok: false; reason: string }>;

const PEOPLE_TYPES: ReadonlySet<string> = new Set([
  'Default',
  'Reply',
  'ChatInputCommand',
  'ContextMenuCommand',
  'ThreadStarterMessage',
]);

function instant(value: JsonValue | undefined): number | null {
  if (typeof value !== 'string' || value === '') return null;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : parsed;
}

/** "ChannelPinnedMessage" -> "Channel pinned message", for system lines the export left empty. */
function describeType(type: string): string {
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function kindOf(type: string, hasMedia: boolean): MessageKind {
  if (type === 'Call') return 'call';
  if (!PEOPLE_TYPES.has(type)) return 'system';
  return hasMedia ? 'media' : 'text';
}

function replyTarget(message: JsonObject, channelId: string | null): string | null {
  const reference = objectField(message, 'reference');
  if (reference === null) return null;
  const channel = idField(reference, 'channelId');
  if (channel !== null && channelId !== null && channel !== channelId) return null;
  return idField(reference, 'messageId');
}

/** Converts one item of `messages`; `fallbackTime` stands in for a missing timestamp. */
export function convertMessage(
  value: JsonValue,
  fallbackTime: number,
  context: MessageContext,
): ConvertedMessage {
  if (!isJsonObject(value)) return { ok: false, reason: 'it is not an object' };
  const id = idField(value, 'id');
  if (id === null) return { ok: false, reason: 'it has no id' };
  const type = stringField(value, 'type') ?? 'Default';
  const time = instant(value.timestamp);
  const author = objectField(value, 'author');
  const attachments = messageMedia(value, context);
  const kind = kindOf(type, attachments.length > 0);
  const content = stringField(value, 'content') ?? '';
  const embeds = embedsText(value);
  const body = [content, embeds].filter((part) => part !== '').join('\n\n');
  const message: ReadMessage = {
    externalId: id,
    sentAt: time ?? fallbackTime,
    sender: author === null ? null : authorName(author),
    text: body === '' && kind === 'system' ? describeType(type) : body,
    kind,
    replyToExternalId: replyTarget(value, context.channelId),
    forwardedFrom: null,
    editedAt: instant(value.timestampEdited),
    reactions: messageReactions(value),
    entities: null,
    attachments,
  };
  return { ok: true, message, hasTime: time !== null };
}
