import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSchedule } from './plan-schedule.ts';
import { auditSchedule } from './testing/check-schedule.ts';
import { randomInstance } from './testing/random-instance.ts';
import { underWay } from './testing/under-way.ts';
import type { Instance, Meeting, Schedule } from './types.ts';

const key = (m: Meeting): string => `${m.id}@${m.round}#${m.table}|${m.a}|${m.b}`;

const scenarioArb = fc
  .record({
    left: fc.integer({ min: 1, max: 8 }),
    right: fc.integer({ min: 1, max: 8 }),
    rounds: fc.integer({ min: 2, max: 6 }),
    tables: fc.integer({ min: 1, max: 6 }),
    density: fc.double({ min: 0.3, max: 1, noNaN: true }),
    windows: fc.double({ min: 0, max: 0.5, noNaN: true }),
    maxes: fc.double({ min: 0, max: 0.4, noNaN: true }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    from: fc.double({ min: 0, max: 0.999, noNaN: true }),
  })
  .map((s) => {
    const before = randomInstance({ ...s, weights: 'random' });
    const fromRound = 1 + Math.floor(s.from * s.rounds);
    return {
      before,
      after: underWay(before, fromRound, { leave: 0.25, walkIns: 0.6, density: 0.7, seed: s.seed + 1 }),
      fromRound,
    };
  });

function checkCommon(before: Schedule, after: Schedule, instance: Instance, fromRound: number): void {
  const history = before.meetings.filter((m) => m.round < fromRound);
  expect(after.meetings.filter((m) => m.round < fromRound).map(key)).toEqual(history.map(key));
  const audit = auditSchedule(instance, after.meetings, history);
  expect(audit.problems).toEqual([]);
  expect(after.weight).toBeCloseTo(audit.weight, 6);
  expect(after.bound).toBeGreaterThanOrEqual(after.weight - 1e-9);
  const kept = new Set(after.meetings.map(key));
  const changed = before.meetings.filter((m) => m.round >= fromRound && !kept.has(key(m))).length;
  expect(after.moved).toBe(changed);
}

describe('re-planning an event under way', () => {
  it(
    'keeps history and every meeting still possible, and leaves no free pair apart',
    { timeout: 120_000 },
    () => {
      fc.assert(
        fc.property(scenarioArb, ({ before, after, fromRound }) => {
          const previous = planSchedule(before);
          const replanned = planSchedule(after, {
            previous: previous.meetings,
            fromRound,
            reoptimize: false,
          });
          checkCommon(previous, replanned, after, fromRound);

          const everyone = [...after.left, ...after.right];
          const attends = (id: string, r: number): boolean => {
            const p = everyone.find((q) => q.id === id)!;
            return !p.present || p.present.includes(r);
          };
          const kept = new Set(replanned.meetings.map(key));
          for (const m of previous.meetings) {
            if (m.round >= fromRound && attends(m.a, m.round) && attends(m.b, m.round))
              expect(kept.has(key(m))).toBe(true);
          }

          const met = new Set(replanned.meetings.map((m) => `${m.a}|${m.b}`));
          const forbidden = new Set((after.forbidden ?? []).map((f) => `${f.a}|${f.b}`));
          const count = new Map<string, number>();
          const busy = new Set<string>();
          for (const m of replanned.meetings) {
            for (const id of [m.a, m.b]) {
              count.set(id, (count.get(id) ?? 0) + 1);
              busy.add(`${id}@${m.round}`);
            }
          }
          const max = new Map(everyone.map((p) => [p.id, p.max ?? Infinity]));
          for (let r = fromRound; r <= after.rounds; r++) {
            const used = replanned.meetings.filter((m) => m.round === r).length;
            if (used >= after.tables) continue;
            for (const w of after.weights) {
              const pair = `${w.a}|${w.b}`;
              const isFree = (id: string): boolean =>
                attends(id, r) && !busy.has(`${id}@${r}`) && (count.get(id) ?? 0) < max.get(id)!;
              const alone = !met.has(pair) && !forbidden.has(pair) && isFree(w.a) && isFree(w.b);
              expect(alone, `${pair} both free in round ${r}`).toBe(false);
            }
          }
        }),
        { numRuns: 150 },
      );
    },
  );

  it(
    'with --reoptimize, plans the remaining rounds afresh, history counting towards fairness',
    { timeout: 120_000 },
    () => {
      fc.assert(
        fc.property(scenarioArb, ({ before, after, fromRound }) => {
          const previous = planSchedule(before);
          const replanned = planSchedule(after, { previous: previous.meetings, fromRound, reoptimize: true });
          checkCommon(previous, replanned, after, fromRound);
          const keep = planSchedule(after, { previous: previous.meetings, fromRound, reoptimize: false });
          expect(replanned.fairness).toBeGreaterThanOrEqual(Math.min(keep.fairness, replanned.fairnessBound));
        }),
        { numRuns: 100 },
      );
    },
  );

  it('changes nothing when nobody comes or goes', { timeout: 120_000 }, () => {
    const instance = randomInstance({
      left: 6,
      right: 5,
      rounds: 4,
      tables: 3,
      density: 0.8,
      weights: 'random',
      seed: 3,
    });
    const previous = planSchedule(instance);
    const replanned = planSchedule(instance, {
      previous: previous.meetings,
      fromRound: 3,
      reoptimize: false,
    });
    expect(replanned.moved).toBe(0);
    expect(replanned.meetings).toEqual(previous.meetings);
  });

  it('keeps meeting ids, which depend only on the pair', { timeout: 120_000 }, () => {
    const instance = randomInstance({
      left: 6,
      right: 6,
      rounds: 5,
      tables: 4,
      density: 0.7,
      weights: 'clustered',
      seed: 9,
    });
    const previous = planSchedule(instance);
    const replanned = planSchedule(instance, { previous: previous.meetings, fromRound: 2, reoptimize: true });
    const ids = new Map(previous.meetings.map((m) => [`${m.a}|${m.b}`, m.id]));
    for (const m of replanned.meetings)
      if (ids.has(`${m.a}|${m.b}`)) expect(m.id).toBe(ids.get(`${m.a}|${m.b}`));
  });
});
