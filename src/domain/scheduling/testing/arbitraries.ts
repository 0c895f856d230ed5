import fc from 'fast-check';
import type { InstanceShape } from './random-instance.ts';

type Range = readonly [number, number];

/** Small random events for property tests (up to 7 × 7, 5 rounds), with the given shares. */
export const smallShapeArb = (shares: {
  readonly windows: Range;
  readonly density?: Range;
  readonly wishes?: Range;
}) => {
  const share = ([min, max]: Range) =>
    min === max ? fc.constant(min) : fc.double({ min, max, noNaN: true });
  return fc.record<InstanceShape>({
    left: fc.integer({ min: 1, max: 7 }),
    right: fc.integer({ min: 1, max: 7 }),
    rounds: fc.integer({ min: 1, max: 5 }),
    tables: fc.integer({ min: 1, max: 6 }),
    density: share(shares.density ?? [0.2, 1]),
    weights: fc.constantFrom('random' as const, 'clustered' as const),
    windows: share(shares.windows),
    maxes: share([0, 0.5]),
    wishes: share(shares.wishes ?? [0, 0.6]),
    forbidden: share([0, 0.2]),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });
};
