// Evaluation harness of the matching engine (`npm run eval:matching`): for each party of a real
// partnership, is its partner in its top 10? hit@10 and MRR for the engine and two baselines, on
// full and sparse profiles, on the whole set and on each half of a fixed split (weights were
// tuned on the "tune" half only; the "check" half tells whether that tuning generalises).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadGeography } from '../src/adapters/geo/load-geography.ts';
import { bm25Scores, buildBm25 } from '../src/domain/matching/baselines/bm25.ts';
import { categoryOnlyScore } from '../src/domain/matching/baselines/category-only.ts';
import { prepareCorpus } from '../src/domain/matching/corpus.ts';
import type { GeoLookup, MatchProfile, PartnershipType } from '../src/domain/matching/model.ts';
import { suggestFor } from '../src/domain/matching/suggest.ts';
import { ENGINE_VERSION, WEIGHTS, type Weights } from '../src/domain/matching/weights.ts';

interface Pair {
  a: string;
  b: string;
  type: PartnershipType;
  story: string;
}

const FIXTURES = new URL('./fixtures/matching/', import.meta.url);
export const profiles = (
  JSON.parse(readFileSync(new URL('profiles.json', FIXTURES), 'utf8')) as { profiles: MatchProfile[] }
).profiles;
export const pairs = (JSON.parse(readFileSync(new URL('pairs.json', FIXTURES), 'utf8')) as { pairs: Pair[] })
  .pairs;
interface ExtraSet {
  profiles: MatchProfile[];
  pairs: Pair[];
}
export const styleB = JSON.parse(readFileSync(new URL('style-b.json', FIXTURES), 'utf8')) as ExtraSet;
// Real documented partnerships written after 1.1.0, kept apart so each set's figures stay comparable.
export const realExtra = JSON.parse(readFileSync(new URL('real-extra.json', FIXTURES), 'utf8')) as ExtraSet;

/** Needs and offers reduced to their ticked categories, commune unknown: the common real case. */
export function sparse(list: readonly MatchProfile[]): MatchProfile[] {
  return list.map((p) => ({
    ...p,
    insee: null,
    needs: p.needs.map((e) => ({ category: e.category })),
    offers: p.offers.map((e) => ({ category: e.category })),
  }));
}

interface Query {
  seeker: string;
  partner: string;
  half: 'tune' | 'check';
}

// Each pair gives two queries (each side looks for the other); a party with several real
// partners is judged on each, the others removed from its list (filtered ranking).
interface QuerySet {
  queries: Query[];
  partnersOf: Map<string, Set<string>>;
}

export function querySet(list: readonly Pair[], split: boolean): QuerySet {
  const queries = list.flatMap((p, i): Query[] => {
    const half = !split || i % 2 === 0 ? 'tune' : 'check';
    return [
      { seeker: p.a, partner: p.b, half },
      { seeker: p.b, partner: p.a, half },
    ];
  });
  const partnersOf = new Map<string, Set<string>>();
  for (const p of list) {
    partnersOf.set(p.a, (partnersOf.get(p.a) ?? new Set()).add(p.b));
    partnersOf.set(p.b, (partnersOf.get(p.b) ?? new Set()).add(p.a));
  }
  return { queries, partnersOf };
}

export const mainSet = querySet(pairs, true);
export const queries = mainSet.queries;

/** A ranker gives every other profile's score for one seeker (higher is better). */
type Ranker = (seekerIndex: number) => Float64Array;

/** Rank of the partner, ties counted at their expected position, other real partners left out. */
function rankOf(
  scores: Float64Array,
  list: readonly MatchProfile[],
  q: Query,
  partnersOf: QuerySet['partnersOf'],
): number {
  const index = new Map(list.map((p, i) => [p.id, i]));
  const target = scores[index.get(q.partner) as number] as number;
  const others = partnersOf.get(q.seeker) ?? new Set();
  let better = 0;
  let ties = 0;
  list.forEach((p, i) => {
    if (p.id === q.seeker || p.id === q.partner || others.has(p.id)) return;
    const s = scores[i] as number;
    if (s > target) better += 1;
    else if (s === target) ties += 1;
  });
  return 1 + better + ties / 2;
}

export interface Metrics {
  hit10: number;
  mrr: number;
  n: number;
}

function metrics(ranks: number[]): Metrics {
  const n = ranks.length;
  return {
    hit10: ranks.filter((r) => r <= 10).length / Math.max(1, n),
    mrr: ranks.reduce((s, r) => s + 1 / r, 0) / Math.max(1, n),
    n,
  };
}

export function evaluateRanker(
  list: readonly MatchProfile[],
  ranker: Ranker,
  set: QuerySet = mainSet,
): Record<'all' | 'tune' | 'check', Metrics> & { ranks: Map<Query, number> } {
  const index = new Map(list.map((p, i) => [p.id, i]));
  const ranks = new Map<Query, number>();
  for (const q of set.queries)
    ranks.set(q, rankOf(ranker(index.get(q.seeker) as number), list, q, set.partnersOf));
  const of = (half?: Query['half']) =>
    metrics(set.queries.filter((q) => !half || q.half === half).map((q) => ranks.get(q) as number));
  return { all: of(), tune: of('tune'), check: of('check'), ranks };
}

