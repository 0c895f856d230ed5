import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, type Model } from './model.ts';
import { optimise } from './optimise.ts';
import { planSchedule } from './plan-schedule.ts';
import { repairRoundGroups, roundPairsApply } from './round-pairs.ts';
import { auditSchedule, mustsMet } from './testing/check-schedule.ts';
import { randomInstance, type InstanceShape } from './testing/random-instance.ts';
import type { Instance, Meeting, Schedule } from './types.ts';

/** Dense events of 9–13 per side with heavy windows and few tables: beyond the exact search. */
const mediumArb = fc.record({
  left: fc.integer({ min: 9, max: 13 }),
  right: fc.integer({ min: 9, max: 13 }),
  rounds: fc.integer({ min: 5, max: 8 }),
  tables: fc.integer({ min: 3, max: 6 }),
  density: fc.double({ min: 0.7, max: 1, noNaN: true }),
  weights: fc.constantFrom('random' as const, 'clustered' as const),
  windows: fc.double({ min: 0.4, max: 0.8, noNaN: true }),
  maxes: fc.double({ min: 0, max: 0.4, noNaN: true }),
  wishes: fc.constantFrom(0, 0.2),
  seed: fc.nat(),
});

/**
 * From the medium-windows benchmark (seed 2): the local search alone reached 1,685, 94.98 % of
 * HiGHS's optimum (1,774).
 */
const hardShape: InstanceShape = {
  left: 14,
  right: 12,
  rounds: 6,
  tables: 5,
  density: 0.8496688612736761,
  weights: 'clustered',
  windows: 0.7690124376211316,
  maxes: 0.1025698302546516,
  seed: 278845714,
};

function meetingsOf(model: Model, colour: Int32Array): Meeting[] {
  const tables = new Map<number, number>();
  const meetings: Meeting[] = [];
  for (let e = 0; e < colour.length; e++) {
    if (colour[e]! < 0) continue;
    const round = colour[e]! + 1;
    tables.set(round, (tables.get(round) ?? 0) + 1);
    const a = model.ids[model.edgeLeft[e]!]!;
    const b = model.ids[model.edgeRight[e]!]!;
    meetings.push({ id: `${a}:${b}`, round, table: tables.get(round)!, a, b });
  }
  return meetings;
}

/** Fairness, then `must` pairs met, then weight: the scheduler's order. */
function score(instance: Instance, meetings: readonly Meeting[]): [number, number, number] {
  const { problems, fairness, weight } = auditSchedule(instance, meetings);
  expect(problems).toEqual([]);
  return [fairness, mustsMet(instance, meetings), weight];
}

const atLeast = (x: [number, number, number], y: [number, number, number]): boolean =>
  x[0] !== y[0] ? x[0] > y[0] : x[1] !== y[1] ? x[1] > y[1] : x[2] >= y[2] - 1e-9;

/** An event of the benchmark, by the shape it prints for it, planned and checked. */
function planBenchmarkEvent(printed: string): Schedule {
  const instance = randomInstance(JSON.parse(printed) as InstanceShape);
  const schedule = planSchedule(instance);
  expect(auditSchedule(instance, schedule.meetings).problems).toEqual([]);
  return schedule;
}

describe('round-pair repair', () => {
  it('keeps every rule and never makes a schedule worse', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(mediumArb, (shape) => {
        const instance = randomInstance(shape);
        const model = buildModel(instance);
        const plan = optimise(model);
        if (!roundPairsApply(model, plan)) return;
        const before = score(instance, meetingsOf(model, plan.colour));
        const after = score(
          instance,
          meetingsOf(model, repairRoundGroups(instance, model, plan, planSchedule)),
        );
        expect(atLeast(after, before)).toBe(true);
      }),
      { numRuns: 10 },
    );
  });

  it('raises a hard event planned by the local search alone', () => {
    const instance = randomInstance(hardShape);
    const model = buildModel(instance);
    const plan = optimise(model);
    expect(roundPairsApply(model, plan)).toBe(true);
    const before = score(instance, meetingsOf(model, plan.colour));
    const schedule = planSchedule(instance);
    const after = score(instance, schedule.meetings);
    expect(before[2]).toBe(1685);
    expect(atLeast(after, before)).toBe(true);
    expect(after[2]).toBeGreaterThanOrEqual(0.99 * 1774);
  });

  it('untangles with triples of rounds what pairs of rounds leave', { timeout: 60_000 }, () => {
    // From the medium benchmark (seed 1): pairs of rounds stopped at 3,129, 98.6 % of HiGHS's 3,172.
    const schedule = planBenchmarkEvent(
      '{"left":13,"right":10,"rounds":8,"tables":6,"density":0.987351159285754,"weights":"random","windows":0.6064194303005934,"maxes":0.36037157056853175,"seed":425796952}',
    );
    expect(schedule.weight).toBeLessThanOrEqual(3172);
    expect(schedule.weight).toBeGreaterThanOrEqual(0.995 * 3172);
  });

  it(
    'reaches the fairness the relaxation allows where weight-driven repairs stalled',
    { timeout: 60_000 },
    () => {
      // From the medium benchmark (seed 3): tables bind, windows are heavy; HiGHS finds everyone a
      // fourth meeting (best weight 2,724), the repair by weight alone stopped at fairness 3.
      const schedule = planBenchmarkEvent(
        '{"left":14,"right":10,"rounds":9,"tables":5,"density":0.7267809816636145,"weights":"random","windows":0.7574298391817138,"maxes":0.36616325471550226,"seed":446859073}',
      );
      expect(schedule.fairness).toBe(4);
      expect(schedule.weight).toBeLessThanOrEqual(2724);
      expect(schedule.weight).toBeGreaterThanOrEqual(0.98 * 2724);
    },
  );
});
