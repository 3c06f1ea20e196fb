import { describe, expect, it } from 'vitest';
import { importBatches, MAX_PATHS_PER_IMPORT } from '../../../src/shared/contract';

describe('importBatches', () => {
  it('splits many paths into requests the contract accepts', () => {
    const paths = Array.from({ length: MAX_PATHS_PER_IMPORT * 2 + 1 }, (_, i) => `/p/${i}`);
    expect(importBatches(paths).map((batch) => batch.length)).toEqual([
      MAX_PATHS_PER_IMPORT,
      MAX_PATHS_PER_IMPORT,
      1,
    ]);
  });

  it('makes no request for no paths', () => {
    expect(importBatches([])).toEqual([]);
  });
});
