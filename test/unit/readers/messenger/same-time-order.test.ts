import { describe, expect, it } from 'vitest';
import { SameTimeOrder } from '../../../../src/main/engine/readers/messenger/same-time-order';

type Item = Readonly<{ sentAt: number; name: string }>;

function order(items: readonly Item[], fallback: 'newest-first' | 'oldest-first'): string[] {
  const sorter = new SameTimeOrder<Item>(fallback);
  const out: Item[] = [];
  for (const item of items) sorter.push(item, out);
  sorter.end(out);
  return out.map((item) => item.name);
}

const item = (sentAt: number, name: string): Item => ({ sentAt, name });

describe('SameTimeOrder', () => {
  it('reverses each run of one time in a file that runs newest first', () => {
    expect(
      order(
        [item(3, 'c'), item(2, 'b2'), item(2, 'b1'), item(1, 'a2'), item(1, 'a1')],
        'oldest-first',
      ),
    ).toEqual(['c', 'b1', 'b2', 'a1', 'a2']);
  });

  it('keeps runs in a file that runs oldest first', () => {
    expect(
      order([item(1, 'a1'), item(1, 'a2'), item(2, 'b1'), item(2, 'b2')], 'newest-first'),
    ).toEqual(['a1', 'a2', 'b1', 'b2']);
  });

  it('uses the fallback when every item has the same time', () => {
    expect(order([item(5, 'second'), item(5, 'first')], 'newest-first')).toEqual([
      'first',
      'second',
    ]);
    expect(order([item(5, 'first'), item(5, 'second')], 'oldest-first')).toEqual([
      'first',
      'second',
    ]);
  });

  it('holds no more than the current run', () => {
    const sorter = new SameTimeOrder<Item>('newest-first');
    const out: Item[] = [];
    sorter.push(item(9, 'x'), out);
    sorter.push(item(8, 'y'), out);
    expect(out.map((i) => i.name)).toEqual(['x']);
    expect(sorter.waiting.map((i) => i.name)).toEqual(['y']);
  });
});
