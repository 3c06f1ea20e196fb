/**
 * What every format reader yields: normalized records, in the order the export holds them. The
 * pipeline turns them into rows; readers know nothing of the database.
 */
import type { Platform } from '../../../shared/platforms';
import type { ExportSource } from '../source/export-source';

export const MESSAGE_KINDS = ['text', 'media', 'system', 'call', 'other'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const TEXT_ENTITY_TYPES = [
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'code',
  'pre',
  'link',
  'text_link',
  'mention',
  'mention_name',
  'hashtag',
  'email',
  'phone',
  'spoiler',
  'blockquote',
  'other',
] as const;

/** Telegram-style text formatting, kept so the timeline can render it (as React elements). */
export type TextEntity = Readonly<{
  type: (typeof TEXT_ENTITY_TYPES)[number];
  /** Offset and length in UTF-16 code units of the message text. */
  offset: number;
  length: number;
  /** The target of a text_link, the user id of a mention_name, the language of pre. */
  value?: string;
}>;

export type Reaction = Readonly<{ emoji: string; count: number; senders?: readonly string[] }>;

export type AttachmentRef = Readonly<{
  /** The file's path inside the export (see ExportSource), or null when the export left it out. */
  entryPath: string | null;
  /** The name to show (the original file name where the export gives one). */
  name: string;
  mime: string | null;
}>;

export type ReadMessage = Readonly<{
  /** The platform's own message id, when the export has one (Telegram, Discord, ...). */
  externalId: string | null;
  /** Milliseconds since the epoch, UTC. */
  sentAt: number;
  /** The sender's display name; null for system lines without an actor. */
  sender: string | null;
  text: string;
  kind: MessageKind;
  replyToExternalId: string | null;
  forwardedFrom: string | null;
  editedAt: number | null;
  reactions: readonly Reaction[];
  entities: readonly TextEntity[] | null;
  attachments: readonly AttachmentRef[];
}>;

export type ReadRecord =
  | Readonly<{
      type: 'conversation';
      /** The reader's handle for this conversation in later records. */
      ref: string;
      platform: Platform;
      title: string;
      /** A stable identity across exports of the same chat (Telegram chat id; else the title). */
      identity: string;
      /**
       * The vault's own id for the conversation (`c_` and 20 hex digits), when the export was
       * written by Chat Vault: importing it back merges into that conversation.
       */
      vaultId?: string;
    }>
  | Readonly<{ type: 'participant'; conversationRef: string; name: string }>
  | Readonly<{ type: 'message'; conversationRef: string; message: ReadMessage }>
  | Readonly<{ type: 'warning'; code: string; message: string; entry?: string }>;

export type ReaderOptions = Readonly<{
  /** IANA zone for exports whose times carry none (WhatsApp, LINE); default: the machine's. */
  timeZone?: string;
}>;

/**
 * What a reader yields: a record, or several in order. The readers of big exports (WhatsApp,
 * Telegram) yield the records of each piece of input together: every item of an async iterator
 * costs its consumer an await, which came to 0.3 s a million records.
 */
export type ReadRecords = ReadRecord | readonly ReadRecord[];

/** A reader streams records out of one export; it throws a ReadError where the input breaks. */
export type Reader = (source: ExportSource, options: ReaderOptions) => AsyncIterable<ReadRecords>;

export function isRecordList(item: ReadRecords): item is readonly ReadRecord[] {
  return Array.isArray(item);
}

/** A message with its essentials given and every optional part empty (no id, reply, media...). */
export function plainMessage(
  fields: Pick<ReadMessage, 'sentAt' | 'sender' | 'text'> & Partial<ReadMessage>,
): ReadMessage {
  return {
    externalId: null,
    kind: 'text',
    replyToExternalId: null,
    forwardedFrom: null,
    editedAt: null,
    reactions: [],
    entities: null,
    attachments: [],
    ...fields,
  };
}
