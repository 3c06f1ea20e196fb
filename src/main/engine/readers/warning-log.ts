/**
 * Warnings of a reader that reads many files (Discord channels, Slack day files, HTML pages),
 * bounded: the first few of each code are listed with the file they are about, then one closing
 * warning per code says how many more there were.
 */
import type { ReadRecord } from './records';

const LISTED_PER_CODE = 20;

export class WarningLog {
  private readonly counts = new Map<string, number>();
  private readonly pending: ReadRecord[] = [];

  /** Notes a warning; it is handed out by the next `take()`. */
  warn(code: string, message: string, entry?: string): void {
    const count = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, count);
    if (count > LISTED_PER_CODE) return;
    this.pending.push(
      entry === undefined
        ? { type: 'warning', code, message }
        : { type: 'warning', code, message, entry },
    );
  }

  /** The warnings noted since the last call. */
  take(): ReadRecord[] {
    return this.pending.length === 0 ? [] : this.pending.splice(0);
  }

  /** One closing warning per code that had more than were listed. */
  summary(): ReadRecord[] {
    return [...this.counts]
      .filter(([, count]) => count > LISTED_PER_CODE)
      .map(([code, count]) => ({
        type: 'warning',
        code,
        message: `${count - LISTED_PER_CODE} more warnings like the ones above (${code}) were not listed.`,
      }));
  }
}
