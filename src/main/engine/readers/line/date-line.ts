/**
 * The line that starts each day of a LINE export, alone on its line, in the styles LINE writes by
 * language and phone:
 *   `2024/01/15(Mon)`, `2024/1/15（月）`, `2024/01/15 周一`, `2024.01.15 Monday`, `2024-01-15`,
 *   `2024年1月15日(月)`, `2024年1月15日 星期一`, `Mon, 1/15/2024`, `Monday, January 15, 2024`.
 * Month-first and day-first numbers (`1/15/2024`, `15/1/2024`) are told apart by the weekday when
 * the line names one (it always does in real exports), else by which one is a real date, else
 * month first (LINE's English style).
 */
import { isCalendarDate, monthNamed, weekdayNamed, weekdayOf, type CalendarDate } from './calendar';

export type { CalendarDate } from './calendar';

const WEEKDAY_WORD = String.raw`[A-Za-z]{3,9}\.?|(?:周|週|星期|禮拜|礼拜)?[日天月一火二水三木四金五土六](?:曜日?)?`;
/** What may follow a date: nothing, or a weekday in (half- or full-width) brackets or after a space. */
const AFTER = String.raw`(?:\s*[(（](?<after>${WEEKDAY_WORD})[)）]|[\s,]+(?<afterWord>${WEEKDAY_WORD}))?\s*$`;
const BEFORE = String.raw`^(?:(?<before>${WEEKDAY_WORD}),?\s+)?`;

const YEAR_FIRST = new RegExp(
  String.raw`^(?<y>\d{4})(?<sep>[/.-])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})${AFTER}`,
  'u',
);
const YEAR_FIRST_CJK = new RegExp(
  String.raw`^(?<y>\d{4})年\s*(?<m>\d{1,2})月\s*(?<d>\d{1,2})日${AFTER}`,
  'u',
);
const YEAR_LAST = new RegExp(
  String.raw`${BEFORE}(?<a>\d{1,2})(?<sep>[/.-])(?<b>\d{1,2})\k<sep>(?<y>\d{4})${AFTER}`,
  'u',
);
const MONTH_NAMED = new RegExp(
  String.raw`${BEFORE}(?:(?<mn>[A-Za-z]{3,9}\.?)\s+(?<d>\d{1,2})|(?<d2>\d{1,2})\s+(?<mn2>[A-Za-z]{3,9}\.?)),?\s+(?<y>\d{4})${AFTER}`,
  'u',
);

type Groups = Readonly<Record<string, string | undefined>>;

function weekdayIn(groups: Groups): number | null {
  const word = groups.before ?? groups.after ?? groups.afterWord;
  return word === undefined ? null : weekdayNamed(word);
}

function dated(year: number, month: number, day: number): CalendarDate | null {
  return isCalendarDate(year, month, day) ? { year, month, day } : null;
}

/** A named weekday that is not one must not turn a date into a date line either. */
function weekdayFits(groups: Groups, date: CalendarDate | null): CalendarDate | null {
  const words = [groups.before, groups.after, groups.afterWord].filter((w) => w !== undefined);
  if (words.length > 0 && words.some((word) => weekdayNamed(word) === null)) return null;
  return date;
}

function yearLast(groups: Groups): CalendarDate | null {
  const year = Number(groups.y);
  const a = Number(groups.a);
  const b = Number(groups.b);
  const monthFirst = dated(year, a, b);
  const dayFirst = dated(year, b, a);
  const weekday = weekdayIn(groups);
  if (weekday !== null) {
    if (monthFirst !== null && weekdayOf(monthFirst) === weekday) return monthFirst;
    if (dayFirst !== null && weekdayOf(dayFirst) === weekday) return dayFirst;
  }
  return monthFirst ?? dayFirst;
}

/** The day a date line names, or null when the line is no date line. */
export function parseDateLine(line: string): CalendarDate | null {
  const text = line.trim();
  if (text.length > 40 || !/\d{4}/u.test(text)) return null;
  const numeric = YEAR_FIRST.exec(text) ?? YEAR_FIRST_CJK.exec(text);
  if (numeric?.groups !== undefined) {
    const { y, m, d } = numeric.groups;
    return weekdayFits(numeric.groups, dated(Number(y), Number(m), Number(d)));
  }
  const last = YEAR_LAST.exec(text);
  if (last?.groups !== undefined) return weekdayFits(last.groups, yearLast(last.groups));
  const named = MONTH_NAMED.exec(text);
  if (named?.groups !== undefined) {
    const month = monthNamed(named.groups.mn ?? named.groups.mn2 ?? '');
    const day = Number(named.groups.d ?? named.groups.d2);
    if (month === null) return null;
    return weekdayFits(named.groups, dated(Number(named.groups.y), month, day));
  }
  return null;
}
