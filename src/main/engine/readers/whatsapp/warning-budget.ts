/**
 * Warnings about one chat, so that a file with a thousand odd lines says so in a few records
 * instead of a thousand: the first few of each code are kept, the rest are counted and summed up
 * at the end.
 */
export type ReaderWarning = Readonly<{ code: string; message: string; entry: string }>;

const KEPT_PER_CODE = 5;

export class WarningBudget {
  private readonly counts = new Map<string, number>();

  constructor(private readonly entry: string) {}

  /** The warning to emit now, or none when its code has used up its share. */
  add(code: string, message: string): readonly ReaderWarning[] {
    const count = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, count);
    return count <= KEPT_PER_CODE ? [{ code, message, entry: this.entry }] : [];
  }

  /** One warning per code that had more than its share, saying how many were left out. */
  summary(): readonly ReaderWarning[] {
    const more: ReaderWarning[] = [];
    for (const [code, count] of this.counts) {
      if (count > KEPT_PER_CODE) {
        more.push({
          code,
          message: `${count - KEPT_PER_CODE} more ${code} warning(s) like the ones above.`,
          entry: this.entry,
        });
      }
    }
    return more;
  }
}
