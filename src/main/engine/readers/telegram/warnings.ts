/**
 * Warnings, bounded: a file where every message has the same problem lists the first few of each
 * kind and then says how many more there were, instead of one warning per message.
 */
import type { ReadRecord } from '../records';

const LISTED_PER_CODE = 20;

export class WarningBudget {
  private readonly entry: string;
  private readonly counts = new Map<string, number>();

  constructor(entry: string) {
    this.entry = entry;
  }

  /** The warning record, or null once this code has been listed often enough. */
  warn(code: string, message: string): ReadRecord | null {
    const count = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, count);
    return count > LISTED_PER_CODE ? null : { type: 'warning', code, message, entry: this.entry };
  }

  /** One closing warning per code that had more than were listed. */
  summary(): ReadRecord[] {
    return [...this.counts]
      .filter(([, count]) => count > LISTED_PER_CODE)
      .map(([code, count]) => ({
        type: 'warning',
        code,
        message: `${count - LISTED_PER_CODE} more warnings like the ones above (${code}) were not listed.`,
        entry: this.entry,
      }));
  }
}
