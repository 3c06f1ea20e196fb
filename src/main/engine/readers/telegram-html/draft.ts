/** A message of a Telegram HTML page as the page walker collects it, before it is converted. */
import type { TextEntity } from '../records';

/** What a message's `media_wrap` holds. */
export type MediaPiece =
  /** A downloaded photo, sticker, GIF or video shown as a thumbnail linking to its file. */
  | Readonly<{ kind: 'file'; label: string; href: string }>
  /** Any other media block: a file, voice message, call, contact, location..., by its class. */
  | Readonly<{
      kind: 'generic';
      type: string;
      href: string | null;
      title: string;
      description: string;
      status: string;
    }>
  | Readonly<{ kind: 'poll'; question: string; answers: readonly string[] }>;

export type MessageDraft = {
  /** The number of `id="message123"`; negative for the day separators. */
  id: string;
  service: boolean;
  /** The byte where its element starts in the page. */
  byte: number;
  dateTitle: string | null;
  sender: string | null;
  /** Inside a forwarded message block. */
  forwarded: boolean;
  forwardedFrom: string | null;
  replyTo: string | null;
  text: string;
  entities: readonly TextEntity[];
  /** The text of a service message (or of a day separator). */
  serviceText: string;
  media: MediaPiece[];
};
