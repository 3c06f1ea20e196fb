/**
 * Turns any name (from an archive, a chat title, an upload) into one file name that is valid on
 * Windows, macOS and Linux and cannot climb out of its folder; and any archive path into a list of
 * such names.
 *
 * The rules: path separators, the characters Windows forbids (`<>:"/\|?*`) and control characters
 * become `_`; invisible direction marks (which can disguise an extension) are dropped; trailing dots
 * and spaces (which Windows strips) are dropped; Windows device names (CON, NUL, COM1, LPT1, CONIN$,
 * with or without an extension) get a leading `_`; `.` and `..` are never names; and a name is cut
 * to 200 bytes of UTF-8 (file systems count bytes, 255 at most), keeping its extension and whole
 * characters, which leaves room for a " (2)" suffix and a temporary prefix.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])([ .].*)?$/iu;
// Path separators, characters Windows forbids, and control characters.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/gu;
/**
 * Marks that change the direction of text ("\u202egpj.exe" shows as "exe.jpg") and byte-order
 * marks. Joiners (U+200C, U+200D) stay: emoji sequences and several scripts need them.
 */
const INVISIBLE = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/** The longest name this module returns, in UTF-8 bytes. */
export const MAX_NAME_BYTES = 200;
/** The deepest path `safeRelativePath` keeps; deeper folders are flattened into the last one. */
export const MAX_PATH_DEPTH = 32;

/** UTF-8 length of `text` (file systems limit names in bytes, not characters). */
export function utf8ByteLength(text: string): number {
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
    const size = utf8ByteLength(char);
    if (used + size > max) break;
    out += char;
    used += size;
  }
  return out;
}

/** `name` split into stem and extension (`.json`, at most 16 characters; none for dot-files). */
function splitExtension(name: string): readonly [stem: string, extension: string] {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || name.length - dot > 16) return [name, ''];
  return [name.slice(0, dot), name.slice(dot)];
}

/** `name` cut to `max` bytes, keeping the extension. */
function fitBytes(name: string, max: number): string {
  if (utf8ByteLength(name) <= max) return name;
  const [stem, extension] = splitExtension(name);
  const room = max - utf8ByteLength(extension);
  if (room <= 0) return truncateBytes(name, max).replace(/[. ]+$/u, '');
  return truncateBytes(stem, room).replace(/[. ]+$/u, '') + extension;
}

export function safeFileName(name: string, fallback = 'unnamed'): string {
  let safe = name.normalize('NFC').replace(INVISIBLE, '').replace(FORBIDDEN, '_');
  safe = safe.replace(/[. ]+$/u, '').replace(/^\s+/u, '');
  if (safe === '' || /^\.+$/u.test(safe)) safe = fallback;
  safe = fitBytes(safe, MAX_NAME_BYTES);
  if (safe === '') safe = fallback;
  if (WINDOWS_RESERVED.test(safe)) safe = fitBytes(`_${safe}`, MAX_NAME_BYTES);
  return safe;
}

/**
 * A safe name made of `stem` (a title, made safe and cut to fit) and a fixed `suffix` such as
 * ".chatlab.jsonl", which is kept whole.
 */
export function safeFileNameWithSuffix(stem: string, suffix: string, fallback = 'unnamed'): string {
  const room = MAX_NAME_BYTES - utf8ByteLength(suffix) - 1;
  const cut = truncateBytes(safeFileName(stem, fallback), room).replace(/[. ]+$/u, '');
  return safeFileName(`${cut === '' ? fallback : cut}${suffix}`, fallback);
}

/**
 * The `attempt`-th candidate for a name that may already be taken: the name itself first, then
 * "name (2).ext", "name (3).ext"... (still within the byte limit). `name` must already be safe.
 */
export function numberedFileName(name: string, attempt: number): string {
  if (attempt <= 1) return name;
  const [stem, extension] = splitExtension(name);
  const suffix = ` (${attempt})`;
  const room = MAX_NAME_BYTES - utf8ByteLength(suffix) - utf8ByteLength(extension);
  const cut = truncateBytes(stem, Math.max(1, room)).replace(/[. ]+$/u, '');
  return safeFileName(`${cut === '' ? '_' : cut}${suffix}${extension}`);
}

/**
 * A key under which two names collide on a case-insensitive file system (Windows, macOS):
 * "Photo.JPG" and "photo.jpg" are one file there.
 */
export function fileNameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('en-US');
}

/**
 * The levels of an archive's path (`/` or `\` separated, possibly hostile: `../x`, `/etc/x`,
 * `C:\x`) as written, minus empty, `.` and `..` levels and invisible marks; at most MAX_PATH_DEPTH
 * of them (deeper levels are joined into the last one with `_`).
 */
export function pathLevels(rawPath: string): string[] {
  const levels = rawPath
    .split(/[/\\]+/u)
    .map((level) => level.normalize('NFC').replace(INVISIBLE, '').trim())
    .filter((level) => !/^[.\s]*$/u.test(level));
  if (levels.length <= MAX_PATH_DEPTH) return levels;
  const kept = levels.slice(0, MAX_PATH_DEPTH - 1);
  kept.push(levels.slice(MAX_PATH_DEPTH - 1).join('_'));
  return kept;
}

/**
 * An archive's path as safe names, one per folder level, that stay inside whatever folder they are
 * joined to. An empty result means the path named nothing.
 */
export function safeRelativePath(rawPath: string): string[] {
  return pathLevels(rawPath).map((level) => safeFileName(level));
}
