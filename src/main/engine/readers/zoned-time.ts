/**
 * Wall-clock times without a zone (WhatsApp, LINE) to UTC instants, through the IANA zone rules
 * that Intl carries. Pure: the same inputs always give the same instant.
 *
 * Times that a zone skips or repeats are resolved the way Temporal's `compatible` disambiguation
 * does: a wall time inside a gap (spring forward) is moved forward by the length of the gap
 * (02:30 on a day that jumps from 02:00 to 03:00 becomes 03:30), and a wall time that occurs twice
 * (fall back) is the earlier of the two instants.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Per zone: the offset of a whole local day that has no transition near it (null: it has one). */
const steadyDays = new Map<string, Map<number, number | null>>();
const STEADY_CACHE_LIMIT = 4096;

let machineZone: Readonly<{ tz: string | undefined; zone: string }> | undefined;

/**
 * The zone of this machine, as Intl resolves it (the `TZ` variable, else the OS setting). Asking
 * Intl costs a formatter, so the answer is kept until `TZ` changes.
 */
export function machineTimeZone(): string {
  const tz = process.env.TZ;
  if (machineZone === undefined || machineZone.tz !== tz) {
    machineZone = { tz, zone: new Intl.DateTimeFormat().resolvedOptions().timeZone };
  }
  return machineZone.zone;
}

/** Throws a RangeError naming the zone when Intl does not know it. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`Unknown time zone: ${timeZone}`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Milliseconds of the wall-clock fields read as if they were UTC (years 0-99 stay as given). */
function wallAsUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** The zone's offset from UTC at one instant, in milliseconds (whole seconds). */
function offsetAt(timeZone: string, instant: number): number {
  const fields: Record<string, number> = {};
  let bc = false;
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type === 'era') bc = part.value.startsWith('B');
    else if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = bc ? 1 - (fields.year ?? 0) : (fields.year ?? 0);
  const wall = wallAsUtc(
    year,
    fields.month ?? 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
  const flooredInstant = Math.floor(instant / 1000) * 1000;
  return wall - flooredInstant;
}

/**
 * The one offset of a local day when the zone keeps the same offset from two days before to two
 * days after it (no tz rule changes twice within five days), else null. Cached: most messages of a
 * chat fall on days without a transition, which then cost one map lookup.
 */
function steadyOffset(timeZone: string, localDay: number): number | null {
  let days = steadyDays.get(timeZone);
  if (days === undefined) {
    days = new Map();
    steadyDays.set(timeZone, days);
  }
  const cached = days.get(localDay);
  if (cached !== undefined) return cached;
  const before = offsetAt(timeZone, localDay * DAY_MS - 2 * DAY_MS);
  const after = offsetAt(timeZone, localDay * DAY_MS + 3 * DAY_MS);
  const steady = before === after ? before : null;
  if (days.size >= STEADY_CACHE_LIMIT) days.clear();
  days.set(localDay, steady);
  return steady;
}

/** Near a transition: try the offsets from before and after it, as `compatible` says. */
function resolveNearTransition(timeZone: string, local: number): number {
  const offsetBefore = offsetAt(timeZone, local - DAY_MS);
  const offsetAfter = offsetAt(timeZone, local + DAY_MS);
  const earlier = local - offsetBefore;
  const later = local - offsetAfter;
  const earlierFits = offsetAt(timeZone, earlier) === offsetBefore;
  const laterFits = offsetAt(timeZone, later) === offsetAfter;
  if (earlierFits && laterFits) return Math.min(earlier, later);
  if (earlierFits) return earlier;
  if (laterFits) return later;
  // A gap: the wall time never happened. The offset in force before it moves it forward.
  return earlier;
}

/**
 * The UTC instant (ms since the epoch) of a wall-clock time in `timeZone` (IANA name; default: the
 * machine's zone). Month is 1-12. Throws a RangeError for a zone Intl does not know.
 */
export function zonedWallTimeToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  timeZone?: string,
): number {
  const zone = timeZone ?? machineTimeZone();
  const local = wallAsUtc(year, month, day, hour, minute, second);
  if (zone === 'UTC' || zone === 'Etc/UTC') return local;
  const steady = steadyOffset(zone, Math.floor(local / DAY_MS));
  if (steady !== null) return local - steady;
  return resolveNearTransition(zone, local);
}

/** Minutes east of UTC at an instant in a zone: for messages and tests that show offsets. */
export function zoneOffsetMinutes(instant: number, timeZone?: string): number {
  return offsetAt(timeZone ?? machineTimeZone(), instant) / MINUTE_MS;
}
