/**
 * Intl formatters, made once per language and kept: a timeline formats thousands of times while
 * scrolling, and a new formatter per row costs more than the row itself.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

/** The formatter for `language` and one named style (the name keys the cache, cheaply). */
function formatter(
  language: string,
  style: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${language}|${style}`;
  let made = cache.get(key);
  if (made === undefined) {
    made = new Intl.DateTimeFormat(language, options);
    cache.set(key, made);
  }
  return made;
}

/** "Dec 31, 2020". */
export const formatDay = (iso: string, language: string): string =>
  formatter(language, 'medium-day', { dateStyle: 'medium' }).format(new Date(iso));

/** "9:41 PM", "21:41". */
export const formatTime = (iso: string, language: string): string =>
  formatter(language, 'time', { timeStyle: 'short' }).format(new Date(iso));

/** "Thursday, December 31, 2020". */
export const formatFullDay = (date: Date, language: string): string =>
  formatter(language, 'day', { dateStyle: 'full' }).format(date);

/** "December 31, 2020 at 9:41 PM". */
export const formatMoment = (iso: string, language: string): string =>
  formatter(language, 'moment', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

/** "December 2020". */
export const formatMonth = (year: number, month: number, language: string): string =>
  formatter(language, 'month', { year: 'numeric', month: 'long' }).format(
    new Date(year, month - 1, 1),
  );

/** Short weekday names, Monday or Sunday first as `firstDay` says (0 Sunday … 6 Saturday). */
export function weekdayNames(language: string, firstDay: number): string[] {
  const format = formatter(language, 'weekday', { weekday: 'narrow' });
  // 4 January 1970 was a Sunday.
  return Array.from({ length: 7 }, (_, i) =>
    format.format(new Date(1970, 0, 4 + ((firstDay + i) % 7))),
  );
}

/** A duration in seconds as "45 s", "3 min 20 s", "1 h 05 min" (units stay short in any language). */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export { formatBytes } from '../shared/format-bytes';
