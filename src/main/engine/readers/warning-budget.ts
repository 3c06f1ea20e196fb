/**
 * Warnings of one read, bounded: an export where every message has the same problem lists the first
 * few of each kind, each naming its entry, and then says how many more there were.
 */
import type { ReadRecord } from './records';

export class WarningBudget {
  private readonly counts = new Map<string, number>();

  constructor(
    /** The entry named by the closing summary. */
    private readonly summaryEntry: string,
    private readonly listedPerCode = 20,
  ) {}

  /** The warning record, or null once this code has been listed often enough. */
  warn(code: string, message: string, entry: string): ReadRecord | null {
    const count = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, count);
    return count > this.listedPerCode ? null : { type: 'warning', code, message, entry };
  }

  /** One closing warning per code that had more than were listed. */
  summary(): ReadRecord[] {
    return [...this.counts]
      .filter(([, count]) => count > this.listedPerCode)
      .map(([code, count]) => ({
        type: 'warning',
        code,
        message: `${count - this.listedPerCode} more warnings like the ones above (${code}) were not listed.`,
        entry: this.summaryEntry,
      }));
  }
}
