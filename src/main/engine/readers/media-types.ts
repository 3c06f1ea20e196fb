/**
 * The media type of an exported file from its name, for the files exports name without one
 * (Telegram photos, Discord and Slack attachments, the files of an HTML export). Null when the
 * extension says nothing the timeline could use.
 */
import path from 'node:path';

const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.apng': 'image/apng',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.heic': 'image/heic',
  '.bmp': 'image/bmp',
  '.svg': 'image/svg+xml',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.webm': 'video/webm',
  '.mov': 'video/quicktime',
  '.mkv': 'video/x-matroska',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.flac': 'audio/flac',
  '.wav': 'audio/wav',
  '.tgs': 'application/x-tgsticker',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.txt': 'text/plain',
  '.json': 'application/json',
};

/** `photo.JPG` -> `image/jpeg`; null for an unknown or missing extension. */
export function mimeFromName(name: string): string | null {
  return MIME_BY_EXTENSION[path.posix.extname(name).toLowerCase()] ?? null;
}
