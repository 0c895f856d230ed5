// Benchmark of the speed-dating scheduler against HiGHS and two baselines, side by side.
//   npm run bench:schedule             (every size, about ten minutes on two cores)
//   npm run bench:schedule -- --quick  (30×30 and 100×100 only)
//   npm run bench:schedule -- --only 1000×1000  (the cases whose name contains the text)
//   npm run bench:schedule -- --exact  (only the cases without presence windows)
//   npm run bench:schedule -- --replan [--runs N]  (re-planning 150×150 under way: first call and
//                                                  median / p95 of N warm calls, CPU ms)
//   npm run bench:schedule -- --small-windows [--count N] [--seed S] [--medium]  (small dense
//                    events with presence windows against HiGHS's exact integer program; --medium:
//                    10–14 per side, 6–9 rounds, 3–6 tables, beyond the exact search's size)
// Each (instance, method) runs in a child process of this script so that its peak memory
// (maxRSS) is its own; the parent prints one markdown table. Instances are seeded: every run
// measures the same events.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import loadHighs from 'highs';
import { boundedMatching } from '../src/domain/scheduling/bounded-matching.ts';
import { planSchedule } from '../src/domain/scheduling/plan-schedule.ts';
import { auditSchedule } from '../src/domain/scheduling/testing/check-schedule.ts';
import { bMatchingArrays, roundIndexedIp } from '../src/domain/scheduling/testing/lp-models.ts';
import {
  randomInstance,
  seededRandom,
  type InstanceShape,
} from '../src/domain/scheduling/testing/random-instance.ts';
import { underWay } from '../src/domain/scheduling/testing/under-way.ts';
import type { Instance, Meeting, Replan } from '../src/domain/scheduling/types.ts';

const HIGHS_TIME_LIMIT = 60;
/** HiGHS does not always honour its time limit while loading or presolving: a wall-clock guard. */
const CHILD_TIMEOUT_MS = 240_000;
/** Past this many binaries the round-indexed program is not even written out. */
const IP_VARIABLE_LIMIT = 150_000;
/** With windows and no integer program, HiGHS still checks our bound on the relaxation up to this size. */
const LP_CHECK_LIMIT = 100_000;

interface Case {
  readonly name: string;
  readonly exact: boolean;
  readonly shape: InstanceShape;
}

function cases(quick: boolean): Case[] {
  const sizes: [number, number][] = [
    [30, 8],
    [100, 12],
    [500, 20],
    [1000, 20],
  ];
  const list: Case[] = [];
  for (const [n, rounds] of quick ? sizes.slice(0, 2) : sizes) {
    const size = `${n}×${n}×${rounds}`;
    const tables = Math.round(0.35 * n);
    const base = { left: n, right: n, rounds, density: 0.3, seed: n * 31 + rounds };
    list.push(
      { name: `${size} random`, exact: true, shape: { ...base, weights: 'random' } },
      {
        name: `${size} clustered, T=${tables}, maxes`,
        exact: true,
        shape: { ...base, weights: 'clustered', tables, maxes: 0.2 },
      },
      {
        name: `${size} random, windows`,
        exact: false,
        shape: { ...base, weights: 'random', windows: 0.3 },
      },
      {
        name: `${size} clustered, T=${tables}, windows, maxes`,
        exact: false,
        shape: { ...base, weights: 'clustered', tables, windows: 0.3, maxes: 0.2 },
      },
    );
  }
  return list;
}

type Method = 'ours' | 'highs' | 'greedy' | 'rounds';

interface Outcome {
  readonly fairness?: number;
  readonly weight?: number;
  /** Ours: the b-matching bound; HiGHS: its proven bound. */
  readonly bound?: number;
  readonly seconds: number;
  readonly peakMiB: number;
  readonly note: string;
}

