/**
 * Turns any name (from an archive, a chat title, an upload) into one file name that is valid on
 * Windows, macOS and Linux and cannot climb out of its folder.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// Path separators, characters Windows forbids, and control characters.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const MAX_BYTES = 200;

/** UTF-8 length of `text` (file systems limit names in bytes, not characters). */
function byteLength(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Cuts `text` to at most `max` UTF-8 bytes without splitting a character. */
function truncateBytes(text: string, max: number): string {
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = byteLength(char);
    if (used + size > max) break;
    out += char;
    used += size;
  }
  return out;
}

export function safeFileName(name: string, fallback = 'unnamed'): string {
  let safe = name.normalize('NFC').replace(FORBIDDEN, '_');
  safe = safe.replace(/[. ]+$/u, '').replace(/^\s+/u, '');
  if (safe === '' || /^\.+$/u.test(safe)) safe = fallback;
  if (WINDOWS_RESERVED.test(safe)) safe = `_${safe}`;
  if (byteLength(safe) > MAX_BYTES) {
    const dot = safe.lastIndexOf('.');
    const extension = dot > 0 && safe.length - dot <= 16 ? safe.slice(dot) : '';
    const stem = extension === '' ? safe : safe.slice(0, dot);
    safe =
      truncateBytes(stem, MAX_BYTES - byteLength(extension)).replace(/[. ]+$/u, '') + extension;
  }
  return safe;
}
