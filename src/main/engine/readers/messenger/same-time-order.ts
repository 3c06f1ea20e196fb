/**
 * Messages sent in the same millisecond, put oldest first. The vault orders a conversation by time
 * and then by the order rows were added, and keys messages without ids by their occurrence among
 * identical neighbours; both need the messages of one millisecond to arrive oldest first. Facebook
 * writes a thread newest first, so the messages of each millisecond are held (never more than one
 * millisecond's worth) and given out reversed. Which way a file runs is read from the messages
 * around each run (the next message that is older or newer); a file whose messages all share one
 * time is taken to run `fallback`.
 */
export type FileOrder = 'newest-first' | 'oldest-first';

export class SameTimeOrder<T extends Readonly<{ sentAt: number }>> {
  private run: T[] = [];
  private direction: FileOrder | null = null;

  constructor(private readonly fallback: FileOrder) {}

  /** The items held back (all of one time), in file order. */
  get waiting(): readonly T[] {
    return this.run;
  }

  /** Adds the next item in file order; items whose place is now known go to `out`. */
  push(item: T, out: T[]): void {
    const first = this.run[0];
    if (first === undefined || first.sentAt === item.sentAt) {
      this.run.push(item);
      return;
    }
    this.direction = item.sentAt < first.sentAt ? 'newest-first' : 'oldest-first';
    this.release(this.direction, out);
    this.run.push(item);
  }

  /** No more items: the held run goes out, ordered as the file ran so far. */
  end(out: T[]): void {
    this.release(this.direction ?? this.fallback, out);
  }

  private release(direction: FileOrder, out: T[]): void {
    if (direction === 'newest-first') {
      for (let index = this.run.length - 1; index >= 0; index -= 1) out.push(this.run[index] as T);
    } else {
      for (const item of this.run) out.push(item);
    }
    this.run = [];
  }
}
