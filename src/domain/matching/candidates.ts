import { answers } from './complementarity.ts';
import { CATEGORIES } from './model.ts';
import type { Corpus, PreparedProfile } from './corpus.ts';
import type { SparseVector } from './sparse-vector.ts';
import { crossing, isSameFamily } from './universe.ts';
import { UNIVERSES } from './model.ts';

/**
 * Candidate generation for large directories: inverted indexes over the needs, offers and
 * descriptions of every profile, so that a query touches only the postings of its own terms, then
 * one pass over typed arrays for the cheap context (category table, universe, themes, place).
 * The exact score (score.ts) is then computed on the best `k` only. Built once per corpus.
 */
export interface CandidateIndex {
  offers: Postings;
  needs: Postings;
  textOffers: Postings;
  textNeeds: Postings;
  descriptions: Postings;
  needMask: Int32Array;
  offerMask: Int32Array;
  themeMask: Int32Array;
  universe: Uint8Array;
  dep: Int32Array;
  epci: Int32Array;
  commune: Int32Array;
  /** Each profile's `descriptionPivot` (corpus.ts), for needs found in its description. */
  descriptionPivot: Float32Array;
  scratch: Float32Array;
  /** Description likeness alone, weighed after the pass by whether the families differ. */
  descriptionScratch: Float32Array;
  /** The seeker's needs found in each description, weighed after the pass by its pivot. */
  needScratch: Float32Array;
}

interface Postings {
  docs: Int32Array[];
  weights: Float32Array[];
}

const indexes = new WeakMap<Corpus, CandidateIndex>();

export function candidateIndex(corpus: Corpus): CandidateIndex {
  let index = indexes.get(corpus);
  if (!index) {
    index = buildIndex(corpus);
    indexes.set(corpus, index);
  }
  return index;
}

function buildIndex(corpus: Corpus): CandidateIndex {
  const n = corpus.profiles.length;
  const codes = new Map<string, number>();
  const code = (value: string | undefined): number => {
    if (value === undefined) return -1;
    let c = codes.get(value);
    if (c === undefined) {
      c = codes.size;
      codes.set(value, c);
    }
    return c;
  };
  const place = (p: PreparedProfile) => p.place;
  return {
    offers: postings(corpus, (p) => p.allOffers),
    needs: postings(corpus, (p) => p.allNeeds),
    textOffers: postings(corpus, (p) => p.textOffers),
    textNeeds: postings(corpus, (p) => p.textNeeds),
    descriptions: postings(corpus, (p) => p.description),
    needMask: Int32Array.from(corpus.profiles, (p) => p.needMask),
    offerMask: Int32Array.from(corpus.profiles, (p) => p.offerMask),
    themeMask: Int32Array.from(corpus.profiles, (p) => p.themeMask),
    universe: Uint8Array.from(corpus.profiles, (p) => UNIVERSES.indexOf(p.profile.universe)),
    dep: Int32Array.from(corpus.profiles, (p) => code(place(p) && `d${place(p)?.dep}`)),
    epci: Int32Array.from(corpus.profiles, (p) => code(place(p)?.epci && `e${place(p)?.epci}`)),
    commune: Int32Array.from({ length: n }, (_, i) =>
      code(place(corpus.profiles[i] as PreparedProfile)?.commune),
    ),
    descriptionPivot: Float32Array.from(corpus.profiles, (p) => p.descriptionPivot),
    scratch: new Float32Array(n),
    descriptionScratch: new Float32Array(n),
    needScratch: new Float32Array(n),
  };
}

function postings(corpus: Corpus, vectorOf: (p: PreparedProfile) => SparseVector): Postings {
  const counts = new Int32Array(corpus.terms.length);
  for (const p of corpus.profiles) for (const id of vectorOf(p).ids) counts[id] = (counts[id] as number) + 1;
  const docs = Array.from(counts, (c) => new Int32Array(c));
  const weights = Array.from(counts, (c) => new Float32Array(c));
  const fill = new Int32Array(corpus.terms.length);
  for (const p of corpus.profiles) {
    const v = vectorOf(p);
    for (let k = 0; k < v.ids.length; k += 1) {
      const id = v.ids[k] as number;
      const at = fill[id] as number;
      (docs[id] as Int32Array)[at] = p.index;
      (weights[id] as Float32Array)[at] = v.weights[k] as number;
      fill[id] = at + 1;
    }
  }
  return { docs, weights };
}

function accumulate(
  acc: Float32Array,
  query: SparseVector,
  postings: Postings,
  factor: number,
  maxPostings: number,
): void {
  for (let k = 0; k < query.ids.length; k += 1) {
    const id = query.ids[k] as number;
    const docs = postings.docs[id];
    const weights = postings.weights[id];
    if (!docs || !weights || docs.length > maxPostings) continue;
    const q = factor * (query.weights[k] as number);
    for (let j = 0; j < docs.length; j += 1) {
      const d = docs[j] as number;
      acc[d] = (acc[d] as number) + q * (weights[j] as number);
    }
  }
}

/** For each mask of offered categories, the best fit of one of them with the seeker's needs. */
function maskTable(
  corpus: Corpus,
  categories: readonly { category: (typeof CATEGORIES)[number] }[],
  asGiver: boolean,
): Float32Array {
  // Read `categories` as the seeker's needs (asGiver: the candidate's mask is offers) or offers.
  const best = CATEGORIES.map((c, i) => {
    let m = 0;
    for (const n of categories) {
      const fit = asGiver
        ? answers(n.category, c) * (corpus.informativeness[i] as number)
        : answers(c, n.category) * (corpus.informativeness[CATEGORIES.indexOf(n.category)] as number);
      m = Math.max(m, fit);
    }
    return m;
  });
  const table = new Float32Array(1 << CATEGORIES.length);
  for (let mask = 1; mask < table.length; mask += 1) {
    const low = 31 - Math.clz32(mask & -mask);
    table[mask] = Math.max(table[mask & (mask - 1)] as number, best[low] as number);
  }
  return table;
}