/** The engine as a ranker: its own ordered list (diversity re-ranking included) turned into scores. */
export function engineRanker(
  list: readonly MatchProfile[],
  geo: GeoLookup,
  weights: Readonly<Weights>,
  candidates?: number,
): Ranker {
  const corpus = prepareCorpus(list, geo, weights);
  // With `candidates`, the inverted index chooses whom to score, as it does in a large directory.
  const options = candidates ? { exactUpTo: 0, candidates } : {};
  return (seekerIndex) => {
    const ranked = suggestFor(corpus, seekerIndex, { top: list.length, mode: 'complementary', ...options });
    const scores = new Float64Array(list.length).fill(-1);
    ranked.forEach((s, position) => {
      scores[corpus.byId.get(s.id) as number] = list.length - position;
    });
    return scores;
  };
}

function bm25Ranker(list: readonly MatchProfile[]): Ranker {
  const index = buildBm25(list);
  return (seekerIndex) => bm25Scores(index, seekerIndex);
}

function categoryRanker(list: readonly MatchProfile[]): Ranker {
  return (seekerIndex) =>
    Float64Array.from(list, (p, i) =>
      i === seekerIndex ? -Infinity : categoryOnlyScore(list[seekerIndex] as MatchProfile, p),
    );
}

export function evaluateEngine(weights: Readonly<Weights>, geo: GeoLookup) {
  return {
    full: evaluateRanker(profiles, engineRanker(profiles, geo, weights)),
    sparse: evaluateRanker(sparse(profiles), engineRanker(sparse(profiles), geo, weights)),
  };
}

function typeAccuracy(
  geo: GeoLookup,
  list: readonly MatchProfile[],
  documented: readonly Pair[],
): { correct: number; total: number; misses: string[] } {
  const corpus = prepareCorpus(list, geo, WEIGHTS);
  let correct = 0;
  const misses: string[] = [];
  for (const p of documented) {
    const ranked = suggestFor(corpus, corpus.byId.get(p.a) as number, {
      top: list.length,
      mode: 'complementary',
    });
    const found = ranked.find((s) => s.id === p.b);
    if (found?.type === p.type) correct += 1;
    else misses.push(`${p.a}–${p.b}: ${found?.type ?? 'absent'} (expected ${p.type})`);
  }
  return { correct, total: documented.length, misses };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const row = (name: string, r: Record<'all' | 'tune' | 'check', Metrics>) =>
  `| ${name} | ${pct(r.all.hit10)} | ${r.all.mrr.toFixed(3)} | ${pct(r.tune.hit10)} / ${r.tune.mrr.toFixed(3)} | ${pct(r.check.hit10)} / ${r.check.mrr.toFixed(3)} |`;

function main(): void {
  const geo = loadGeography().lookup;
  const verbose = process.argv.includes('--verbose');
  console.log(`# Matching evaluation — engine ${ENGINE_VERSION}`);
  console.log(
    `${pairs.length} partnerships, ${queries.length} queries, ${profiles.length} profiles in the pool\n`,
  );
  for (const variant of ['full', 'sparse'] as const) {
    const list = variant === 'full' ? profiles : sparse(profiles);
    const engine = evaluateRanker(list, engineRanker(list, geo, WEIGHTS));
    const bm25 = evaluateRanker(list, bm25Ranker(list));
    const category = evaluateRanker(list, categoryRanker(list));
    console.log(
      `## ${variant} profiles${variant === 'sparse' ? ' (needs/offers reduced to categories, insee null)' : ''}\n`,
    );
    console.log('| ranker | hit@10 | MRR | tune half hit@10 / MRR | check half hit@10 / MRR |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    console.log(row(`engine ${ENGINE_VERSION}`, engine));
    console.log(
      row('engine, index picks 30 candidates', evaluateRanker(list, engineRanker(list, geo, WEIGHTS, 30))),
    );
    console.log(row('BM25 (whole profiles)', bm25));
    console.log(row('category complementarity alone', category));
    console.log('');
    if (verbose) {
      for (const [q, r] of engine.ranks) if (r > 3) console.log(`  ${q.seeker} → ${q.partner}: rank ${r}`);
      console.log('');
    }
  }
  const extraSets = [
    { title: 'Second style, never used to fit weights', set: styleB },
    {
      title: 'Real partnerships added with 1.2.0 (real-extra.json), never used to fit weights',
      set: realExtra,
    },
  ];
  for (const { title, set } of extraSets) {
    const xSet = querySet(set.pairs, false);
    const xPool = [...profiles, ...set.profiles];
    console.log(`## ${title} (${set.pairs.length} partnerships, pool of ${xPool.length})\n`);
    console.log('| ranker | full hit@10 | full MRR | sparse hit@10 | sparse MRR |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    const xRow = (name: string, make: (list: MatchProfile[]) => Ranker) => {
      const full = evaluateRanker(xPool, make(xPool), xSet).all;
      const thin = evaluateRanker(sparse(xPool), make(sparse(xPool)), xSet).all;
      console.log(
        `| ${name} | ${pct(full.hit10)} | ${full.mrr.toFixed(3)} | ${pct(thin.hit10)} | ${thin.mrr.toFixed(3)} |`,
      );
    };
    xRow(`engine ${ENGINE_VERSION}`, (list) => engineRanker(list, geo, WEIGHTS));
    xRow('BM25 (whole profiles)', bm25Ranker);
    xRow('category complementarity alone', categoryRanker);
    console.log('');
  }

  const types = typeAccuracy(geo, profiles, pairs);
  const typesB = typeAccuracy(geo, [...profiles, ...styleB.profiles], styleB.pairs);
  const typesX = typeAccuracy(geo, [...profiles, ...realExtra.profiles], realExtra.pairs);
  console.log(
    `Partnership type (Le Rameau) agreeing with the documented one: ${types.correct}/${types.total} (second style: ${typesB.correct}/${typesB.total}; real-extra: ${typesX.correct}/${typesX.total})`,
  );
  if (verbose) for (const m of types.misses) console.log(`  ${m}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