/** Heaviest pair first, into the first round where both are free and a table is left. */
function greedy(instance: Instance): Meeting[] {
  const present = presence(instance);
  const max = new Map([...instance.left, ...instance.right].map((p) => [p.id, p.max ?? Infinity]));
  const forbidden = new Set((instance.forbidden ?? []).map((f) => `${f.a}|${f.b}`));
  const count = new Map<string, number>();
  const busy = new Set<string>();
  const load = new Array<number>(instance.rounds + 1).fill(0);
  const met = new Set<string>();
  const meetings: Meeting[] = [];
  const order = instance.weights.map((w, i) => ({ w, i })).sort((x, y) => y.w.w - x.w.w || x.i - y.i);
  for (const { w } of order) {
    const pair = `${w.a}|${w.b}`;
    if (met.has(pair) || forbidden.has(pair)) continue;
    if ((count.get(w.a) ?? 0) >= max.get(w.a)! || (count.get(w.b) ?? 0) >= max.get(w.b)!) continue;
    for (let r = 1; r <= instance.rounds; r++) {
      if (load[r]! >= instance.tables || !present.get(w.a)!.has(r) || !present.get(w.b)!.has(r)) continue;
      if (busy.has(`${w.a}@${r}`) || busy.has(`${w.b}@${r}`)) continue;
      load[r]!++;
      meetings.push({ id: pair, round: r, table: load[r]!, a: w.a, b: w.b });
      busy.add(`${w.a}@${r}`).add(`${w.b}@${r}`);
      count.set(w.a, (count.get(w.a) ?? 0) + 1).set(w.b, (count.get(w.b) ?? 0) + 1);
      met.add(pair);
      break;
    }
  }
  return meetings;
}

/** Each round in turn, a maximum-weight assignment of at most T pairs among those not yet met. */
function roundByRound(instance: Instance): Meeting[] {
  const present = presence(instance);
  const max = new Map([...instance.left, ...instance.right].map((p) => [p.id, p.max ?? Infinity]));
  const forbidden = new Set((instance.forbidden ?? []).map((f) => `${f.a}|${f.b}`));
  const index = new Map([...instance.left, ...instance.right].map((p, i) => [p.id, i]));
  const n = index.size;
  const count = new Map<string, number>();
  const met = new Set<string>();
  const meetings: Meeting[] = [];
  for (let r = 1; r <= instance.rounds; r++) {
    const free = (id: string): boolean => present.get(id)!.has(r) && (count.get(id) ?? 0) < max.get(id)!;
    const pairs = instance.weights.filter((w) => {
      const pair = `${w.a}|${w.b}`;
      return !met.has(pair) && !forbidden.has(pair) && free(w.a) && free(w.b);
    });
    const chosen = boundedMatching(
      n,
      instance.left.length,
      {
        u: Int32Array.from(pairs, (w) => index.get(w.a)!),
        v: Int32Array.from(pairs, (w) => index.get(w.b)!),
        value: Float64Array.from(pairs, (w) => w.w * (n + 1) + 1),
      },
      instance.tables,
    );
    let table = 0;
    pairs.forEach((w, k) => {
      if (!chosen[k]) return;
      meetings.push({ id: `${w.a}|${w.b}`, round: r, table: ++table, a: w.a, b: w.b });
      met.add(`${w.a}|${w.b}`);
      count.set(w.a, (count.get(w.a) ?? 0) + 1).set(w.b, (count.get(w.b) ?? 0) + 1);
    });
  }
  return meetings;
}

function presence(instance: Instance): Map<string, Set<number>> {
  const all = Array.from({ length: instance.rounds }, (_, i) => i + 1);
  return new Map([...instance.left, ...instance.right].map((p) => [p.id, new Set(p.present ?? all)]));
}

/** Seconds with four significant digits: a warm 100×100 call takes a few milliseconds. */
const seconds4 = (x: number): string => x.toPrecision(4);

/** CPU seconds of this process since `from`: other load on the machine does not count. */
const cpuSince = (from: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};

/**
 * Repeated calls in one process, after the first: up to 200, or as many as 3 s of CPU allow (at
 * least 2); the steady state is the median of the last third. A 3 ms call (100×100) still
 * alternates between optimised and re-optimised code for its first 60 calls or so (the calls
 * 40–60 gave a median of 2.7 ms in one process, 3.7 ms in the next; from the 60th on, 2.5–2.7 ms
 * in every process), and 20 calls mixed both states even more.
 */
const WARM_RUNS = 200;
function warmMedian(run: () => void): number {
  const times: number[] = [];
  let spent = 0;
  while (times.length < WARM_RUNS && (times.length < 2 || spent < 3)) {
    const start = process.cpuUsage();
    run();
    times.push(cpuSince(start));
    spent += times[times.length - 1]!;
  }
  const steady = times.slice(Math.floor((2 * times.length) / 3)).sort((x, y) => x - y);
  return steady[Math.floor(steady.length / 2)]!;
}

