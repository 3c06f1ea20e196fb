/**
 * A message's files. Telegram Desktop writes a photo as `photo` and any other file as `file` with a
 * `media_type` (sticker, voice_message, video_message, video_file, animation, audio_file; none for
 * a plain document), each a path relative to the folder holding result.json, or a sentence in
 * parentheses when the file was left out ("(File not included. Change data exporting settings to
 * download.)", "(File exceeds maximum size. ...)", "(File unavailable, please try again later)").
 * `thumbnail` is a preview of the same file and is not an attachment.
 */
import path from 'node:path';
import type { JsonObject } from '../json/json-value';
import { mimeFromName } from '../media-types';
import type { AttachmentRef } from '../records';
import { numberField, stringField } from '../json/json-fields';

/** What the reader needs to place a file: the export's root inside the source. */
export type MediaContext = Readonly<{
  /** The folder holding result.json, inside the source (`''` at its root). */
  root: string;
  /** Called with a path that would leave the export (`../`, absolute); the file is then dropped. */
  onUnsafePath: (rawPath: string) => void;
}>;

const LABELS: Readonly<Record<string, string>> = {
  sticker: 'Sticker',
  voice_message: 'Voice message',
  video_message: 'Video message',
  video_file: 'Video',
  animation: 'GIF',
  audio_file: 'Audio',
};

/** True for the exporter's "(File not included. ...)" sentences. */
function isLeftOut(value: string): boolean {
  return value.startsWith('(') && value.endsWith(')');
}

/** The source entry of an export-relative path, or null when it would leave the export. */
function entryPathOf(rawPath: string, context: MediaContext): string | null {
  const relative = rawPath.replaceAll('\\', '/');
  const joined = path.posix.normalize(
    context.root === '' ? relative : `${context.root}/${relative}`,
  );
  const outside = path.posix.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative);
  const rootPrefix = context.root === '' ? '' : `${context.root}/`;
  if (outside || joined.startsWith('../') || joined === '..' || !joined.startsWith(rootPrefix)) {
    context.onUnsafePath(rawPath);
    return null;
  }
  return joined;
}

function attachment(
  rawPath: string | null,
  fileName: string | null,
  label: string,
  mime: string | null,
  context: MediaContext,
): AttachmentRef {
  const present = rawPath !== null && rawPath !== '' && !isLeftOut(rawPath);
  const entryPath = present ? entryPathOf(rawPath, context) : null;
  const baseName = present ? path.posix.basename(rawPath.replaceAll('\\', '/')) : null;
  const name = fileName || baseName || label;
  return { entryPath, name, mime: mime ?? mimeFromName(name) };
}

/** The files a message carries (none, or one: an export message has at most one). */
export function messageAttachments(object: JsonObject, context: MediaContext): AttachmentRef[] {
  const photo = stringField(object, 'photo');
  if (photo !== null) return [attachment(photo, null, 'Photo', 'image/jpeg', context)];
  const file = stringField(object, 'file');
  if (file !== null) {
    const mediaType = stringField(object, 'media_type');
    const label = (mediaType !== null ? LABELS[mediaType] : undefined) ?? 'File';
    const fileName = stringField(object, 'file_name');
    return [attachment(file, fileName, label, stringField(object, 'mime_type'), context)];
  }
  // A self-destructing photo: the exporter writes only its size, never the file.
  if (numberField(object, 'photo_file_size') !== null) {
    return [attachment(null, null, 'Photo', 'image/jpeg', context)];
  }
  return [];
}
