import { describe, expect, it } from 'vitest';
import {
  MessageIdAllocator,
  SLOTS_PER_SECOND,
  secondOf,
} from '../../../src/main/engine/db/message-ids';

/** An allocator over an in-memory set of taken ids, as the database would answer. */
function allocatorOver(taken: Set<number>) {
  let lookups = 0;
  const maxIn = (low: number, high: number): number | null => {
    lookups += 1;
    let max: number | null = null;
    for (const id of taken) if (id >= low && id <= high && (max === null || id > max)) max = id;
    return max;
  };
  const highest = taken.size === 0 ? null : Math.max(...taken);
  const ids = new MessageIdAllocator(maxIn, highest);
  const add = (sentAt: number): number => {
    const id = ids.propose(sentAt);
    expect(taken.has(id)).toBe(false);
    taken.add(id);
    ids.taken(id);
    return id;
  };
  return { ids, add, lookups: () => lookups };
}

describe('time-ordered message ids', () => {
  it('order by the second sent, then by the order written', () => {
    const { add } = allocatorOver(new Set());
    const a = add(1_700_000_000_500);
    const b = add(1_700_000_000_100); // same second, written later: after a
    const c = add(1_699_999_999_999); // an earlier second: before both
    expect(c).toBeLessThan(a);
    expect(a).toBeLessThan(b);
    expect(Math.floor(a / SLOTS_PER_SECOND)).toBe(secondOf(1_700_000_000_500));
    expect(Number.isSafeInteger(add(Date.UTC(9999, 0, 1)))).toBe(true);
    expect(add(-86_400_000)).toBeLessThan(0); // before 1970 too
  });

  it('need no lookup while times lie above every stored id', () => {
    const { add, lookups } = allocatorOver(new Set());
    for (let i = 0; i < 1000; i += 1) add(1_600_000_000_000 + i * 1000);
    expect(lookups()).toBe(0);
  });

  it('continue after what the database holds for a second', () => {
    const second = 1_650_000_000;
    const stored = new Set([second * SLOTS_PER_SECOND, second * SLOTS_PER_SECOND + 7]);
    const { add } = allocatorOver(stored);
    expect(add(second * 1000 + 1)).toBe(second * SLOTS_PER_SECOND + 8);
    expect(add(second * 1000 + 2)).toBe(second * SLOTS_PER_SECOND + 9);
  });

  it('continue a second written earlier after moving on to others', () => {
    const { add } = allocatorOver(new Set());
    expect(add(5_000)).toBe(5 * SLOTS_PER_SECOND);
    expect(add(5_999)).toBe(5 * SLOTS_PER_SECOND + 1);
    expect(add(9_000)).toBe(9 * SLOTS_PER_SECOND);
    expect(add(3_000)).toBe(3 * SLOTS_PER_SECOND);
    expect(add(5_500)).toBe(5 * SLOTS_PER_SECOND + 2);
    expect(add(9_000)).toBe(9 * SLOTS_PER_SECOND + 1);
    expect(add(5_500)).toBe(5 * SLOTS_PER_SECOND + 3);
  });

  it('lend from the next second when all 65,536 slots of one are taken', () => {
    const { add } = allocatorOver(new Set());
    const ids = Array.from({ length: SLOTS_PER_SECOND + 2 }, () => add(5_000));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.at(-1)).toBe(6 * SLOTS_PER_SECOND + 1);
    expect(add(6_000)).toBe(6 * SLOTS_PER_SECOND + 2);
  });

  it('ask the database again after a collision with another writer', () => {
    const taken = new Set<number>();
    const { ids, add } = allocatorOver(taken);
    add(10_000);
    // Another process stores the next slot behind this allocator's back.
    taken.add(10 * SLOTS_PER_SECOND + 1);
    const proposed = ids.propose(10_000);
    expect(taken.has(proposed)).toBe(true);
    ids.collided(proposed);
    expect(ids.propose(10_000)).toBe(10 * SLOTS_PER_SECOND + 2);
  });
});
