import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kthLargest } from './b-matching.ts';

describe('kthLargest', () => {
  it('is the k-th value of the list sorted from the largest, ties and infinities included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(Infinity)), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.nat(),
        (list, pick) => {
          const k = 1 + (pick % list.length);
          const sorted = [...list].sort((x, y) => y - x);
          expect(kthLargest(Float64Array.from(list), list.length, k)).toBe(sorted[k - 1]);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
