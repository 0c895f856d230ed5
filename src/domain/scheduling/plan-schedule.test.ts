import fc from 'fast-check';
import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { meetingId } from './meeting-id.ts';
import { planSchedule } from './plan-schedule.ts';
import { auditSchedule, mustsMet } from './testing/check-schedule.ts';
import { bMatchingLp, mustFirstInstance, roundIndexedIp } from './testing/lp-models.ts';
import { smallShapeArb } from './testing/arbitraries.ts';
import { randomInstance } from './testing/random-instance.ts';
import type { Instance } from './types.ts';

const highs = await loadHighs();

/** HiGHS's optimum, or undefined when the model is infeasible; simplex keeps LP optima integral. */
function highsOptimum(lp: string): number | undefined {
  const result = highs.solve(lp, { output_flag: false, solver: 'simplex', time_limit: 30 });
  if (result.Status === 'Infeasible') return undefined;
  expect(result.Status).toBe('Optimal');
  return result.ObjectiveValue;
}

const shapeArb = (windows: boolean) => smallShapeArb({ windows: windows ? [0, 0.8] : [0, 0] });

const largestCap = (cap: ReadonlyMap<string, number>): number => Math.max(0, ...cap.values());

describe('planSchedule', () => {
  it('keeps every rule and reports true figures, the same schedule every time', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(shapeArb(true), (shape) => {
        const instance = randomInstance(shape);
        const schedule = planSchedule(instance);
        const audit = auditSchedule(instance, schedule.meetings);
        expect(audit.problems).toEqual([]);
        expect(schedule.weight).toBeCloseTo(audit.weight, 6);
        expect(schedule.fairness).toBe(audit.fairness);
        expect(schedule.bound).toBeGreaterThanOrEqual(schedule.weight - 1e-9);
        expect(schedule.fairnessBound).toBeGreaterThanOrEqual(schedule.fairness);
        for (const m of schedule.meetings) expect(m.id).toBe(meetingId(m.a, m.b));
        expect(JSON.stringify(planSchedule(instance))).toBe(JSON.stringify(schedule));
      }),
      { numRuns: 200 },
    );
  });

  it('explains exactly the marked pairs that do not meet', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(shapeArb(true), (shape) => {
        const instance = randomInstance({ ...shape, wishes: 0.7 });
        const schedule = planSchedule(instance);
        const met = new Set(schedule.meetings.map((m) => `${m.a}|${m.b}`));
        const expected = new Set(
          instance.weights.filter((w) => w.wish && !met.has(`${w.a}|${w.b}`)).map((w) => `${w.a}|${w.b}`),
        );
        expect(new Set(schedule.unmet.map((u) => `${u.a}|${u.b}`))).toEqual(expected);
        for (const u of schedule.unmet) expect(u.reason.length).toBeGreaterThan(10);
      }),
      { numRuns: 100 },
    );
  });

  it(
    'matches the optimum of HiGHS and the best fairness without presence windows',
    { timeout: 120_000 },
    () => {
      fc.assert(
        fc.property(shapeArb(false), (shape) => {
          const instance = randomInstance(shape);
          const schedule = planSchedule(instance);
          const { cap } = auditSchedule(instance, []);
          expect(schedule.optimal).toBe(true);
          const optimum = highsOptimum(bMatchingLp(instance, schedule.fairness).lp);
          expect(optimum).toBeDefined();
          expect(schedule.bound).toBeCloseTo(optimum!, 6);
          // Must pairs first, then weight: the optimum of the lexicographic objective.
          const { instance: lexicographic, bonus } = mustFirstInstance(instance);
          const best = highsOptimum(bMatchingLp(lexicographic, schedule.fairness).lp);
          expect(mustsMet(instance, schedule.meetings) * bonus + schedule.weight).toBeCloseTo(best!, 6);
          if (!instance.weights.some((w) => w.wish === 'must'))
            expect(schedule.weight).toBeCloseTo(optimum!, 6);
          if (schedule.fairness < largestCap(cap)) {
            expect(highsOptimum(bMatchingLp(instance, schedule.fairness + 1).lp)).toBeUndefined();
          }
        }),
        { numRuns: 120 },
      );
    },
  );

  it(
    'stays optimal with weights no power of ten makes whole (floating-point costs)',
    { timeout: 120_000 },
    () => {
      fc.assert(
        fc.property(shapeArb(false), fc.constantFrom(3, 7, 1e-7), (shape, divisor) => {
          const integral = randomInstance(shape);
          const instance = {
            ...integral,
            weights: integral.weights.map((w) => ({ ...w, w: w.w / divisor })),
          };
          const schedule = planSchedule(instance);
          expect(auditSchedule(instance, schedule.meetings).problems).toEqual([]);
          expect(schedule.fairness).toBe(planSchedule(integral).fairness);
          const { instance: lexicographic, bonus } = mustFirstInstance(instance);
          const best = highsOptimum(bMatchingLp(lexicographic, schedule.fairness).lp);
          expect(mustsMet(instance, schedule.meetings) * bonus + schedule.weight).toBeCloseTo(best!, 4);
          const optimum = highsOptimum(bMatchingLp(instance, schedule.fairness).lp);
          expect(schedule.bound).toBeCloseTo(optimum!, 4);
        }),
        { numRuns: 60 },
      );
    },
  );

  it(
    'with presence windows, stays within its bounds of the exact integer program, must pairs first',
    { timeout: 120_000 },
    () => {
      let ours = 0;
      let best = 0;
      let mustsShort = 0;
      let proven = 0;
      fc.assert(
        fc.property(shapeArb(true), (shape) => {
          const instance = randomInstance({ ...shape, windows: Math.max(0.3, shape.windows ?? 0) });
          const schedule = planSchedule(instance);
          const { cap } = auditSchedule(instance, []);
          const optimum = highsOptimum(roundIndexedIp(instance, schedule.fairness).lp);
          expect(optimum).toBeDefined();
          expect(schedule.weight).toBeLessThanOrEqual(optimum! + 1e-6);
          expect(schedule.bound).toBeGreaterThanOrEqual(optimum! - 1e-6);
          if (schedule.fairnessBound < largestCap(cap)) {
            expect(highsOptimum(roundIndexedIp(instance, schedule.fairnessBound + 1).lp)).toBeUndefined();
          }
          // NOTE: must pairs come before weight: compare with the best weight at as many of them.
          const { instance: lexicographic, bonus } = mustFirstInstance(instance);
          const lexicographicOptimum = highsOptimum(roundIndexedIp(lexicographic, schedule.fairness).lp)!;
          const musts = Math.floor((lexicographicOptimum + 1e-6) / bonus);
          expect(mustsMet(instance, schedule.meetings)).toBeLessThanOrEqual(musts);
          if (schedule.optimal) {
            // "optimal" is a promise: no fairer schedule, as many must pairs, the best weight.
            if (schedule.fairness < largestCap(cap))
              expect(highsOptimum(roundIndexedIp(instance, schedule.fairness + 1).lp)).toBeUndefined();
            expect(mustsMet(instance, schedule.meetings)).toBe(musts);
            expect(schedule.weight).toBeCloseTo(lexicographicOptimum - musts * bonus, 6);
            proven++;
          }
          if (mustsMet(instance, schedule.meetings) < musts) mustsShort++;
          else ours += schedule.weight;
          best += lexicographicOptimum - musts * bonus;
        }),
        { numRuns: 80 },
      );
      expect(mustsShort).toBeLessThanOrEqual(2);
      expect(ours / best).toBeGreaterThan(0.985);
      // Most of these small events are proven optimal by the exact search.
      expect(proven).toBeGreaterThan(40);
    },
  );

  it('does not claim optimality when weights leave no exact room for must pairs first', () => {
    const side = (prefix: string): { id: string }[] =>
      Array.from({ length: 20 }, (_, i) => ({ id: prefix + i }));
    const event = (scale: number): Instance => ({
      rounds: 3,
      tables: 20,
      left: side('L'),
      right: side('R'),
      weights: side('L').flatMap(({ id: a }, i) =>
        side('R').map(({ id: b }, j) => ({
          a,
          b,
          w: (1e5 - ((i * 7 + j * 13) % 97)) * scale,
          ...(i === 0 && j === 5 ? { wish: 'must' as const } : {}),
        })),
      ),
    });
    const huge = event(1e6);
    const schedule = planSchedule(huge);
    expect(auditSchedule(huge, schedule.meetings).problems).toEqual([]);
    expect(schedule.optimal).toBe(false);
    // The same event with ordinary weights is proven best.
    expect(planSchedule(event(1)).optimal).toBe(true);
  });

  it('gives a valid empty schedule, with its explanation, when nobody can meet', { timeout: 120_000 }, () => {
    const instance: Instance = {
      rounds: 2,
      tables: 1,
      left: [{ id: 'A', present: [1] }],
      right: [{ id: 'X', present: [2] }, { id: 'Y' }],
      weights: [
        { a: 'A', b: 'X', w: 3, wish: 'must' },
        { a: 'A', b: 'Y', w: 1, wish: 'wish' },
      ],
      forbidden: [{ a: 'A', b: 'Y' }],
    };
    const schedule = planSchedule(instance);
    expect(schedule.meetings).toEqual([]);
    expect(schedule.weight).toBe(0);
    expect(schedule.unmet.map((u) => u.code)).toEqual(['never_present_together', 'forbidden']);
  });
});
