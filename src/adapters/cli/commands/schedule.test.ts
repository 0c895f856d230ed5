import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../../..');
const dir = mkdtempSync(join(tmpdir(), 'labo-schedule-cli-'));

function labo(args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin/labo.js'), 'schedule', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
}

function write(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const instance = {
  rounds: 3,
  tables: 2,
  left: [{ id: 'A' }, { id: 'B' }, { id: 'C', present: [2, 3] }],
  right: [{ id: 'X' }, { id: 'Y', max: 1 }, { id: 'Z' }],
  weights: [
    { a: 'A', b: 'X', w: 5, wish: 'must' },
    { a: 'A', b: 'Y', w: 3 },
    { a: 'B', b: 'Y', w: 4, wish: 'must' },
    { a: 'B', b: 'Z', w: 2 },
    { a: 'C', b: 'X', w: 1 },
    { a: 'C', b: 'Z', w: 6, wish: 'wish' },
  ],
  forbidden: [{ a: 'A', b: 'Z' }],
};

interface Schedule {
  meetings: { id: string; round: number; table: number; a: string; b: string }[];
  weight: number;
  bound: number;
  fairness: number;
  optimal: boolean;
  unmet: { a: string; b: string; code: string; reason: string }[];
  moved?: number;
}

describe('labo schedule (the command as it is checked)', { timeout: 60_000 }, () => {
  it('writes a schedule whose figures hold, then re-plans from a round keeping history', () => {
    const out = join(dir, 's.json');
    const run = labo(['--in', write('i.json', instance), '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const schedule = JSON.parse(readFileSync(out, 'utf8')) as Schedule;
    expect(schedule.weight).toBe(
      schedule.meetings.reduce(
        (sum, m) => sum + (instance.weights.find((w) => w.a === m.a && w.b === m.b)?.w ?? NaN),
        0,
      ),
    );
    expect(schedule.weight).toBeLessThanOrEqual(schedule.bound);
    // A small event with a presence window: the exact search proves its schedule best.
    expect(schedule.optimal).toBe(true);
    expect(run.stdout).toContain('optimal prouvé / proven optimal');
    for (const m of schedule.meetings) {
      expect(m.round).toBeGreaterThanOrEqual(1);
      expect(m.round).toBeLessThanOrEqual(3);
      expect(m.table).toBeLessThanOrEqual(2);
      expect(`${m.a}-${m.b}`).not.toBe('A-Z');
    }

    const leaving = structuredClone(instance);
    leaving.left[2] = { id: 'C', present: [2] };
    const next = join(dir, 's2.json');
    const replan = labo([
      '--in',
      write('i2.json', leaving),
      '--previous',
      out,
      '--from-round',
      '3',
      '--out',
      next,
    ]);
    expect(replan.status, replan.stderr).toBe(0);
    const replanned = JSON.parse(readFileSync(next, 'utf8')) as Schedule;
    expect(replanned.moved).toBeTypeOf('number');
    const history = (s: Schedule) =>
      s.meetings
        .filter((m) => m.round < 3)
        .map((m) => m.id)
        .sort();
    expect(history(replanned)).toEqual(history(schedule));
    expect(replanned.meetings.some((m) => m.round === 3 && (m.a === 'C' || m.b === 'C'))).toBe(false);
  });

  it.each([
    ['malformed JSON', '{"rounds": 0'],
    ['zero rounds', { ...instance, rounds: 0 }],
    ['an unknown id', { ...instance, weights: [{ a: 'A', b: 'Q', w: 1 }] }],
    ['a negative weight', { ...instance, weights: [{ a: 'A', b: 'X', w: -1 }] }],
  ])('exits with status 2 on %s, naming the place', (_name, content) => {
    const run = labo(['--in', write('bad.json', content), '--out', join(dir, 'never.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().length).toBeGreaterThan(0);
  });
});
