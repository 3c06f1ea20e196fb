/**
 * Local dates and times of instants in one time zone, for the text and HTML exports: one Intl
 * call per message (memoised for the same minute), so a million messages format in seconds.
 */
export type LocalTime = Readonly<{
  /** `2021-03-01` */
  date: string;
  /** `09:41:05` */
  time: string;
}>;

const WHOLE_MINUTE_OFFSETS_SINCE = Date.UTC(1973, 0, 1);

export class ZonedClock {
  readonly timeZone: string;
  readonly #parts: Intl.DateTimeFormat;
  #minute = Number.NaN;
  #minuteValue: LocalTime = { date: '', time: '' };

  constructor(timeZone: string) {
    this.timeZone = timeZone;
    this.#parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
  }

  local(ms: number): LocalTime {
    const minute = Math.floor(ms / 60_000);
    // Every zone's offset has been whole minutes since 1972, so within one minute only the
    // seconds change; older instants (offsets like -0:44:30) are formatted in full.
    if (minute === this.#minute && ms >= WHOLE_MINUTE_OFFSETS_SINCE) {
      const seconds = String(Math.floor((ms - minute * 60_000) / 1000)).padStart(2, '0');
      return {
        date: this.#minuteValue.date,
        time: `${this.#minuteValue.time.slice(0, 6)}${seconds}`,
      };
    }
    const parts: Record<string, string> = {};
    for (const part of this.#parts.formatToParts(ms)) parts[part.type] = part.value;
    const value = {
      date: `${parts['year'] ?? ''}-${parts['month'] ?? ''}-${parts['day'] ?? ''}`,
      time: `${parts['hour'] ?? ''}:${parts['minute'] ?? ''}:${parts['second'] ?? ''}`,
    };
    this.#minute = minute;
    this.#minuteValue = value;
    return value;
  }

  /** "UTC+01:00"-style offset of the zone at `ms`. */
  offset(ms: number): string {
    const name = new Intl.DateTimeFormat('en-US', {
      timeZone: this.timeZone,
      timeZoneName: 'longOffset',
    })
      .formatToParts(ms)
      .find((part) => part.type === 'timeZoneName')?.value;
    return (name ?? 'GMT').replace(/^GMT$/u, 'UTC').replace(/^GMT/u, 'UTC');
  }
}

/** The machine's zone, or UTC when Intl cannot say. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
