// Benchmark of the matching engine (`npm run bench:matching`): top 10 for one organisation among
// 100,000, and the top 10 of every organisation of a 10,000-organisation département, beside the
// BM25 baseline. Profiles are synthetic, recombined from the evaluation set's real-style texts
// and spread over real communes. Each phase runs in its own process so its peak memory is its own.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadGeography } from '../src/adapters/geo/load-geography.ts';
import { rankProfilesParallel } from '../src/adapters/matching/rank-parallel.ts';
import { bm25Scores, buildBm25 } from '../src/domain/matching/baselines/bm25.ts';
import { candidateIndex } from '../src/domain/matching/candidates.ts';
import { prepareCorpus } from '../src/domain/matching/corpus.ts';
import type { MatchProfile } from '../src/domain/matching/model.ts';
import { suggestFor } from '../src/domain/matching/suggest.ts';
import { ENGINE_VERSION, WEIGHTS } from '../src/domain/matching/weights.ts';

const seeds = (
  JSON.parse(readFileSync(new URL('./fixtures/matching/profiles.json', import.meta.url), 'utf8')) as {
    profiles: MatchProfile[];
  }
).profiles;

/** Deterministic PRNG (mulberry32), so every run measures the same directory. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function synthesise(count: number, communes: readonly string[], seed: number): MatchProfile[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const base = pick(seeds);
    const other = pick(seeds);
    const sentence = other.description.split(/[.;]/)[0] ?? '';
    return {
      id: `p${i}`,
      name: `${base.name} ${i}`,
      universe: random() < 0.85 ? base.universe : other.universe,
      insee: random() < 0.8 ? pick(communes) : null,
      description: `${base.description} ${random() < 0.5 ? sentence : ''}`.trim(),
      needs: random() < 0.5 ? [...base.needs, ...other.needs.slice(0, 1)] : base.needs,
      offers: random() < 0.3 ? [...base.offers, ...other.offers.slice(0, 1)] : base.offers,
      themes: base.themes,
    };
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
const peakMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

function topOfScores(scores: Float64Array, k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < scores.length; i += 1) {
    if (out.length < k) out.push(i);
    else if ((scores[i] as number) > (scores[out[k - 1] as number] as number)) out[k - 1] = i;
    else continue;
    out.sort((a, b) => (scores[b] as number) - (scores[a] as number));
  }
  return out;
}

function timeQueries(
  n: number,
  queries: number,
  run: (i: number) => void,
): { p50: number; p95: number; max: number } {
  const random = prng(7);
  const times: number[] = [];
  for (let q = 0; q < queries; q += 1) {
    const i = Math.floor(random() * n);
    const t = performance.now();
    run(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times[times.length - 1] as number };
}

function phaseOne(): void {
  const geography = loadGeography();
  const communes = [...geography.communes.keys()];
  let t = performance.now();
  const profiles = synthesise(100_000, communes, 1);
  const corpus = prepareCorpus(profiles, geography.lookup, WEIGHTS);
  const prepareMs = performance.now() - t;
  t = performance.now();
  candidateIndex(corpus);
  const indexMs = performance.now() - t;
  const cpuBefore = process.cpuUsage();
  const engine = timeQueries(profiles.length, 300, (i) =>
    suggestFor(corpus, i, { top: 10, mode: 'complementary' }),
  );
  const engineCpuMs = (cpuSeconds(cpuBefore) * 1000) / 300;
  const improbable = timeQueries(profiles.length, 100, (i) =>
    suggestFor(corpus, i, { top: 10, mode: 'improbable' }),
  );
  const engineMiB = peakMiB();
  // How much the index loses: its top 10 against an exhaustive exact scoring of all 100,000.
  const random = prng(11);
  let overlap = 0;
  let kept = 0;
  const recallQueries = 20;
  for (let q = 0; q < recallQueries; q += 1) {
    const i = Math.floor(random() * profiles.length);
    const fast = new Set(suggestFor(corpus, i, { top: 10, mode: 'complementary' }).map((s) => s.id));
    const exhaustive = suggestFor(corpus, i, { top: 10, mode: 'complementary', exactUpTo: Infinity });
    overlap += exhaustive.filter((s) => fast.has(s.id)).length / Math.max(1, exhaustive.length);
    const sum = (list: { score: number }[]) => list.reduce((a, s) => a + s.score, 0);
    kept += sum(suggestFor(corpus, i, { top: 10, mode: 'complementary' })) / Math.max(1e-9, sum(exhaustive));
  }
  t = performance.now();
  const bm25 = buildBm25(profiles);
  const bm25BuildMs = performance.now() - t;
  const bm25Times = timeQueries(profiles.length, 300, (i) => topOfScores(bm25Scores(bm25, i), 10));
  const f = (x: { p50: number; p95: number; max: number }) =>
    `${x.p50.toFixed(1)} ms | ${x.p95.toFixed(1)} ms | ${x.max.toFixed(1)} ms`;
  console.log(`## Top 10 for one organisation among 100,000 (engine ${ENGINE_VERSION})\n`);
  console.log('| ranker | p50 | p95 | max | setup |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  console.log(
    `| engine (index → 150 candidates → exact score, diversity) | ${f(engine)} | analysis ${seconds(prepareMs)}, index ${seconds(indexMs)} |`,
  );
  console.log(`| engine, improbable mode | ${f(improbable)} | same |`);
  console.log(`| BM25 baseline (whole profiles) | ${f(bm25Times)} | index ${seconds(bm25BuildMs)} |`);
  console.log(
    `\nIndex recall: ${((100 * overlap) / recallQueries).toFixed(1)} % of the exhaustive top 10 (exact score on all 100,000) is in the indexed top 10, and the indexed top 10 keeps ${((100 * kept) / recallQueries).toFixed(1)} % of its total score (${recallQueries} queries; the synthetic directory has many near-ties, so the second figure is the fairer one).`,
  );
  console.log(
    `Mean CPU time per engine query: ${engineCpuMs.toFixed(1)} ms. Load average: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (2 cores).`,
  );
  console.log(
    `Peak memory (RSS): ${engineMiB} MiB after the engine, ${peakMiB()} MiB with the BM25 index too.\n`,
  );
}

function departement(): { profiles: MatchProfile[]; lookup: ReturnType<typeof loadGeography>['lookup'] } {
  const geography = loadGeography();
  const communes = [...geography.communes.entries()].filter(([, p]) => p.dep === '67').map(([code]) => code);
  return { profiles: synthesise(10_000, communes, 2), lookup: geography.lookup };
}

const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};

interface DepartementRun {
  wallMs: number;
  cpuS: number;
  mib: number;
}

/** One way of ranking the whole département, in this process: prints its figures as JSON. */
async function phaseDepartement(how: string): Promise<void> {
  const { profiles, lookup } = departement();
  const options = { top: 10, mode: 'complementary' as const };
  const cpu = process.cpuUsage();
  const t = performance.now();
  if (how === 'one') {
    const corpus = prepareCorpus(profiles, lookup, WEIGHTS);
    for (let i = 0; i < profiles.length; i += 1) suggestFor(corpus, i, options);
  } else if (how === 'rebuild' || how === 'shared') {
    await rankProfilesParallel(profiles, lookup, options, { threads: 2, sharing: how });
  } else {
    const bm25 = buildBm25(profiles);
    for (let i = 0; i < profiles.length; i += 1) topOfScores(bm25Scores(bm25, i), 10);
  }
  // process.cpuUsage and maxRSS count every thread of the process.
  const run: DepartementRun = { wallMs: performance.now() - t, cpuS: cpuSeconds(cpu), mib: peakMiB() };
  console.log(JSON.stringify(run));
}

