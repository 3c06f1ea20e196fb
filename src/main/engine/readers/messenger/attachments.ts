/**
 * A message's files. The "Download your information" export lists them by kind, each an object
 * with a `uri`: `photos`, `videos`, `gifs`, `audio_files`, `files` (lists) and `sticker` (one);
 * the end-to-end encrypted download puts them all in `media`. A video's `thumbnail` is a preview
 * of the same file, not an attachment.
 */
import path from 'node:path';
import type { JsonObject } from '../json/json-value';
import { mimeFromName } from '../media-types';
import type { AttachmentRef } from '../records';
import { objectField, objectsOf, stringField } from '../json/json-fields';
import { isUnsafeUri, type MediaPaths } from './media-paths';

export type AttachmentContext = Readonly<{
  media: MediaPaths;
  /** Called with a uri that would leave the export; the file is then not looked for. */
  onUnsafeUri: (uri: string) => void;
}>;

/** Repairs a string of the message (its uris are mojibake too where the names are not ASCII). */
type Clean = (text: string) => string;

/** Each list, the name shown when a uri has no file name, and the type when the name says none. */
const LISTS: readonly (readonly [key: string, label: string, mime: string | null])[] = [
  ['photos', 'Photo', 'image/jpeg'],
  ['gifs', 'GIF', 'image/gif'],
  ['videos', 'Video', 'video/mp4'],
  ['audio_files', 'Audio', 'audio/mp4'],
  ['files', 'File', null],
  ['media', 'File', null],
];

function fileNameOf(uri: string): string {
  const withoutQuery = uri.split(/[?#]/, 1)[0] ?? uri;
  return path.posix.basename(withoutQuery.replaceAll('\\', '/'));
}

/**
 * The type from the file's name, kept in the list's family: Facebook saves voice clips as `.mp4`,
 * which are audio (`audio/mp4`), not video.
 */
function mimeFor(name: string, listMime: string | null): string | null {
  const named = mimeFromName(name);
  if (named === null) return listMime;
  const family = listMime?.split('/')[0];
  const [namedFamily, subtype] = named.split('/');
  if (family === 'audio' && namedFamily === 'video') return `audio/${subtype ?? 'mp4'}`;
  return named;
}

function attachment(
  rawUri: string | null,
  label: string,
  mime: string | null,
  context: AttachmentContext,
  clean: Clean,
): AttachmentRef {
  if (rawUri === null || rawUri === '') return { entryPath: null, name: label, mime };
  if (isUnsafeUri(rawUri)) context.onUnsafeUri(rawUri);
  const uri = clean(rawUri);
  const name = fileNameOf(uri) || label;
  const entryPath =
    context.media.entryFor(uri) ?? (uri === rawUri ? null : context.media.entryFor(rawUri));
  return { entryPath, name, mime: mimeFor(name, mime) };
}

export function messageAttachments(
  message: JsonObject,
  context: AttachmentContext,
  clean: Clean,
): AttachmentRef[] {
  const found: AttachmentRef[] = [];
  for (const [key, label, mime] of LISTS) {
    for (const item of objectsOf(message, key)) {
      found.push(attachment(stringField(item, 'uri'), label, mime, context, clean));
    }
  }
  const sticker = objectField(message, 'sticker');
  if (sticker !== null) {
    found.push(attachment(stringField(sticker, 'uri'), 'Sticker', 'image/png', context, clean));
  }
  return found;
}
