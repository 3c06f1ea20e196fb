/**
 * The boundaries of the days of one month as they fall in a time zone: the start of each day and,
 * last, the start of the next month (days are not always 24 hours long where clocks change).
 */
import { VaultError } from '../errors';
import { assertTimeZone, zonedWallTimeToUtc } from '../readers/zoned-time';

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in a month (1-12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 30);
}

/** Throws a VaultError naming the zone when it is not an IANA zone this runtime knows. */
export function checkedTimeZone(timeZone: string): string {
  try {
    assertTimeZone(timeZone);
  } catch {
    throw new VaultError(
      'UNKNOWN_TIME_ZONE',
      `“${timeZone}” is not a time zone Chat Vault knows. Use an IANA name such as Europe/Berlin or Asia/Shanghai.`,
    );
  }
  return timeZone;
}

export function monthDayBoundaries(year: number, month: number, timeZone: string): number[] {
  const zone = checkedTimeZone(timeZone);
  const boundaries: number[] = [];
  for (let day = 1; day <= daysInMonth(year, month); day += 1)
    boundaries.push(zonedWallTimeToUtc(year, month, day, 0, 0, 0, zone));
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  boundaries.push(zonedWallTimeToUtc(next.year, next.month, 1, 0, 0, 0, zone));
  return boundaries;
}