function runDepartement(how: string): DepartementRun {
  const out = execFileSync(process.execPath, [
    ...process.execArgv,
    fileURLToPath(import.meta.url),
    '--phase',
    'departement',
    how,
  ]);
  return JSON.parse(out.toString()) as DepartementRun;
}

function phaseTwo(): void {
  const n = 10_000;
  const rows: [string, string][] = [
    ['engine, one thread (analysis included)', 'one'],
    ['engine, 2 worker threads, corpus prepared once and shared (compact form)', 'shared'],
    ['engine, 2 worker threads, each thread prepares the corpus', 'rebuild'],
    ['BM25 baseline, one thread (index included)', 'bm25'],
  ];
  console.log(`## Top 10 of every organisation of a département (${n.toLocaleString('en')} in Bas-Rhin)\n`);
  console.log(
    '| ranker | wall time | CPU time (all threads) | per organisation (wall) | peak memory (RSS) | load at start |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [label, how] of rows) {
    const before = loadavg()[0] as number;
    const r = runDepartement(how);
    console.log(
      `| ${label} | ${seconds(r.wallMs)} | ${r.cpuS.toFixed(1)} s | ${(r.wallMs / n).toFixed(2)} ms | ${r.mib} MiB | load ${before.toFixed(1)} |`,
    );
  }
  console.log(
    `\nThe last column is the 1-minute load average when the run started (2 cores): wall times include other processes' load.`,
  );
}

const phase = process.argv[process.argv.indexOf('--phase') + 1];
if (process.argv.includes('--phase')) {
  if (phase === 'one') phaseOne();
  else if (phase === 'departement') await phaseDepartement(process.argv.at(-1) ?? 'one');
  else phaseTwo();
} else {
  console.log(`# Matching benchmark — engine ${ENGINE_VERSION}, Node ${process.version}\n`);
  // `-- --departement`: only the département batch (about a minute and a half).
  for (const p of process.argv.includes('--departement') ? ['two'] : ['one', 'two']) {
    const out = execFileSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--phase', p],
      { maxBuffer: 1 << 24 },
    );
    process.stdout.write(out);
  }
}
