/**
 * What a message's text is: plain text, a media note (with the file's name when the export names
 * it), a deleted message, a call, or a system note that carries a name. Only the text's first line
 * is matched; the rest of a media message is its caption.
 *
 * Media notes read (English, and the localized forms known from real exports):
 *   `<Media omitted>` (any case), `<Medien ausgelassen>`, `<Multimedia omitido>`, ...
 *   `IMG-20200101-WA0001.jpg (file attached)`, `name.jpg (Datei angehängt)`, ...
 *   `<attached: 00000012-PHOTO-2020-01-01-10-00-00.jpg>`, `< attached: name >`, `name.jpg <attached>`
 *   `image omitted`, `video omitted`, `audio omitted`, `sticker omitted`, `GIF omitted`,
 *   `Contact card omitted`, `Report.pdf • 3 pages document omitted`, `Bild weggelassen`, ...
 * Deleted messages ("This message was deleted", "You deleted this message") are kind `other` and
 * keep that text, so the timeline can show that something was there.
 */
import type { MessageKind } from '../records';
import { stripInvisibleMarks } from './header-line';
import {
  anyOf,
  ATTACHED_ANDROID_NOTES,
  ATTACHED_IOS_WORDS,
  ATTACHED_OLD_IOS_WORDS,
  DELETED_NOTES,
  ENCRYPTION_NOTICE_STARTS,
  OMITTED_DOCUMENT_NOTES,
  OMITTED_IOS_KINDS,
  OMITTED_IOS_WORDS,
  OMITTED_MEDIA_NOTES,
} from './localized-notes';

export type BodyAttachment = Readonly<{
  /** The file name the export gives, when it gives one (it may still be missing from the export). */
  fileName: string | null;
  /** What to show: the file name, or the note as written (`<Media omitted>`). */
  label: string;
}>;

export type MessageBody = Readonly<{
  kind: MessageKind;
  text: string;
  /** False when the line's name is not a person (an iOS system note written as "Chat: note"). */
  senderIsPerson: boolean;
  attachment: BodyAttachment | null;
}>;

const OMITTED_MEDIA = new RegExp(`^<${anyOf(OMITTED_MEDIA_NOTES)}>$`, 'iu');
const OMITTED_IOS = new RegExp(
  `^${anyOf(OMITTED_IOS_KINDS)}\\s+${anyOf(OMITTED_IOS_WORDS)}$`,
  'iu',
);
/** "Report.pdf • 3 pages document omitted": the name is what comes before the "•". */
const OMITTED_DOCUMENT = new RegExp(
  `^(?:(?<name>.+?)\\s*(?:•.*?)?\\s+)?${anyOf(OMITTED_DOCUMENT_NOTES)}$`,
  'iu',
);
const ATTACHED_IOS = new RegExp(
  `^<\\s*${anyOf(ATTACHED_IOS_WORDS)}\\s*:\\s*(?<name>[^<>]+?)\\s*>(?<rest>.*)$`,
  'iu',
);
const FILE_NAME = String.raw`[^<>]+?\.[\p{L}\p{N}]{1,10}`;
const ATTACHED_OLD_IOS = new RegExp(
  `^(?<name>${FILE_NAME})\\s*<${anyOf(ATTACHED_OLD_IOS_WORDS)}>(?<rest>.*)$`,
  'iu',
);
const ATTACHED_ANDROID = new RegExp(
  `^(?<name>${FILE_NAME}) \\(${anyOf(ATTACHED_ANDROID_NOTES)}\\)(?<rest>.*)$`,
  'iu',
);
/** Android media names (IMG-20200101-WA0001.jpg) followed by a note in any language. */
const ATTACHED_ANDROID_NAME =
  /^(?<name>(?:IMG|VID|AUD|PTT|STK|DOC)-\d{8}-WA\d{4,}\.[\p{L}\p{N}]{1,10}) \([^()]{1,40}\)(?<rest>.*)$/u;
const ATTACHED = [ATTACHED_IOS, ATTACHED_OLD_IOS, ATTACHED_ANDROID, ATTACHED_ANDROID_NAME];

/** A cheap first look: every media note starts with "<", holds ">" or ")", or ends in "omitted". */
const MAYBE_MEDIA = new RegExp(`^<|[>)]|${anyOf(OMITTED_IOS_WORDS)}$`, 'iu');

const DELETED = new RegExp(`^${anyOf(DELETED_NOTES)}\\.?$`, 'iu');
/** iOS writes calls as notes with a leading mark: "‎Missed voice call", "‎Video call, ‎12 min". */
const CALL = /^(?:missed )?(?:group )?(?:voice|video) call(?:,.*)?$/iu;
/**
 * The encryption notice, which some exports write with the chat's name as its sender
 * ("Family: Messages and calls are end-to-end encrypted. ..."). Matched from the start of the text
 * only, so a person asking about encryption stays a person.
 */
const ENCRYPTION_NOTICE = new RegExp(`^${anyOf(ENCRYPTION_NOTICE_STARTS)}`, 'iu');

export type BodyContext = Readonly<{
  sender: string | null;
  /** The chat's title: iOS writes system notes as "Title: ‎note". */
  chatTitle: string;
  /** Whether the text began with an invisible mark (iOS marks notes and media that way). */
  startsWithMark: boolean;
}>;

function media(
  fileName: string | null,
  label: string,
  sameLineRest: string,
  laterLines: string,
): MessageBody {
  const caption = [sameLineRest.trim(), laterLines].filter((part) => part !== '').join('\n');
  return { kind: 'media', text: caption, senderIsPerson: true, attachment: { fileName, label } };
}

export function readBody(text: string, context: BodyContext): MessageBody {
  if (context.sender === null) {
    return { kind: 'system', text, senderIsPerson: false, attachment: null };
  }
  const newline = text.indexOf('\n');
  const firstLine = newline === -1 ? text : text.slice(0, newline);
  const laterLines = newline === -1 ? '' : text.slice(newline + 1);
  const note = stripInvisibleMarks(firstLine).trim();

  if (MAYBE_MEDIA.test(note)) {
    if (OMITTED_MEDIA.test(note) || OMITTED_IOS.test(note))
      return media(null, note, '', laterLines);
    const document = OMITTED_DOCUMENT.exec(note);
    if (document !== null) return media(null, document.groups?.name ?? note, '', laterLines);
    for (const pattern of ATTACHED) {
      const found = pattern.exec(note);
      const name = found?.groups?.name;
      if (name !== undefined) return media(name, name, found?.groups?.rest ?? '', laterLines);
    }
  }

  const whole = stripInvisibleMarks(text).trim();
  if (DELETED.test(whole)) return { kind: 'other', text, senderIsPerson: true, attachment: null };
  if (context.startsWithMark && CALL.test(whole)) {
    return { kind: 'call', text: whole, senderIsPerson: true, attachment: null };
  }
  if (
    ENCRYPTION_NOTICE.test(note) ||
    (context.startsWithMark && context.sender === context.chatTitle)
  ) {
    return { kind: 'system', text, senderIsPerson: false, attachment: null };
  }
  return { kind: 'text', text, senderIsPerson: true, attachment: null };
}
