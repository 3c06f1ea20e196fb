/**
 * Message times. Telegram Desktop writes each time twice: `date_unixtime` (seconds since the epoch,
 * as a string) and `date` (the exporting machine's local wall time, no zone). The unix time is the
 * truth; `date` is read only when it is missing (exports before 2021 and hand-made samples), as a
 * wall time in the reader's zone (`ReaderOptions.timeZone`, default the machine's), the same rule
 * as every zoneless export. A `date` that carries its own zone (`Z`, `+02:00`) is read with it.
 */
import type { JsonObject } from '../json/json-value';
import { zonedWallTimeToUtc } from '../zoned-time';

const WALL_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

function unixSeconds(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  if (typeof value === 'string' && /^-?\d{1,12}$/.test(value)) return Number(value) * 1000;
  return null;
}

function wallTime(value: unknown, timeZone: string | undefined): number | null {
  if (typeof value !== 'string') return null;
  const match = WALL_TIME.exec(value.trim());
  if (match === null) return null;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const millis = Math.floor(Number(`0.${fraction ?? '0'}`) * 1000);
  if (zone !== undefined) {
    const parsed = Date.parse(value.trim());
    return Number.isNaN(parsed) ? null : parsed;
  }
  const instant = zonedWallTimeToUtc(
    Number(year),
    Number(month),
    Number(day),
    Number(hour),
    Number(minute),
    Number(second ?? '0'),
    timeZone,
  );
  return Number.isFinite(instant) ? instant + millis : null;
}

/**
 * The time of `prefix` (`date` or `edited`) in ms UTC: `<prefix>_unixtime`, else `<prefix>` as a
 * wall time; null when the object has neither (or neither can be read).
 */
export function exportTime(
  object: JsonObject,
  prefix: 'date' | 'edited',
  timeZone: string | undefined,
): number | null {
  const unix = prefix === 'date' ? object.date_unixtime : object.edited_unixtime;
  if (unix === undefined && object[prefix] === undefined) return null;
  return unixSeconds(unix) ?? wallTime(object[prefix], timeZone);
}
