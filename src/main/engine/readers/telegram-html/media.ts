/**
 * What a message's media block becomes: files (photos, stickers, GIFs, videos, voice messages,
 * documents) as attachments, a call as the call line, and contacts, locations, polls, games and
 * invoices as a line of text. A file the exporter downloaded is linked from the page, relative to
 * it; one it left out has no link and is kept as an attachment without a file.
 */
import path from 'node:path';
import { mimeFromName } from '../media-types';
import type { AttachmentRef } from '../records';
import { formatDuration } from '../telegram/service';
import type { MediaPiece } from './draft';

/** Attachment labels of the generic media classes that are files. */
const FILE_TYPES: Readonly<Record<string, string>> = {
  media_photo: 'Photo',
  media_video: 'Video',
  media_voice_message: 'Voice message',
  media_audio_file: 'Audio',
  media_file: 'File',
};

export type MediaOutcome = {
  readonly attachments: AttachmentRef[];
  /** A line for what is not a file (a poll, a contact...), or null. */
  other: string | null;
  /** The call line, when the block is a call. */
  call: string | null;
};

/** Places a linked file inside the source, or null when the export does not hold it. */
export type PlaceFile = (href: string) => string | null;

function baseName(href: string): string {
  return path.posix.basename(decodeURIComponentSafe(href.split(/[?#]/)[0] ?? ''));
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** "Outgoing (56 seconds)" -> "Call (0:56)", "Missed" -> "Missed call". */
export function callLine(status: string): string {
  const seconds = /\((\d+) seconds?\)/.exec(status)?.[1];
  if (seconds !== undefined && Number(seconds) > 0)
    return `Call (${formatDuration(Number(seconds))})`;
  const reason = status.split(' ')[0] ?? '';
  if (reason === 'Missed' || reason === 'Declined' || reason === 'Cancelled') {
    return `${reason} call`;
  }
  return 'Call';
}

function otherLine(piece: Extract<MediaPiece, { kind: 'generic' }>): string | null {
  const parts = (...texts: string[]) => texts.filter((text) => text !== '').join(', ');
  switch (piece.type) {
    case 'media_contact':
      return `Contact: ${parts(piece.title, piece.status.replace(/ - vCard$/, ''))}`;
    case 'media_location':
    case 'media_live_location':
      return `${piece.title || 'Location'}: ${piece.status}`.trimEnd();
    case 'media_venue':
      return `Location: ${parts(piece.title, piece.description)}`;
    case 'media_game':
      return `Game: ${piece.title}`;
    case 'media_invoice':
      return `Invoice: ${piece.title}`;
    default:
      return null;
  }
}

export function mediaOutcome(pieces: readonly MediaPiece[], place: PlaceFile): MediaOutcome {
  const outcome: MediaOutcome = { attachments: [], other: null, call: null };
  for (const piece of pieces) {
    switch (piece.kind) {
      case 'file': {
        const name = baseName(piece.href) || piece.label;
        outcome.attachments.push({ entryPath: place(piece.href), name, mime: mimeFromName(name) });
        break;
      }
      case 'poll':
        outcome.other = [
          `Poll: ${piece.question}`.trimEnd(),
          ...piece.answers.map((a) => `- ${a}`),
        ].join('\n');
        break;
      case 'generic': {
        if (piece.type === 'media_call') {
          outcome.call = callLine(piece.status);
          break;
        }
        const label = FILE_TYPES[piece.type];
        if (label === undefined) {
          outcome.other = otherLine(piece);
          break;
        }
        const linked = piece.href === null ? '' : baseName(piece.href);
        const name =
          piece.type === 'media_file' && piece.title !== '' ? piece.title : linked || label;
        const mime =
          mimeFromName(linked || name) ?? (piece.type === 'media_photo' ? 'image/jpeg' : null);
        outcome.attachments.push({
          entryPath: piece.href === null ? null : place(piece.href),
          name,
          mime,
        });
        break;
      }
    }
  }
  return outcome;
}
