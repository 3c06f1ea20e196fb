/**
 * Message ids are time-ordered: the second a message was sent, times 65,536, plus a slot. So the
 * full-text index (whose rowids are message ids) walks newest-first in id order, the whole vault's
 * search results come out in time order without sorting, and messages of the same second keep the
 * order they were written in (the export's order). Ids stay exact JavaScript numbers: times are
 * clamped to ±2^36 seconds (beyond the year 4000), far past any real date.
 */

export const SLOTS_PER_SECOND = 65_536;
const LAST_SECOND = 2 ** 36;

export function secondOf(sentAt: number): number {
  return Math.min(LAST_SECOND, Math.max(-LAST_SECOND, Math.floor(sentAt / 1000)));
}

/** The highest id in [low, high], or null when there is none. */
export type MaxIdIn = (low: number, high: number) => number | null;

/**
 * Hands out the next free id for a message's time. The one writer asks the database once per
 * second it meets (none at all while the times lie above every stored id, as in a first import)
 * and counts from there. A second whose 65,536 slots are full lends from the next one.
 *
 * Most messages of an import either open a new second above everything stored (no lookup, no
 * bookkeeping) or follow the last message in its second (the one-entry cache); the map only keeps
 * what was learnt from the database, for imports that come back to earlier seconds.
 */
export class MessageIdAllocator {
  readonly #maxIdIn: MaxIdIn;
  /** Per second: the next free id, as far as this writer knew when it last asked the database. */
  readonly #next = new Map<number, number>();
  /** The second of the last id taken, and the id after it. */
  #lastSecond = Number.NaN;
  #lastNext = 0;
  /** No stored id is above this (null: the table was empty). */
  #highest: number | null;

  constructor(maxIdIn: MaxIdIn, highest: number | null) {
    this.#maxIdIn = maxIdIn;
    this.#highest = highest;
  }

  /** The id the message sent at `sentAt` should get; call `taken` once a row holds it. */
  propose(sentAt: number): number {
    let second = secondOf(sentAt);
    for (;;) {
      const low = second * SLOTS_PER_SECOND;
      const high = low + SLOTS_PER_SECOND - 1;
      const next = this.#nextIn(second, low);
      if (next <= high) return next;
      second += 1;
    }
  }

  /** A row now holds `id`: the following message of its second gets the slot after it. */
  taken(id: number): void {
    const second = Math.floor(id / SLOTS_PER_SECOND);
    this.#lastSecond = second;
    this.#lastNext = id + 1;
    if (this.#next.has(second)) this.#next.set(second, id + 1);
    if (this.#highest === null || id > this.#highest) this.#highest = id;
  }

  /**
   * `id` turned out to be in use (another writer got there first): forget what was known of its
   * second and of the highest id, so the next proposal asks the database.
   */
  collided(id: number): void {
    const second = Math.floor(id / SLOTS_PER_SECOND);
    this.#next.delete(second);
    if (second === this.#lastSecond) this.#lastSecond = Number.NaN;
    this.#highest = Number.MAX_SAFE_INTEGER;
  }

  #nextIn(second: number, low: number): number {
    if (second === this.#lastSecond) return this.#lastNext;
    if (this.#highest === null || this.#highest < low) return low;
    let next = this.#next.get(second);
    if (next === undefined) {
      const max = this.#maxIdIn(low, low + SLOTS_PER_SECOND - 1);
      next = max === null ? low : max + 1;
      // What was learnt of long-gone seconds is dropped rather than kept for ever (the database
      // still knows it).
      if (this.#next.size >= 65_536) this.#next.clear();
      this.#next.set(second, next);
    }
    return next;
  }
}
