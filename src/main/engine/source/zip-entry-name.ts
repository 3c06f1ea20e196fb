/**
 * Whether a zip entry's name can be used as a path inside the export. A name that is absolute, has
 * a drive letter, climbs with `..`, or holds NUL is unsafe: the entry is skipped (and reported), the
 * chat still imports, and the zip is kept whole for restore.
 */
export type EntryNameCheck =
  Readonly<{ ok: true; path: string }> | Readonly<{ ok: false; reason: string }>;

export function checkEntryName(raw: string): EntryNameCheck {
  if (raw.includes('\0')) return { ok: false, reason: 'its name holds a NUL character' };
  const normalized = raw.replace(/\\/gu, '/');
  if (normalized.startsWith('/') || /^[a-zA-Z]:/u.test(normalized)) {
    return { ok: false, reason: 'its name is an absolute path' };
  }
  const segments = normalized.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) {
    return { ok: false, reason: 'its name climbs out of the archive with ..' };
  }
  if (segments.length === 0) return { ok: false, reason: 'it has no name' };
  return { ok: true, path: segments.join('/') };
}