/**
 * The `k` most promising other profiles for the seeker, by an approximation of the exact score
 * that keeps its strongest terms: text of needs against offers both ways, descriptions, category
 * fit, universe crossing, shared themes and administrative proximity.
 */
export function candidatesOf(corpus: Corpus, seekerIndex: number, k: number): number[] {
  const index = candidateIndex(corpus);
  const w = corpus.weights;
  const n = corpus.profiles.length;
  const seeker = corpus.profiles[seekerIndex] as PreparedProfile;
  // NOTE: one scratch buffer per index: a fresh 100,000-float array per query fed the GC.
  const acc = index.scratch;
  acc.fill(0);
  // The terms of the exact score, each as one dot product over postings (score.ts, flow()).
  accumulate(acc, seeker.textNeeds, index.textOffers, w.exchangeText, n);
  accumulate(acc, seeker.textOffers, index.textNeeds, w.exchangeText, n);
  const needs = index.needScratch;
  needs.fill(0);
  accumulate(needs, seeker.allNeeds, index.descriptions, w.needInDescription, n);
  accumulate(acc, seeker.allOffers, index.descriptions, w.offerInDescription, n);
  accumulate(acc, seeker.description, index.needs, w.needInDescription * seeker.descriptionPivot, n);
  accumulate(acc, seeker.description, index.offers, w.offerInDescription, n);
  // Terms in a fifth of all descriptions weigh little and cost the most: skipped here only.
  const like = index.descriptionScratch;
  like.fill(0);
  accumulate(
    like,
    seeker.description,
    index.descriptions,
    w.description + w.bareDescription,
    Math.max(2000, n / 5),
  );

  const forward = maskTable(corpus, seeker.profile.needs, true);
  const backward = maskTable(
    corpus,
    seeker.profile.offers.map((o) => ({ category: o.category })),
    false,
  );
  const u = UNIVERSES.indexOf(seeker.profile.universe);
  const crossRow = Float32Array.from(UNIVERSES, (other) =>
    crossing(UNIVERSES[u] as (typeof UNIVERSES)[number], other),
  );
  // As in score.ts: alike descriptions within one family of universes are lookalikes.
  const likeRow = Float32Array.from(UNIVERSES, (other) =>
    isSameFamily(UNIVERSES[u] as (typeof UNIVERSES)[number], other) ? w.sameFamilyDescription : 1,
  );
  const dep = index.dep[seekerIndex] as number;
  const epci = index.epci[seekerIndex] as number;
  const commune = index.commune[seekerIndex] as number;
  const themes = seeker.themeMask;

  const heap = new MinHeap(k);
  for (let i = 0; i < n; i += 1) {
    if (i === seekerIndex) continue;
    const universe = index.universe[i] as number;
    let s =
      (acc[i] as number) +
      (needs[i] as number) * (index.descriptionPivot[i] as number) +
      (like[i] as number) * (likeRow[universe] as number) +
      w.category *
        ((forward[index.offerMask[i] as number] as number) +
          (backward[index.needMask[i] as number] as number));
    s += w.universe * (crossRow[universe] as number);
    if ((themes & (index.themeMask[i] as number)) !== 0) s += w.themes;
    if (dep >= 0 && index.dep[i] === dep) {
      s +=
        w.proximity * (commune === index.commune[i] ? 1 : epci >= 0 && epci === index.epci[i] ? 0.85 : 0.6);
    }
    heap.offer(i, s);
  }
  return heap.items();
}

/** Keeps the `capacity` largest scores seen. */
class MinHeap {
  private readonly ids: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly capacity: number) {
    this.ids = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  offer(id: number, score: number): void {
    if (this.capacity === 0) return;
    if (this.size < this.capacity) {
      this.ids[this.size] = id;
      this.scores[this.size] = score;
      this.size += 1;
      this.up(this.size - 1);
    } else if (score > (this.scores[0] as number)) {
      this.ids[0] = id;
      this.scores[0] = score;
      this.down(0);
    }
  }

  items(): number[] {
    return Array.from(this.ids.subarray(0, this.size));
  }

  private swap(a: number, b: number): void {
    const id = this.ids[a] as number;
    const s = this.scores[a] as number;
    this.ids[a] = this.ids[b] as number;
    this.scores[a] = this.scores[b] as number;
    this.ids[b] = id;
    this.scores[b] = s;
  }

  private up(i: number): void {
    let c = i;
    while (c > 0) {
      const parent = (c - 1) >> 1;
      if ((this.scores[parent] as number) <= (this.scores[c] as number)) return;
      this.swap(parent, c);
      c = parent;
    }
  }

  private down(i: number): void {
    let c = i;
    for (;;) {
      const l = 2 * c + 1;
      const r = l + 1;
      let m = c;
      if (l < this.size && (this.scores[l] as number) < (this.scores[m] as number)) m = l;
      if (r < this.size && (this.scores[r] as number) < (this.scores[m] as number)) m = r;
      if (m === c) return;
      this.swap(m, c);
      c = m;
    }
  }
}
