import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSchedule } from './plan-schedule.ts';
import { auditSchedule } from './testing/check-schedule.ts';
import { smallShapeArb } from './testing/arbitraries.ts';
import { randomInstance } from './testing/random-instance.ts';
import { underWay } from './testing/under-way.ts';
import type { Instance, Meeting } from './types.ts';

const shapeArb = smallShapeArb({ windows: [0.3, 0.8], density: [0.3, 1], wishes: [0.2, 0.8] });

const mustPairs = (instance: Instance): Set<string> =>
  new Set(instance.weights.filter((w) => w.wish === 'must').map((w) => `${w.a}|${w.b}`));

/**
 * Unmet `must` pairs that could simply be added: both attend a round where both are free, a table
 * is free, and both are below their own maximum. Adding a meeting never lowers fairness, so a
 * schedule that leaves one is not as good as it could be.
 */
function addableMusts(instance: Instance, meetings: readonly Meeting[], fromRound = 1): string[] {
  const rounds = Array.from({ length: instance.rounds }, (_, i) => i + 1);
  const ahead = rounds.filter((r) => r >= fromRound);
  const people = [...instance.left, ...instance.right];
  const present = new Map(people.map((p) => [p.id, new Set(p.present ?? rounds)]));
  const max = new Map(people.map((p) => [p.id, p.max ?? Infinity]));
  const forbidden = new Set((instance.forbidden ?? []).map((f) => `${f.a}|${f.b}`));
  const met = new Set(meetings.map((m) => `${m.a}|${m.b}`));
  const busy = new Set(meetings.flatMap((m) => [`${m.a}@${m.round}`, `${m.b}@${m.round}`]));
  const count = new Map<string, number>();
  for (const m of meetings) for (const id of [m.a, m.b]) count.set(id, (count.get(id) ?? 0) + 1);
  const load = (r: number): number => meetings.filter((m) => m.round === r).length;
  return [...mustPairs(instance)].filter((pair) => {
    const [a, b] = pair.split('|') as [string, string];
    if (met.has(pair) || forbidden.has(pair)) return false;
    if ((count.get(a) ?? 0) >= max.get(a)! || (count.get(b) ?? 0) >= max.get(b)!) return false;
    return ahead.some(
      (r) =>
        present.get(a)!.has(r) &&
        present.get(b)!.has(r) &&
        !busy.has(`${a}@${r}`) &&
        !busy.has(`${b}@${r}`) &&
        load(r) < instance.tables,
    );
  });
}

describe('must pairs', () => {
  it(
    'never leave out a must pair that could simply be added, planning or re-planning',
    { timeout: 120_000 },
    () => {
      fc.assert(
        fc.property(shapeArb, fc.double({ min: 0, max: 0.999, noNaN: true }), (shape, from) => {
          const instance = randomInstance(shape);
          const schedule = planSchedule(instance);
          expect(addableMusts(instance, schedule.meetings)).toEqual([]);
          const fromRound = 1 + Math.floor(from * shape.rounds);
          const later = underWay(instance, fromRound, {
            leave: 0.25,
            walkIns: 0.6,
            density: 0.7,
            seed: shape.seed,
          });
          for (const reoptimize of [false, true]) {
            const replanned = planSchedule(later, { previous: schedule.meetings, fromRound, reoptimize });
            expect(addableMusts(later, replanned.meetings, fromRound)).toEqual([]);
          }
        }),
        { numRuns: 150 },
      );
    },
  );

  it('meet even when a heavier pair competes, and say why when they cannot', () => {
    const instance: Instance = {
      rounds: 1,
      tables: 1,
      left: [{ id: 'A' }, { id: 'B', max: 0 }],
      right: [{ id: 'X' }, { id: 'Y' }],
      weights: [
        { a: 'A', b: 'X', w: 1, wish: 'must' },
        { a: 'A', b: 'Y', w: 90 },
        { a: 'B', b: 'Y', w: 5, wish: 'must' },
      ],
    };
    const schedule = planSchedule(instance);
    expect(schedule.meetings.map((m) => `${m.a}|${m.b}`)).toEqual(['A|X']);
    expect(schedule.bound).toBe(90);
    expect(schedule.unmet.map((u) => [u.a, u.b, u.code])).toEqual([['B', 'Y', 'at_maximum']]);
    expect(auditSchedule(instance, schedule.meetings).problems).toEqual([]);
  });
});
