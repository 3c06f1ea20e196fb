/**
 * Times in a Telegram Desktop HTML page. Each message's time is the `title` of its date element,
 * the local wall time of the machine that exported it: "23.08.2023 13:11:23 UTC-08:00" (older
 * versions leave out the offset). The offset is not the one in force at that moment: the exporter
 * writes its zone's *standard* offset (export_data_types.cpp, FormatDateTime, asks Qt for
 * `displayName(QTimeZone::StandardTime, QTimeZone::OffsetName)`), so a summer time in California
 * says UTC-08:00 although it was UTC-07:00.
 *
 * So: when the reader's zone (ReaderOptions.timeZone, else the machine's) has that standard offset,
 * the wall time is read in that zone, daylight saving time included, which is exact. Otherwise the
 * label's offset is used as it stands (exact outside daylight saving time, an hour off inside it)
 * and the reader warns. A time without an offset is read in the reader's zone.
 *
 * Service messages carry no time; the day separators between messages ("23 August 2023") do.
 */
import { machineTimeZone, zonedWallTimeToUtc, zoneOffsetMinutes } from '../zoned-time';

const TITLE =
  /^(\d{1,2})\.(\d{1,2})\.(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?(?: UTC([+-])(\d{1,2}):?(\d{2}))?$/;
const DAY = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/;
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

export type HtmlTime = Readonly<{
  instant: number;
  /** True when the label's offset had to be taken as it stands (see above). */
  offsetGuessed: boolean;
}>;

/** The zone's standard offset in a year, in minutes east of UTC (daylight time only adds). */
function standardOffset(timeZone: string, year: number): number {
  const january = zoneOffsetMinutes(Date.UTC(year, 0, 1), timeZone);
  const july = zoneOffsetMinutes(Date.UTC(year, 6, 1), timeZone);
  return Math.min(january, july);
}

export class HtmlTimes {
  private readonly timeZone: string;
  private readonly standard = new Map<number, number>();

  constructor(timeZone: string | undefined) {
    this.timeZone = timeZone ?? machineTimeZone();
  }

  private standardIn(year: number): number {
    let offset = this.standard.get(year);
    if (offset === undefined)
      this.standard.set(year, (offset = standardOffset(this.timeZone, year)));
    return offset;
  }

  /** A date title as an instant, or null when it is not one. */
  parseTitle(title: string): HtmlTime | null {
    const match = TITLE.exec(title.trim());
    if (match === null) return null;
    const [, day, month, year, hour, minute, second, sign, offsetHours, offsetMinutes] = match;
    const fields = [year, month, day, hour, minute, second ?? '0'].map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const [y, mo, d, h, mi, s] = fields;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
    if (sign === undefined) {
      return {
        instant: zonedWallTimeToUtc(y, mo, d, h, mi, s, this.timeZone),
        offsetGuessed: false,
      };
    }
    const label = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
    if (label === this.standardIn(y)) {
      return {
        instant: zonedWallTimeToUtc(y, mo, d, h, mi, s, this.timeZone),
        offsetGuessed: false,
      };
    }
    const instant = Date.UTC(y, mo - 1, d, h, mi, s) - label * 60_000;
    return { instant, offsetGuessed: true };
  }

  /** The start of a day separator's day ("23 August 2023") in the reader's zone, or null. */
  parseDay(text: string): number | null {
    const match = DAY.exec(text.trim());
    if (match === null) return null;
    const month = MONTHS.indexOf((match[2] ?? '').toLowerCase()) + 1;
    if (month === 0) return null;
    return zonedWallTimeToUtc(Number(match[3]), month, Number(match[1]), 0, 0, 0, this.timeZone);
  }
}
