import { describe, expect, it } from 'vitest';
import { instanceProblems } from './instance-problems.ts';
import type { Instance } from './types.ts';

const base: Instance = {
  rounds: 3,
  tables: 2,
  left: [{ id: 'A' }, { id: 'B', present: [1, 2] }],
  right: [{ id: 'X' }, { id: 'Y' }],
  weights: [{ a: 'A', b: 'X', w: 1 }],
};

describe('instanceProblems', () => {
  it('accepts a sound instance', () => {
    expect(instanceProblems(base)).toEqual([]);
  });

  it.each([
    [
      'an unknown id',
      { weights: [{ a: 'A', b: 'Q', w: 1 }] },
      'weights[0].b: identifiant inconnu « Q » / unknown id "Q"',
    ],
    ['a duplicate id', { right: [{ id: 'X' }, { id: 'A' }] }, 'right[1].id: identifiant en double « A »'],
    [
      'a pair on one side',
      { weights: [{ a: 'A', b: 'B', w: 1 }] },
      'weights[0]: « A » et « B » sont du même côté',
    ],
    [
      'a pair the wrong way round',
      { forbidden: [{ a: 'X', b: 'A' }] },
      'forbidden[0]: « a » doit être à gauche',
    ],
    [
      'a round outside 1..K',
      { left: [{ id: 'A', present: [4] }, { id: 'B' }] },
      'left[0].present[0]: tour 4 hors de 1..3',
    ],
    ['a negative weight', { weights: [{ a: 'A', b: 'X', w: -2 }] }, 'weights[0].w: poids négatif'],
    ['zero rounds', { rounds: 0, left: [{ id: 'A' }] }, 'rounds: au moins 1 tour'],
    ['zero tables', { tables: 0 }, 'tables: au moins 1 table'],
  ])('names the place of %s', (_, change, message) => {
    const problems = instanceProblems({ ...base, ...change } as Instance);
    expect(problems.some((p) => p.startsWith(message))).toBe(true);
  });
});