async function highsRun(
  instance: Instance,
  exact: boolean,
  fairness: number,
): Promise<Omit<Outcome, 'peakMiB'>> {
  const highs = await loadHighs();
  const start = process.cpuUsage();
  let label: string;
  let model: ReturnType<typeof highs.createModel>;
  if (exact) {
    const data = bMatchingArrays(instance, fairness);
    label = `LP, ${data.numCols} columns`;
    model = highs.createModel({ ...data, sense: highs.constants.objectiveSense.maximize });
  } else {
    const { lp, variables } = roundIndexedIp(instance, fairness, IP_VARIABLE_LIMIT);
    if (variables > IP_VARIABLE_LIMIT) return relaxationOnly(instance, fairness, variables);
    label = `IP, ${variables} binaries`;
    model = highs.createModel({ format: 'lp', data: lp });
  }
  try {
    // NOTE: simplex, never interior point without crossover: tied weights give fractional optima.
    model.options.set({
      output_flag: false,
      solver: exact ? 'simplex' : 'choose',
      time_limit: HIGHS_TIME_LIMIT,
    });
    model.run();
    const seconds = cpuSince(start);
    const status = model.getModelStatus();
    const optimal = status === highs.constants.modelStatus.optimal;
    if (!optimal && status !== highs.constants.modelStatus.timeLimit) {
      return { seconds, note: `${label}: status ${status}` };
    }
    const weight = optimal || !exact ? model.getObjectiveValue() : undefined;
    // NOTE: a simplex stopped early proves nothing; a stopped branch-and-bound still has its dual bound.
    const bound = optimal ? weight : exact ? undefined : Number(model.info.get('mip_dual_bound'));
    // NOTE: like ours, HiGHS has a cold start (WebAssembly tiering up, model arrays built in JS):
    // the same model built and solved again shows its steady state.
    const solveOnly: number[] = [];
    const warm =
      exact && optimal
        ? warmMedian(() => {
            const again = highs.createModel({
              ...bMatchingArrays(instance, fairness),
              sense: highs.constants.objectiveSense.maximize,
            });
            again.options.set({ output_flag: false, solver: 'simplex', time_limit: HIGHS_TIME_LIMIT });
            const run = process.cpuUsage();
            again.run();
            solveOnly.push(cpuSince(run));
            again.dispose();
          })
        : undefined;
    const steadySolves = solveOnly.slice(Math.floor((2 * solveOnly.length) / 3)).sort((x, y) => x - y);
    const solveMedian = steadySolves[Math.floor(steadySolves.length / 2)];
    return {
      fairness,
      weight,
      bound,
      seconds,
      note:
        `${label}${optimal ? ', optimal' : `, stopped at ${HIGHS_TIME_LIMIT} s`}` +
        (warm === undefined ? '' : `; warm ${seconds4(warm)} s (solve alone ${seconds4(solveMedian!)} s)`),
    };
  } finally {
    model.dispose();
  }
}

/** Windows too big for the integer program: HiGHS still checks our bound on the relaxation. */
async function relaxationOnly(
  instance: Instance,
  fairness: number,
  variables: number,
): Promise<Omit<Outcome, 'peakMiB'>> {
  const skipped = `integer program not attempted (${variables} binaries)`;
  const highs = await loadHighs();
  const start = process.cpuUsage();
  const data = bMatchingArrays(instance, fairness);
  if (data.numCols > LP_CHECK_LIMIT) return { seconds: 0, note: skipped };
  const model = highs.createModel({ ...data, sense: highs.constants.objectiveSense.maximize });
  try {
    model.options.set({ output_flag: false, solver: 'simplex', time_limit: HIGHS_TIME_LIMIT });
    model.run();
    const optimal = model.getModelStatus() === highs.constants.modelStatus.optimal;
    const bound = optimal ? model.getObjectiveValue() : undefined;
    return {
      seconds: cpuSince(start),
      ...(bound === undefined ? {} : { bound }),
      note: `${skipped}; LP relaxation bound ${bound ?? 'not reached'}`,
    };
  } finally {
    model.dispose();
  }
}

