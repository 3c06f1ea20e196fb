/**
 * The first lines of a LINE export: the title, then when it was saved, e.g.
 *   `[LINE] Chat history with Ana` / `[LINE] Chat history in Family` (English, 1:1 / group),
 *   `[LINE] Anaとのトーク履歴` / `[LINE] Familyのトーク履歴` (Japanese),
 *   `[LINE] 与Ana的聊天记录` / `[LINE] Family的聊天记录` (Simplified Chinese),
 *   `[LINE] 與Ana的聊天記錄` / `[LINE] Family的聊天記錄` (Traditional Chinese),
 *   `Saved on: 2024/01/15 10:30`, `保存日時：2024/01/15 10:30`, `保存日期：...`, `儲存日期：...`.
 * Older exports leave out the `[LINE]` tag. The chat's name is what the title wraps.
 */
const TITLE_TAG = /^\[LINE\]\s*/u;
const TITLE_FORMS: readonly RegExp[] = [
  /^Chat history (?:with|in) (?<name>.+)$/u,
  /^(?<name>.+?)(?:と)?のトーク履歴$/u,
  /^[与與](?<name>.+)的聊天[记記][录錄]$/u,
  /^(?<name>.+)的聊天[记記][录錄]$/u,
];
const SAVED = /^(?:Saved on|保存日時|保存日期|儲存日期|储存日期)\s*[:：]/u;

/** The chat's name from a title line, or null when the line is no title. */
export function titleOf(line: string): string | null {
  const tagged = TITLE_TAG.test(line);
  const rest = line.replace(TITLE_TAG, '').trim();
  for (const form of TITLE_FORMS) {
    const name = form.exec(rest)?.groups?.name?.trim();
    if (name !== undefined && name !== '') return name;
  }
  return tagged && rest !== '' ? rest : null;
}

export function isSavedLine(line: string): boolean {
  return SAVED.test(line.trim());
}

/** The chat's name from the file's name (`[LINE] Chat with Ana.txt`), or null when it has none. */
export function titleFromFileName(fileName: string): string | null {
  const stem = fileName.replace(/\.txt$/iu, '').replace(/\s*\(\d+\)$/u, '');
  if (!TITLE_TAG.test(stem)) return null;
  const rest = stem.replace(TITLE_TAG, '').trim();
  const name =
    /^Chat (?:history )?(?:with|in) (?<name>.+)$/u.exec(rest)?.groups?.name ??
    /^(?<name>.+?)(?:と)?のトーク(?:履歴)?$/u.exec(rest)?.groups?.name ??
    /^[与與]?(?<name>.+?)的聊天(?:[记記][录錄])?$/u.exec(rest)?.groups?.name ??
    rest;
  return name.trim() === '' ? null : name.trim();
}
