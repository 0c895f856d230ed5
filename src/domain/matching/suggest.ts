import { candidatesOf } from './candidates.ts';
import type { Corpus, PreparedProfile } from './corpus.ts';
import { diversify } from './diversify.ts';
import type { Mode, Suggestion } from './model.ts';
import { partnershipType } from './partnership-type.ts';
import { maxRaw, scorePair, type PairScore } from './score.ts';
import { isSameFamily } from './universe.ts';
import { explain } from './why.ts';

export interface SuggestOptions {
  top: number;
  mode: Mode;
  /** Above this many profiles, candidates come from the index instead of a full comparison. */
  exactUpTo?: number;
  /** How many candidates the index hands to the full score. */
  candidates?: number;
}

const DEFAULTS = { exactUpTo: 1000, candidates: 150 };

interface Scored {
  candidate: PreparedProfile;
  pair: PairScore;
  score: number;
  kind: string;
}

/** The top suggestions for one organisation of the corpus, best first, each explained. */
export function suggestFor(corpus: Corpus, seekerIndex: number, options: SuggestOptions): Suggestion[] {
  const seeker = corpus.profiles[seekerIndex] as PreparedProfile;
  const exactUpTo = options.exactUpTo ?? DEFAULTS.exactUpTo;
  const pool =
    corpus.profiles.length <= exactUpTo
      ? corpus.profiles
      : candidatesOf(corpus, seekerIndex, options.candidates ?? DEFAULTS.candidates).map(
          (i) => corpus.profiles[i] as PreparedProfile,
        );

  const scored: Scored[] = [];
  for (const candidate of pool) {
    if (candidate.index === seekerIndex) continue;
    if (seeker.partners.has(candidate.profile.id) || candidate.partners.has(seeker.profile.id)) continue;
    const pair = scorePair(corpus, seeker, candidate);
    const score =
      options.mode === 'improbable' ? improbableScore(corpus, seeker, candidate, pair) : pair.score;
    if (score <= 0) continue;
    scored.push({ candidate, pair, score, kind: kindOf(candidate, pair) });
  }
  scored.sort(byScoreThenEvidence);
  if (options.mode === 'complementary' && pool === corpus.profiles && pool.length <= HUB_UP_TO)
    correctHubs(corpus, seeker, scored);
  const picked = diversify(scored.slice(0, options.top * 4), options.top, corpus.weights.diversity);
  return picked.map(({ candidate, pair, score }) => ({
    id: candidate.profile.id,
    score: Math.round(score * 1000) / 1000,
    type: partnershipType(pair, seeker.profile, candidate.profile),
    why: explain(pair, seeker.profile, candidate.profile, options.mode === 'improbable'),
  }));
}

/**
 * Hubness needs every profile's best scores: corrected only where every pair is scored anyway,
 * and never above this size (an exhaustive query among 100,000 would cost 50 full scans).
 */
const HUB_UP_TO = DEFAULTS.exactUpTo;
/** How many of the best candidates are re-ranked for hubness. */
const HUB_WINDOW = 50;
/** A profile's hubness is the mean of its HUB_K best pair scores (CSLS uses 10 neighbours). */
const HUB_K = 10;
const hubnessMemo = new WeakMap<Corpus, Float64Array>();

/**
 * Hubness correction (the CSLS of cross-lingual retrieval, Conneau et al. 2018): some profiles
 * fit everyone on paper (a large group offering money, volunteers and visibility), and would top
 * every list. The best candidates are re-ranked by `score + hubness·(r(seeker) − r(candidate))`,
 * r being a profile's mean score with its 10 best partners, so a candidate ranks for what it
 * brings to *this* seeker rather than for being generous to all. Applied where every pair is
 * scored (up to HUB_UP_TO profiles), where r is exact; sorts `scored` in place.
 */
function correctHubs(corpus: Corpus, seeker: PreparedProfile, scored: Scored[]): void {
  const w = corpus.weights.hubness;
  if (w === 0 || scored.length === 0) return;
  const r = hubnessOf(corpus);
  const own = hubOf(corpus, r, seeker);
  const window = scored.slice(0, HUB_WINDOW);
  for (const s of window) {
    const theirs = hubOf(corpus, r, s.candidate);
    s.score = Math.min(1, Math.max(0, s.score + w * (own - theirs)));
  }
  window.sort(byScoreThenEvidence);
  scored.splice(0, window.length, ...window);
}

function hubnessOf(corpus: Corpus): Float64Array {
  let r = hubnessMemo.get(corpus);
  if (!r) {
    r = new Float64Array(corpus.profiles.length).fill(Number.NaN);
    hubnessMemo.set(corpus, r);
  }
  return r;
}

function hubOf(corpus: Corpus, r: Float64Array, p: PreparedProfile): number {
  if (Number.isNaN(r[p.index])) {
    const scores: number[] = [];
    for (const other of corpus.profiles)
      if (other.index !== p.index) scores.push(scorePair(corpus, p, other).score);
    r[p.index] = meanOfBest(scores);
  }
  return r[p.index] as number;
}

function meanOfBest(scores: readonly number[]): number {
  const best = [...scores].sort((a, b) => b - a).slice(0, HUB_K);
  return best.reduce((a, b) => a + b, 0) / Math.max(1, best.length);
}

/**
 * Best first; equal scores by the stronger exchange, then the closer field, then the id, so the
 * order never depends on the order of the input file.
 */
function byScoreThenEvidence(a: Scored, b: Scored): number {
  return (
    b.score - a.score ||
    b.pair.complementarity - a.pair.complementarity ||
    b.pair.descriptionSimilarity - a.pair.descriptionSimilarity ||
    (a.candidate.profile.id < b.candidate.profile.id
      ? -1
      : a.candidate.profile.id > b.candidate.profile.id
        ? 1
        : 0)
  );
}

/** Suggestions for every organisation, or only those listed. */
export function suggestAll(
  corpus: Corpus,
  options: SuggestOptions,
  onlyIds?: readonly string[],
): Record<string, Suggestion[]> {
  const rankings: Record<string, Suggestion[]> = {};
  const indexes = onlyIds
    ? onlyIds.map((id) => corpus.byId.get(id)).filter((i) => i !== undefined)
    : corpus.profiles.map((p) => p.index);
  for (const i of indexes)
    rankings[(corpus.profiles[i] as PreparedProfile).profile.id] = suggestFor(corpus, i, options);
  return rankings;
}

// Two suggestions look alike when they are the same universe answering with the same category.
function kindOf(candidate: PreparedProfile, pair: PairScore): string {
  const main = pair.forward.matches[0]?.offer?.category ?? pair.backward.matches[0]?.need.category ?? 'none';
  return `${candidate.profile.universe}/${main}`;
}

/**
 * Improbable encounters: complementary pairs that share few words and cross universes. The
 * complementarity must be real (a need met), the lexical distance is the reward.
 */
function improbableScore(
  corpus: Corpus,
  seeker: PreparedProfile,
  candidate: PreparedProfile,
  pair: PairScore,
): number {
  const w = corpus.weights;
  const minimum = 0.5 * w.category;
  if (Math.max(pair.forward.value, pair.backward.value) < minimum) return 0;
  if (isSameFamily(seeker.profile.universe, candidate.profile.universe)) return 0;
  const distance = 1 - pair.descriptionSimilarity;
  return (pair.complementarity * distance * distance + w.proximity * pair.proximity.score) / maxRaw(w);
}