async function child(caseName: string, method: Method, fairness: number, quick: boolean): Promise<void> {
  const found = cases(quick).find((c) => c.name === caseName)!;
  const instance = randomInstance(found.shape);
  const start = process.cpuUsage();
  let outcome: Omit<Outcome, 'peakMiB'>;
  let firstPeak: number | undefined;
  if (method === 'highs') {
    outcome = await highsRun(instance, found.exact, fairness);
  } else if (method === 'ours') {
    const schedule = planSchedule(instance);
    const seconds = cpuSince(start);
    firstPeak = process.resourceUsage().maxRSS / 1024;
    // NOTE: the first call includes compiling our code; repeated calls show the steady state.
    const warm = warmMedian(() => planSchedule(instance));
    const audit = auditSchedule(instance, schedule.meetings);
    const note = audit.problems.length
      ? `INVALID: ${audit.problems[0]}`
      : `${schedule.meetings.length} meetings; warm ${seconds4(warm)} s`;
    outcome = { fairness: audit.fairness, weight: audit.weight, bound: schedule.bound, seconds, note };
  } else {
    const meetings = method === 'greedy' ? greedy(instance) : roundByRound(instance);
    const seconds = cpuSince(start);
    const audit = auditSchedule(instance, meetings);
    const note = audit.problems.length ? `INVALID: ${audit.problems[0]}` : `${meetings.length} meetings`;
    outcome = { fairness: audit.fairness, weight: audit.weight, seconds, note };
  }
  const peakMiB = firstPeak ?? process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ...outcome, peakMiB }));
}

function runChild(caseName: string, method: Method, fairness: number, quick: boolean): Outcome {
  const script = fileURLToPath(import.meta.url);
  const args = [
    ...process.execArgv,
    script,
    '--child',
    caseName,
    method,
    String(fairness),
    quick ? '--quick' : '',
  ];
  const result = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    timeout: CHILD_TIMEOUT_MS,
  });
  if (result.error || result.signal) {
    return {
      seconds: CHILD_TIMEOUT_MS / 1000,
      peakMiB: 0,
      note: `stopped after ${CHILD_TIMEOUT_MS / 1000} s (wall clock)`,
    };
  }
  const line = result.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Outcome;
  } catch {
    return { seconds: 0, peakMiB: 0, note: `failed: ${result.stderr.trim().split('\n').slice(-1)[0] ?? ''}` };
  }
}

const cell = (x: number | undefined, digits = 0): string => (x === undefined ? '—' : x.toFixed(digits));

function main(quick: boolean): void {
  const methods: Method[] = ['ours', 'highs', 'greedy', 'rounds'];
  const label: Record<Method, string> = {
    ours: 'ours (flow + colouring)',
    highs: 'HiGHS',
    greedy: 'greedy, heaviest first',
    rounds: 'round by round assignment',
  };
  console.log(`Scheduler benchmark — ${new Date().toISOString()}, Node ${process.version}`);
  console.log('weight % = of the optimum (exact cases) or of the best bound known (windows);');
  console.log(
    'time = CPU seconds of the method in its own process (first call; "warm" = steady state of repeated calls)\n',
  );
  console.log(
    '| instance | method | fairness | weight | % of opt./bound | CPU time (s) | peak RSS (MiB) | note |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
  const only = process.argv.indexOf('--only');
  const filter = only >= 0 ? (process.argv[only + 1] ?? '') : '';
  const exactOnly = process.argv.includes('--exact');
  for (const c of cases(quick).filter((x) => x.name.includes(filter) && (!exactOnly || x.exact))) {
    const results = new Map<Method, Outcome>();
    const ours = runChild(c.name, 'ours', 0, quick);
    results.set('ours', ours);
    for (const m of methods.slice(1)) results.set(m, runChild(c.name, m, ours.fairness ?? 0, quick));
    const highs = results.get('highs')!;
    const bounds = [ours.bound, highs.bound].filter((b): b is number => b !== undefined);
    const reference = bounds.length ? Math.min(...bounds) : undefined;
    for (const m of methods) {
      const r = results.get(m)!;
      const percent = r.weight !== undefined && reference ? (100 * r.weight) / reference : undefined;
      console.log(
        `| ${c.name} | ${label[m]} | ${cell(r.fairness)} | ${cell(r.weight)} | ${cell(percent, 2)} | ` +
          `${cell(r.seconds, 2)} | ${cell(r.peakMiB)} | ${r.note} |`,
      );
    }
  }
}

interface ReplanCase {
  readonly name: string;
  readonly shape: InstanceShape;
}

/** 150×150 events with windows and maxima, re-planned from round 5 after people left and walked in. */
const REPLAN_FROM = 5;
const replanCases: ReplanCase[] = (['random', 'clustered'] as const).map((weights, i) => ({
  name: `150×150×12 ${weights}, T=52, windows, maxes`,
  shape: {
    left: 150,
    right: 150,
    rounds: 12,
    tables: 52,
    density: 0.3,
    weights,
    windows: 0.3,
    maxes: 0.2,
    seed: i === 0 ? 150 * 31 + 12 : 7,
  },
}));

interface ReplanInput {
  readonly instance: Instance;
  readonly replan: Replan;
}

interface ReplanOutcome {
  readonly first: number;
  readonly median: number;
  readonly p95: number;
  readonly fairness: number;
  readonly weight: number;
  readonly bound: number;
  readonly moved: number;
  readonly invalid?: string;
}

/** Calls before the warm ones are timed: V8 has optimised the hot code by then. */
const REPLAN_WARMUP = 20;

/** In a fresh process: `runs` warm calls after REPLAN_WARMUP untimed ones. */
function replanChild(file: string, runs: number): void {
  const { instance, replan } = JSON.parse(readFileSync(file, 'utf8')) as ReplanInput;
  const times: number[] = [];
  // NOTE: the cold call is measured in its own processes (replanFirstCall).
  let schedule = planSchedule(instance, replan);
  for (let i = 1; i < REPLAN_WARMUP; i++) schedule = planSchedule(instance, replan);
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    schedule = planSchedule(instance, replan);
    times.push(cpuSince(start) * 1000);
  }
  const warm = times.sort((x, y) => x - y);
  const at = (q: number): number => warm[Math.min(warm.length - 1, Math.ceil(q * warm.length) - 1)]!;
  const audit = auditSchedule(
    instance,
    schedule.meetings,
    replan.previous.filter((m) => m.round < replan.fromRound),
  );
  const outcome: Omit<ReplanOutcome, 'first'> = {
    median: at(0.5),
    p95: at(0.95),
    fairness: schedule.fairness,
    weight: schedule.weight,
    bound: schedule.bound,
    moved: schedule.moved ?? 0,
    ...(audit.problems.length ? { invalid: audit.problems[0] } : {}),
  };
  console.log(JSON.stringify(outcome));
}

