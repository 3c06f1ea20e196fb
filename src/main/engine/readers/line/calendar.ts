/** Calendar facts for reading dates: real days, weekdays, and the names of weekdays and months. */

export type CalendarDate = Readonly<{ year: number; month: number; day: number }>;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  const days = DAYS_IN_MONTH[month - 1];
  if (days === undefined || !Number.isInteger(day) || day < 1) return false;
  return day <= (month === 2 && isLeap(year) ? 29 : days);
}

/** 0 (Sunday) to 6 (Saturday). */
export function weekdayOf(date: CalendarDate): number {
  const at = new Date(Date.UTC(2000, date.month - 1, date.day));
  at.setUTCFullYear(date.year);
  return at.getUTCDay();
}

const ENGLISH_WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** Japanese 月火水木金土日 and Chinese 一二三四五六日天, with or without 曜日 / 周 / 星期 / 週 / 禮拜. */
const CJK_WEEKDAYS: Readonly<Record<string, number>> = {
  日: 0,
  天: 0,
  月: 1,
  一: 1,
  火: 2,
  二: 2,
  水: 3,
  三: 3,
  木: 4,
  四: 4,
  金: 5,
  五: 5,
  土: 6,
  六: 6,
};

/** The weekday a word names (`Sat`, `Saturday`, `土`, `土曜日`, `周六`, `星期六`), or null. */
export function weekdayNamed(word: string): number | null {
  const plain = word.trim().toLowerCase().replace(/\.$/u, '');
  if (/^[a-z]{3,9}$/u.test(plain)) {
    const index = ENGLISH_WEEKDAYS.indexOf(plain.slice(0, 3));
    return index === -1 ? null : index;
  }
  const cjk = /^(?:周|週|星期|禮拜|礼拜)?(?<day>[日天月一火二水三木四金五土六])(?:曜日?)?$/u.exec(
    plain,
  );
  return cjk?.groups?.day === undefined ? null : (CJK_WEEKDAYS[cjk.groups.day] ?? null);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 1-12 for an English month name or its abbreviation, or null. */
export function monthNamed(word: string): number | null {
  const plain = word.toLowerCase().replace(/\.$/u, '');
  if (!/^[a-z]{3,9}$/u.test(plain)) return null;
  const index = MONTHS.indexOf(plain.slice(0, 3));
  return index === -1 ? null : index + 1;
}
