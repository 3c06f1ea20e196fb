/**
 * A collected message draft to a ReadMessage, in the context of its chat: "joined" messages (the
 * exporter leaves out the name of a sender's consecutive messages within 15 minutes) take the
 * sender of the message before them, as do forwards without their origin repeated; day separators
 * only move the chat's clock; service messages, which carry no time, are placed at the latest time
 * known (the message before them, or the start of their day).
 */
import type { ReadMessage } from '../records';
import type { MessageDraft } from './draft';
import type { HtmlTimes } from './html-dates';
import { mediaOutcome, type MediaOutcome, type PlaceFile } from './media';

const NO_MEDIA: MediaOutcome = { attachments: [], other: null, call: null };

export type ChatClock = {
  lastSentAt: number;
  /** The start of the day of the last day separator. */
  dayStart: number;
  lastSender: string | null;
  lastForwardedFrom: string | null;
};

export type ConvertContext = Readonly<{
  times: HtmlTimes;
  place: PlaceFile;
  warn: (code: 'MESSAGE_WITHOUT_DATE' | 'TIME_OFFSET_GUESSED', draft: MessageDraft) => void;
}>;

export function newChatClock(): ChatClock {
  return { lastSentAt: 0, dayStart: 0, lastSender: null, lastForwardedFrom: null };
}

/** The message of a draft; null for a day separator. */
export function convertDraft(
  draft: MessageDraft,
  clock: ChatClock,
  context: ConvertContext,
): ReadMessage | null {
  if (draft.service && draft.id.startsWith('-')) {
    const day = context.times.parseDay(draft.serviceText);
    if (day !== null) clock.dayStart = day;
    return null;
  }
  const known = Math.max(clock.lastSentAt, clock.dayStart);
  const time = draft.dateTitle === null ? null : context.times.parseTitle(draft.dateTitle);
  if (time?.offsetGuessed === true) context.warn('TIME_OFFSET_GUESSED', draft);
  if (time === null && !draft.service) context.warn('MESSAGE_WITHOUT_DATE', draft);
  const sentAt = time?.instant ?? known;
  clock.lastSentAt = sentAt;
  if (draft.service) {
    return {
      externalId: draft.id,
      sentAt,
      sender: null,
      text: draft.serviceText,
      kind: 'system',
      replyToExternalId: draft.replyTo,
      forwardedFrom: null,
      editedAt: null,
      reactions: [],
      entities: null,
      attachments: [],
    };
  }
  const sender = draft.sender ?? clock.lastSender;
  clock.lastSender = sender;
  const forwardedFrom = draft.forwarded ? (draft.forwardedFrom ?? clock.lastForwardedFrom) : null;
  clock.lastForwardedFrom = forwardedFrom;
  const media = draft.media.length === 0 ? NO_MEDIA : mediaOutcome(draft.media, context.place);
  const kind =
    media.call !== null
      ? 'call'
      : media.attachments.length > 0
        ? 'media'
        : media.other !== null
          ? 'other'
          : 'text';
  const text = media.call ?? (draft.text === '' ? (media.other ?? '') : draft.text);
  // One literal with the keys in one order: the same shape for every message, built fast.
  return {
    externalId: draft.id,
    sentAt,
    sender,
    text,
    kind,
    replyToExternalId: draft.replyTo,
    forwardedFrom,
    editedAt: null,
    reactions: [],
    entities: draft.entities.length > 0 && media.call === null ? draft.entities : null,
    attachments: media.attachments,
  };
}