function replanFirstCall(file: string): void {
  const { instance, replan } = JSON.parse(readFileSync(file, 'utf8')) as ReplanInput;
  const start = process.cpuUsage();
  const wall = performance.now();
  planSchedule(instance, replan);
  console.log(JSON.stringify({ first: cpuSince(start) * 1000, wall: performance.now() - wall }));
}

function spawnJson<T>(args: readonly string[]): T {
  const script = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, [...process.execArgv, script, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    timeout: CHILD_TIMEOUT_MS,
  });
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as T;
}

function replanMain(runs: number, colds: number): void {
  console.log(`Re-planning benchmark — ${new Date().toISOString()}, Node ${process.version}`);
  console.log(
    `from round ${REPLAN_FROM}: 15 % leave after a random round, 8 walk-ins per side (30 % of pairs);`,
  );
  console.log(
    `ms of planSchedule: first call in a fresh process, CPU (all threads, V8's background compiler`,
  );
  console.log(`included) and wall clock, median of ${colds} processes; then median and p95 CPU of ${runs}`);
  console.log(`warm calls (after ${REPLAN_WARMUP} untimed ones)\n`);
  console.log(
    '| instance | mode | first call CPU | first call wall | warm median | warm p95 | fairness | weight % of bound | moved |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const dir = mkdtempSync(join(tmpdir(), 'labo-replan-'));
  try {
    for (const c of replanCases) {
      const before = randomInstance(c.shape);
      const previous = planSchedule(before).meetings;
      const instance = underWay(before, REPLAN_FROM, { leave: 0.15, walkIns: 8, density: 0.3, seed: 11 });
      for (const reoptimize of [false, true]) {
        const file = join(dir, `${c.shape.seed}-${reoptimize}.json`);
        const input: ReplanInput = { instance, replan: { previous, fromRound: REPLAN_FROM, reoptimize } };
        writeFileSync(file, JSON.stringify(input));
        const firstCalls = Array.from({ length: colds }, () =>
          spawnJson<{ first: number; wall: number }>(['--replan-first', file]),
        );
        const median = (xs: number[]): number => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
        const firstCpu = median(firstCalls.map((c) => c.first));
        const firstWall = median(firstCalls.map((c) => c.wall));
        const r = spawnJson<ReplanOutcome>(['--replan-child', file, String(runs)]);
        const mode = reoptimize ? '--reoptimize' : 'keep and fill';
        const percent = (100 * r.weight) / r.bound;
        console.log(
          `| ${c.name} | ${mode} | ${firstCpu.toFixed(1)} | ${firstWall.toFixed(1)} | ${r.median.toFixed(1)} | ` +
            `${r.p95.toFixed(1)} | ${r.fairness} | ${percent.toFixed(2)} | ${r.moved}${r.invalid ? ` INVALID: ${r.invalid}` : ''} |`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Small dense events with heavy presence windows, where the relaxation bound is loosest and the
 * local search weakest: our weight against HiGHS's exact round-indexed optimum at our fairness,
 * and whether a fairer schedule existed.
 */
interface WindowSizes {
  readonly side: readonly [number, number];
  readonly rounds: readonly [number, number];
  readonly tables: readonly [number, number];
}

/** `--medium`: events just above the exact search's size, where only the local search runs. */
const SMALL: WindowSizes = { side: [3, 7], rounds: [2, 5], tables: [1, 6] };
const MEDIUM: WindowSizes = { side: [10, 14], rounds: [6, 9], tables: [3, 6] };

async function smallWindows(count: number, seed: number, sizes: WindowSizes = SMALL): Promise<void> {
  const highs = await loadHighs();
  const random = seededRandom(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const optimum = (instance: Instance, m: number): number | undefined => {
    const result = highs.solve(roundIndexedIp(instance, m).lp, { output_flag: false, time_limit: 60 });
    return result.Status === 'Optimal' ? result.ObjectiveValue : undefined;
  };
  const ratios: number[] = [];
  const worst: string[] = [];
  let ours = 0;
  let best = 0;
  let fairerExisted = 0;
  let cpu = 0;
  for (let i = 0; i < count; i++) {
    const shape: InstanceShape = {
      left: int(...sizes.side),
      right: int(...sizes.side),
      rounds: int(...sizes.rounds),
      tables: int(...sizes.tables),
      density: 0.6 + 0.4 * random(),
      weights: random() < 0.5 ? 'random' : 'clustered',
      windows: 0.3 + 0.5 * random(),
      maxes: 0.5 * random(),
      seed: int(0, 1e9),
    };
    const instance = randomInstance(shape);
    const start = process.cpuUsage();
    const schedule = planSchedule(instance);
    cpu += cpuSince(start);
    const exact = optimum(instance, schedule.fairness) ?? 0;
    const largest = Math.max(0, ...auditSchedule(instance, []).cap.values());
    if (schedule.fairness < largest && optimum(instance, schedule.fairness + 1) !== undefined)
      fairerExisted++;
    const ratio = exact > 0 ? schedule.weight / exact : 1;
    ratios.push(ratio);
    ours += schedule.weight;
    best += exact;
    if (ratio < 0.995) {
      worst.push(
        `  ${(100 * ratio).toFixed(2)} %: ${JSON.stringify(shape)} weight ${schedule.weight}, exact ${exact}, our bound ${schedule.bound}`,
      );
    }
  }
  ratios.sort((x, y) => x - y);
  const pct = (x: number): string => `${(100 * x).toFixed(2)} %`;
  console.log(
    `${sizes === SMALL ? 'Small' : 'Medium'} dense events with windows (seed ${seed}): ${count} instances, ` +
      `${cpu.toFixed(2)} s CPU in all`,
  );
  console.log(
    `weight / exact optimum at our fairness: worst ${pct(ratios[0]!)}, median ${pct(ratios[Math.floor(count / 2)]!)}, ` +
      `overall ${pct(ours / best)}; ${ratios.filter((r) => r < 0.995).length} below 99.5 %; ` +
      `${fairerExisted} where a fairer schedule existed`,
  );
  for (const line of worst) console.log(line);
}

const at = process.argv.indexOf('--child');
const quick = process.argv.includes('--quick');
const option = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
if (process.argv.includes('--replan-first')) {
  replanFirstCall(process.argv[process.argv.indexOf('--replan-first') + 1]!);
} else if (process.argv.includes('--replan-child')) {
  const i = process.argv.indexOf('--replan-child');
  replanChild(process.argv[i + 1]!, Number(process.argv[i + 2]));
} else if (process.argv.includes('--small-windows')) {
  await smallWindows(
    option('--count', 100),
    option('--seed', 12345),
    process.argv.includes('--medium') ? MEDIUM : SMALL,
  );
} else if (process.argv.includes('--replan')) {
  replanMain(option('--runs', 30), option('--colds', 5));
} else if (at >= 0) {
  const [caseName, method, fairness] = process.argv.slice(at + 1);
  await child(caseName!, method as Method, Number(fairness), quick);
} else {
  main(quick);
}
