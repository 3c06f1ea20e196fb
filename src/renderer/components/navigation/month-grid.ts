/** A month as calendar weeks: day numbers, with nulls before the 1st and after the last day. */
export function monthGrid(year: number, month: number, firstDay: number): (number | null)[][] {
  const days = new Date(year, month, 0).getDate();
  const lead = (new Date(year, month - 1, 1).getDay() - firstDay + 7) % 7;
  const cells: (number | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: days }, (_, i) => i + 1),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let start = 0; start < cells.length; start += 7) weeks.push(cells.slice(start, start + 7));
  return weeks;
}

type WeekInfo = Readonly<{ firstDay?: number }>;
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

/** The first day of the week where `language` is spoken (0 Sunday … 6 Saturday). */
export function firstDayOfWeek(language: string): number {
  try {
    const locale = new Intl.Locale(language) as LocaleWithWeek;
    const info = locale.getWeekInfo?.() ?? locale.weekInfo;
    if (info?.firstDay !== undefined) return info.firstDay % 7;
  } catch {
    // An odd tag: fall through to Monday.
  }
  return 1;
}

export type YearMonth = Readonly<{ year: number; month: number }>;

export const monthOf = (date: Date): YearMonth => ({
  year: date.getFullYear(),
  month: date.getMonth() + 1,
});

export const monthIndex = ({ year, month }: YearMonth): number => year * 12 + (month - 1);

export const fromMonthIndex = (index: number): YearMonth => ({
  year: Math.floor(index / 12),
  month: (index % 12) + 1,
});
