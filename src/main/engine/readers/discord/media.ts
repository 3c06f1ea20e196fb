/**
 * A message's files: its attachments, its stickers, and the images of its embeds. With `--media`,
 * DiscordChatExporter downloads each file and writes its path relative to the JSON file (with the
 * separators of the system it ran on); without it, the Discord CDN address. A file that is in the
 * export becomes an attachment with its entry; a CDN address, or a path the export does not hold,
 * an attachment the export left out. Embed images are kept only when they were downloaded (a
 * link preview's remote picture is not a file of the chat).
 */
import path from 'node:path';
import { locateExportFile, type FileProblem } from '../export-path';
import { objectField, objectsOf, stringField } from '../json/json-fields';
import type { JsonObject } from '../json/json-value';
import { mimeFromName } from '../media-types';
import type { AttachmentRef } from '../records';

export type MediaContext = Readonly<{
  /** The folder of the JSON file inside the source (`''` at its root). */
  folder: string;
  /** Whether the source holds this entry. */
  has: (entryPath: string) => boolean;
  /** Notes a file the export refers to but does not hold (or holds outside itself). */
  warn: (code: FileProblem, rawPath: string) => void;
}>;

/** Lottie stickers are JSON animations; the other formats are images. */
const STICKER_MIME: Readonly<Record<string, string>> = {
  Png: 'image/png',
  Apng: 'image/apng',
  PngAnimated: 'image/apng',
  Gif: 'image/gif',
  Lottie: 'application/json',
};

/** The entry of a downloaded file, or null for a CDN address or a file the export lacks. */
export function mediaEntry(rawUrl: string, context: MediaContext): string | null {
  return locateExportFile(context.folder, rawUrl, context.has, context.warn);
}

/** The last segment of a path or address, without its query. */
function baseName(url: string): string {
  return path.posix.basename(url.replaceAll('\\', '/').split(/[?#]/)[0] ?? '');
}

function attachmentOf(object: JsonObject, context: MediaContext): AttachmentRef {
  const url = stringField(object, 'url');
  const name = stringField(object, 'fileName') || (url === null ? '' : baseName(url)) || 'File';
  const entryPath = url === null || url === '' ? null : mediaEntry(url, context);
  return { entryPath, name, mime: mimeFromName(name) };
}

function stickerOf(object: JsonObject, context: MediaContext): AttachmentRef {
  const url = stringField(object, 'sourceUrl');
  const label = stringField(object, 'name')?.trim() || 'Sticker';
  const extension = url === null ? '' : path.posix.extname(baseName(url));
  const format = stringField(object, 'format') ?? '';
  const entryPath = url === null || url === '' ? null : mediaEntry(url, context);
  return {
    entryPath,
    name: `${label}${extension}`,
    mime: STICKER_MIME[format] ?? mimeFromName(extension),
  };
}

/** The downloaded images of an embed (its image, images and thumbnail), once each. */
function embedImages(embed: JsonObject, context: MediaContext): AttachmentRef[] {
  const urls = [
    objectField(embed, 'image'),
    ...objectsOf(embed, 'images'),
    objectField(embed, 'thumbnail'),
    objectField(embed, 'video'),
  ]
    .map((part) => (part === null ? null : stringField(part, 'url')))
    .filter((url): url is string => url !== null && url !== '' && !/^[a-z]+:\/\//i.test(url));
  const seen = new Set<string>();
  const found: AttachmentRef[] = [];
  for (const url of urls) {
    const entryPath = mediaEntry(url, context);
    if (entryPath === null || seen.has(entryPath)) continue;
    seen.add(entryPath);
    const name = baseName(url);
    found.push({ entryPath, name, mime: mimeFromName(name) });
  }
  return found;
}

export function messageMedia(message: JsonObject, context: MediaContext): AttachmentRef[] {
  const files = objectsOf(message, 'attachments').map((file) => attachmentOf(file, context));
  const stickers = objectsOf(message, 'stickers').map((sticker) => stickerOf(sticker, context));
  const embedded = objectsOf(message, 'embeds').flatMap((embed) => embedImages(embed, context));
  return [...files, ...stickers, ...embedded];
}
