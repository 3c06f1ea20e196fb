import { describe, expect, it } from 'vitest';
import { startOffset } from '../../../src/renderer/components/timeline/start-offset';

describe('where a new timeline starts', () => {
  const sizes = [44, 72, 72, 72, 44, 72, 72, 72, 72, 72]; // 664 px in all

  it('shows the newest row at the bottom of the view', () => {
    expect(startOffset(sizes, 9, 'end', 300)).toBe(664 - 300);
  });

  it('shows a jump target in the middle, and the first row at the top', () => {
    // Row 4 starts at 260 and is 44 high: its middle, 282, at the middle of a 200 px view.
    expect(startOffset(sizes, 4, 'center', 200)).toBe(182);
    expect(startOffset(sizes, 0, 'start', 300)).toBe(0);
  });

  it('stays between the top and the last offset the rows allow', () => {
    expect(startOffset(sizes, 1, 'center', 400)).toBe(0);
    expect(startOffset(sizes, 8, 'start', 300)).toBe(364);
    expect(startOffset(sizes.slice(0, 2), 1, 'end', 500)).toBe(0);
  });

  it('starts at the top when the target is not among the rows', () => {
    expect(startOffset(sizes, -1, 'end', 300)).toBe(0);
    expect(startOffset(sizes, 10, 'end', 300)).toBe(0);
  });
});
