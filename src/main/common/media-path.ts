/**
 * `/media/<sha256>/<name>`: a stored file of the vault, addressed by its hash. The name is only
 * there to give the file its type and a sensible name when saved; the hash alone picks the file,
 * and anything that is not 64 lowercase hex characters is refused.
 */
import { blobPath } from '../engine/vault/blob-store';
import { mimeTypeFor } from './static-path';

export const MEDIA_PREFIX = '/media/';
const MEDIA_PATH = /^\/media\/([0-9a-f]{64})\/([^/]{1,255})$/u;

export type MediaFile = Readonly<{
  file: string;
  contentType: string;
  /** Only images (not SVG), audio and video are shown in place; everything else is a download. */
  inline: boolean;
  name: string;
}>;

const INLINE = /^(image\/(png|jpeg|gif|webp|heic)|audio\/|video\/)/u;

/** Headers that keep a stored file inert: never sniffed, never scripted, a download unless media. */
export function mediaHeaders(media: MediaFile): Record<string, string> {
  return {
    'content-type': media.contentType,
    'content-disposition': `${media.inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(media.name)}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, max-age=31536000, immutable',
  };
}

export function resolveMediaPath(vaultDir: string, rawPath: string): MediaFile | null {
  const match = MEDIA_PATH.exec(rawPath);
  if (match === null) return null;
  const [, sha256 = '', encodedName = ''] = match;
  let name: string;
  try {
    name = decodeURIComponent(encodedName);
  } catch {
    return null;
  }
  const type = mimeTypeFor(name);
  const inline = INLINE.test(type);
  return {
    file: blobPath(vaultDir, sha256),
    contentType: inline ? type : 'application/octet-stream',
    inline,
    name,
  };
}
