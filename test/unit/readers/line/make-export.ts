/**
 * LINE text exports as the app writes them, in its English, Japanese and Chinese forms, for the
 * reader's tests. Each language's title and "saved" line, date lines and times as LINE prints them;
 * lines end in CRLF on iOS and LF on Android.
 */
export type LineLanguage = 'en' | 'en-android' | 'ja' | 'zh-CN' | 'zh-TW';

export type LineMessage = Readonly<{
  /** Local wall clock, 24-hour. */
  hour: number;
  minute: number;
  /** Null for a system line. */
  sender: string | null;
  text: string;
}>;

export type LineDay = Readonly<{
  year: number;
  month: number;
  day: number;
  messages: readonly LineMessage[];
}>;

const pad = (n: number): string => String(n).padStart(2, '0');

const WEEKDAYS: Readonly<Record<LineLanguage, readonly string[]>> = {
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  'en-android': ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  ja: ['日', '月', '火', '水', '木', '金', '土'],
  'zh-CN': ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  'zh-TW': ['日', '一', '二', '三', '四', '五', '六'],
};

export function titleLine(language: LineLanguage, name: string, group = false): string {
  switch (language) {
    case 'en':
    case 'en-android':
      return `[LINE] Chat history ${group ? 'in' : 'with'} ${name}`;
    case 'ja':
      return group ? `[LINE] ${name}のトーク履歴` : `[LINE] ${name}とのトーク履歴`;
    case 'zh-CN':
      return group ? `[LINE] ${name}的聊天记录` : `[LINE] 与${name}的聊天记录`;
    case 'zh-TW':
      return group ? `[LINE] ${name}的聊天記錄` : `[LINE] 與${name}的聊天記錄`;
  }
}

function savedLine(language: LineLanguage): string {
  switch (language) {
    case 'en':
      return 'Saved on: 2024/02/01 21:07';
    case 'en-android':
      return 'Saved on: 2/1/2024, 9:07 PM';
    case 'ja':
      return '保存日時：2024/02/01 21:07';
    case 'zh-CN':
      return '保存日期：2024/02/01 21:07';
    case 'zh-TW':
      return '儲存日期：2024/02/01 21:07';
  }
}

export function dateLine(language: LineLanguage, year: number, month: number, day: number): string {
  const weekday = WEEKDAYS[language][new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';
  switch (language) {
    case 'en':
      return `${year}/${pad(month)}/${pad(day)}(${weekday})`;
    case 'en-android':
      return `${weekday}, ${month}/${day}/${year}`;
    case 'ja':
      return `${year}/${pad(month)}/${pad(day)}(${weekday})`;
    case 'zh-CN':
      return `${year}/${pad(month)}/${pad(day)} ${weekday}`;
    case 'zh-TW':
      return `${year}/${pad(month)}/${pad(day)}（${weekday}）`;
  }
}

export function timeText(language: LineLanguage, hour: number, minute: number): string {
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  switch (language) {
    case 'en':
      return `${pad(hour)}:${pad(minute)}`;
    case 'en-android':
      return `${twelve}:${pad(minute)} ${hour < 12 ? 'AM' : 'PM'}`;
    case 'ja':
      // Japanese clocks count 0-11 after 午前 and 午後.
      return `${hour < 12 ? '午前' : '午後'}${hour % 12}:${pad(minute)}`;
    case 'zh-CN':
      return `${pad(hour)}:${pad(minute)}`;
    case 'zh-TW':
      return `${hour < 12 ? '上午' : '下午'}${pad(twelve)}:${pad(minute)}`;
  }
}

/** A message's lines: LINE wraps a text of several lines in quotes, doubling the quotes in it. */
export function messageLines(language: LineLanguage, message: LineMessage): string {
  const text = message.text.includes('\n')
    ? `"${message.text.replaceAll('"', '""')}"`
    : message.text;
  const time = timeText(language, message.hour, message.minute);
  return message.sender === null ? `${time}\t\t${text}` : `${time}\t${message.sender}\t${text}`;
}

export function lineExport(
  language: LineLanguage,
  chat: Readonly<{ name: string; group?: boolean; days: readonly LineDay[]; newline?: string }>,
): string {
  const lines = [titleLine(language, chat.name, chat.group), savedLine(language), ''];
  for (const day of chat.days) {
    lines.push(dateLine(language, day.year, day.month, day.day));
    for (const message of day.messages) lines.push(messageLines(language, message));
    lines.push('');
  }
  return lines.join(chat.newline ?? '\n');
}

export const say = (
  hour: number,
  minute: number,
  sender: string | null,
  text: string,
): LineMessage => ({
  hour,
  minute,
  sender,
  text,
});
