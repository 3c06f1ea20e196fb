import { describe, expect, it } from 'vitest';
import { base36 } from '../../../src/main/engine/import/base36';
import { seededRandom } from '../../../bench/search-corpus';

describe('base36', () => {
  it("writes every number exactly as Number's toString(36) does", () => {
    const low = 36 ** 5;
    const edges = [
      0,
      -0,
      1,
      -1,
      35,
      36,
      low - 1,
      low,
      low + 1,
      -low,
      -low - 1,
      low * 36,
      low * low - 1,
      low * low,
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
      Number.MAX_SAFE_INTEGER + 1,
      1_700_000_000_000,
      -62_135_596_800_000,
      1.5,
      -1700000000000.25,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ];
    for (const n of edges) expect(base36(n), String(n)).toBe(n.toString(36));
    const random = seededRandom(36);
    for (let i = 0; i < 100_000; i += 1) {
      // Times of any era, and integers of every size up to 2^53.
      const n = Math.floor((random() - 0.5) * 2 ** (1 + Math.floor(random() * 53)));
      expect(base36(n)).toBe(n.toString(36));
    }
  });
});
