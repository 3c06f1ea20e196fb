/**
 * One item of a Slack day file to a ReadMessage. Its `ts` is both its id in the channel and its
 * time; a reply in a thread carries its parent's `thread_ts`, which becomes the reply link (the
 * export files a reply under the day it was written, so a thread reads in time order with its
 * parent named). `subtype` marks joins, leaves, topic changes and the like, which are system lines.
 */
import { arrayField, numberField, objectField, objectsOf, stringField } from '../json/json-fields';
import { isJsonObject, type JsonObject, type JsonValue } from '../json/json-value';
import type { MessageKind, Reaction, ReadMessage } from '../records';
import { displayName } from './directory';
import { messageFiles, type FileContext } from './files';
import { slackText, type Names } from './mrkdwn';

export type MessageContext = FileContext &
  Readonly<{
    names: Names;
    /** Remembers the name a message gives its author, for users missing from users.json. */
    learn: (userId: string, name: string) => void;
  }>;

export type ConvertedMessage =
  Readonly<{ ok: true; message: ReadMessage }> | Readonly<{ ok: false; reason: string }>;

const SYSTEM_SUBTYPES: ReadonlySet<string> = new Set([
  'channel_join',
  'channel_leave',
  'group_join',
  'group_leave',
  'channel_topic',
  'channel_purpose',
  'channel_name',
  'channel_archive',
  'channel_unarchive',
  'group_topic',
  'group_purpose',
  'group_name',
  'group_archive',
  'group_unarchive',
  'channel_convert_to_private',
  'channel_convert_to_public',
  'pinned_item',
  'unpinned_item',
  'bot_add',
  'bot_remove',
  'reminder_add',
  'tombstone',
]);

/** A Slack timestamp ("1681413852.964959", seconds and microseconds) in milliseconds. */
export function slackTime(value: JsonValue | undefined): number | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{1,12})(?:\.(\d{1,6}))?$/.exec(value.trim());
  if (match === null) return null;
  return Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0').slice(0, 3));
}

function senderOf(message: JsonObject, context: MessageContext): string | null {
  const user = stringField(message, 'user');
  const profile = objectField(message, 'user_profile');
  if (user !== null && user !== '') {
    const known = context.names.user(user);
    if (known !== null) return known;
    const given = profile === null ? null : displayName(profile);
    if (given !== null) {
      context.learn(user, given);
      return given;
    }
  }
  const bot = objectField(message, 'bot_profile');
  const named =
    stringField(message, 'username')?.trim() || (bot === null ? '' : (displayName(bot) ?? ''));
  return named || user || stringField(message, 'bot_id') || null;
}

function reactionsOf(message: JsonObject, names: Names): Reaction[] {
  return objectsOf(message, 'reactions').map((reaction) => {
    const users = (arrayField(reaction, 'users') ?? []).filter(
      (user): user is string => typeof user === 'string',
    );
    const senders = users.map((user) => names.user(user) ?? user);
    const count = numberField(reaction, 'count') ?? Math.max(1, users.length);
    const base = { emoji: `:${stringField(reaction, 'name') ?? '?'}:`, count };
    return senders.length > 0 ? { ...base, senders } : base;
  });
}

/** The text of legacy attachments (link previews, what integrations post), one block each. */
function attachmentsText(message: JsonObject): string {
  return objectsOf(message, 'attachments')
    .map((attachment) => {
      const parts = ['pretext', 'title', 'text'].map(
        (key) => stringField(attachment, key)?.trim() ?? '',
      );
      const joined = parts.filter((part) => part !== '').join('\n');
      return joined || (stringField(attachment, 'fallback')?.trim() ?? '');
    })
    .filter((block) => block !== '')
    .join('\n\n');
}

export function convertMessage(value: JsonValue, context: MessageContext): ConvertedMessage {
  if (!isJsonObject(value)) return { ok: false, reason: 'it is not an object' };
  const ts = stringField(value, 'ts');
  const sentAt = slackTime(ts ?? undefined);
  if (ts === null || sentAt === null) return { ok: false, reason: 'it has no valid "ts"' };
  const subtype = stringField(value, 'subtype') ?? '';
  const sender = senderOf(value, context);
  const own = slackText(stringField(value, 'text') ?? '', context.names);
  const extra = attachmentsText(value);
  const attachments = messageFiles(value, context);
  const system = SYSTEM_SUBTYPES.has(subtype);
  const kind: MessageKind = system ? 'system' : attachments.length > 0 ? 'media' : 'text';
  const parts = extra === own.text ? [own.text] : [own.text, extra];
  let text = parts.filter((part) => part !== '').join('\n\n');
  let entities = own.entities;
  if (system) {
    // "@Ana has joined the channel" reads as a line about Ana, not a mention of her.
    if (sender !== null && text.startsWith(`@${sender}`)) text = text.slice(1);
    entities = null;
  }
  const threadTs = stringField(value, 'thread_ts');
  const edited = objectField(value, 'edited');
  const message: ReadMessage = {
    externalId: ts,
    sentAt,
    sender,
    text,
    kind,
    replyToExternalId: threadTs !== null && threadTs !== ts ? threadTs : null,
    forwardedFrom: null,
    editedAt: edited === null ? null : slackTime(edited.ts),
    reactions: reactionsOf(value, context.names),
    entities,
    attachments,
  };
  return { ok: true, message };
}
