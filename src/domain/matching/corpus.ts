import { CATEGORY_CONCEPTS } from './complementarity.ts';
import {
  CATEGORIES,
  THEMES,
  type Category,
  type Exchange,
  type GeoLookup,
  type MatchProfile,
  type Place,
} from './model.ts';
import { combine, toUnitVector, type SparseVector } from './sparse-vector.ts';
import { analyse, CONCEPT_PREFIX } from './text/analyse.ts';
import type { Weights } from './weights.ts';

export interface PreparedExchange {
  category: Category;
  text?: string;
  vector: SparseVector;
}

export interface PreparedProfile {
  profile: MatchProfile;
  index: number;
  needs: PreparedExchange[];
  offers: PreparedExchange[];
  description: SparseVector;
  /**
   * Multiplies `description` when a need is looked for in it (pivoted length normalisation):
   * above 1 for a description longer than the corpus average, below 1 for a shorter one.
   */
  descriptionPivot: number;
  /**
   * The kinds of goods it mentions anywhere (textile, furniture, food, computers…), as a vector:
   * a waste stream suits a workshop that works that kind of matter.
   */
  kinds: SparseVector;
  /** All needs (bare ones by their category's concepts) as one vector, for the candidate index. */
  allNeeds: SparseVector;
  allOffers: SparseVector;
  /** Only the needs and offers that carry a text, for the index's text-to-text term. */
  textNeeds: SparseVector;
  textOffers: SparseVector;
  /** Share of its needs and offers that carry a text, in [0, 1] (1 when it lists none). */
  textShare: number;
  needMask: number;
  offerMask: number;
  themeMask: number;
  place?: Place;
  partners: ReadonlySet<string>;
  met: ReadonlySet<string>;
}

/** Profiles analysed once: term dictionary, IDF over the whole set, unit vectors per text. */
export interface Corpus {
  profiles: PreparedProfile[];
  byId: ReadonlyMap<string, number>;
  /**
   * Per offer category, in [0.4, 1]: how much offering it distinguishes a profile. Money or
   * visibility, offered by most, say less about a pair than a waste stream offered by few.
   */
  informativeness: Float64Array;
  /** Term id → term (stem or '#concept'), for explanations. */
  terms: string[];
  weights: Readonly<Weights>;
}

/** Concepts of the vocabulary that name a kind of goods, for matching streams with their users. */
export const KIND_CONCEPTS = [
  'textile',
  'mobilier',
  'alimentation',
  'numerique',
  'mobilite',
  'nature',
  'culture',
  'equipement',
];

export const categoryIndex = (c: Category): number => CATEGORIES.indexOf(c);
export const categoryBit = (c: Category): number => 1 << categoryIndex(c);
const themeBit = (t: (typeof THEMES)[number]): number => 1 << THEMES.indexOf(t);

export function prepareCorpus(
  profiles: readonly MatchProfile[],
  geo: GeoLookup,
  weights: Readonly<Weights>,
): Corpus {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const idOf = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = terms.length;
      termIds.set(term, id);
      terms.push(term);
    }
    return id;
  };

  const conceptIds = (c: Category): number[] => CATEGORY_CONCEPTS[c].map((k) => idOf(CONCEPT_PREFIX + k));
  const analysed = profiles.map((p) => ({
    needs: p.needs.map((e) => termsOfExchange(e).map(idOf)),
    offers: p.offers.map((e) => termsOfExchange(e).map(idOf)),
    description: analyse(`${p.name} ${p.description}`).map(idOf),
    categoryConcepts: [...p.needs, ...p.offers].flatMap((e) => conceptIds(e.category)),
  }));

  // A bare category counts in the document frequency of its concepts, so a concept that every
  // ticked box carries weighs as little as a common word.
  const df = new Float64Array(terms.length);
  for (const a of analysed) {
    const seen = new Set([...a.needs.flat(), ...a.offers.flat(), ...a.description, ...a.categoryConcepts]);
    for (const id of seen) df[id] = (df[id] ?? 0) + 1;
  }
  const n = profiles.length;
  const idf = Float64Array.from(df, (d) => Math.log(1 + (n - d + 0.5) / (d + 0.5)));
  const termWeight = terms.map(
    (t, id) => (idf[id] as number) * (t.startsWith(CONCEPT_PREFIX) ? weights.concept : 1),
  );

  const entriesOf = (ids: number[], categoryConceptIds: number[] = []): Map<number, number> => {
    const tf = new Map<number, number>();
    for (const id of ids) tf.set(id, (tf.get(id) ?? 0) + 1);
    const entries = new Map<number, number>();
    for (const [id, count] of tf) entries.set(id, (1 + Math.log(count)) * (termWeight[id] as number));
    for (const id of categoryConceptIds) {
      entries.set(id, (entries.get(id) ?? 0) + weights.categoryConcept * (termWeight[id] as number));
    }
    return entries;
  };
  const vectorOf = (ids: number[], categoryConceptIds: number[] = []): SparseVector =>
    toUnitVector(entriesOf(ids, categoryConceptIds));
  const descriptionNorms = analysed.map((a) => norm(entriesOf(a.description)));
  const pivot = pivotOf(descriptionNorms);
  const prepareExchange = (e: Exchange, ids: number[]): PreparedExchange => ({
    category: e.category,
    ...(e.text ? { text: e.text } : {}),
    vector: vectorOf(ids, conceptIds(e.category)),
  });

  const kindIds = new Set(KIND_CONCEPTS.map((k) => idOf(CONCEPT_PREFIX + k)));
  const prepared = profiles.map((p, index): PreparedProfile => {
    const a = analysed[index] as (typeof analysed)[number];
    const needs = p.needs.map((e, k) => prepareExchange(e, a.needs[k] as number[]));
    const offers = p.offers.map((e, k) => prepareExchange(e, a.offers[k] as number[]));
    const description = vectorOf(a.description);
    const kinds = vectorOf(
      [...a.description, ...a.needs.flat(), ...a.offers.flat()].filter((id) => kindIds.has(id)),
    );
    const commune = p.insee ? geo(p.insee) : undefined;
    // Coordinates refine distance only: without a commune, levels (EPCI, département) stay unknown.
    const place =
      commune && p.lat !== undefined && p.lon !== undefined
        ? { ...commune, lat: p.lat, lon: p.lon }
        : commune;
    return {
      profile: p,
      index,
      needs,
      offers,
      description,
      descriptionPivot: pivot(descriptionNorms[index] as number),
      kinds,
      allNeeds: combine(needs.map((e) => [e.vector, 1] as const)),
      allOffers: combine(offers.map((e) => [e.vector, 1] as const)),
      textNeeds: combine(needs.filter((e) => e.text).map((e) => [e.vector, 1] as const)),
      textOffers: combine(offers.filter((e) => e.text).map((e) => [e.vector, 1] as const)),
      textShare: textShare(p),
      needMask: p.needs.reduce((m, e) => m | categoryBit(e.category), 0),
      offerMask: offers.reduce((m, e) => m | categoryBit(e.category), 0),
      themeMask: p.themes.reduce((m, t) => m | themeBit(t), 0),
      ...(place ? { place } : {}),
      partners: new Set(p.partners ?? []),
      met: new Set(p.met ?? []),
    };
  });

  return {
    profiles: prepared,
    byId: new Map(profiles.map((p, i) => [p.id, i])),
    informativeness: informativeness(prepared),
    terms,
    weights,
  };
}

/**
 * Pivoted length normalisation (Singhal, Buckley & Mitra, 1996, with their slope 0.2). Cosine
 * divides a description by its whole length, so a need that a long description mentions among
 * other things weighs less than the same need in a short one; whether a giver's description
 * mentions the need is a question of presence, not of proportion. Dividing by
 * `(1 − slope)·average + slope·length` instead of `length` leaves a description of average
 * length as it was and softens the penalty on long ones.
 */
const PIVOT_SLOPE = 0.2;
function pivotOf(norms: readonly number[]): (norm: number) => number {
  const known = norms.filter((x) => x > 0);
  const average = known.reduce((a, b) => a + b, 0) / Math.max(1, known.length);
  return (x) => (x > 0 ? x / ((1 - PIVOT_SLOPE) * average + PIVOT_SLOPE * x) : 1);
}

function norm(entries: ReadonlyMap<number, number>): number {
  let sum = 0;
  for (const v of entries.values()) sum += v * v;
  return Math.sqrt(sum);
}

const INFORMATIVENESS_FLOOR = 0.4;
function informativeness(prepared: readonly PreparedProfile[]): Float64Array {
  const n = Math.max(1, prepared.length);
  return Float64Array.from(CATEGORIES, (_, i) => {
    const offering = prepared.filter((p) => (p.offerMask & (1 << i)) !== 0).length;
    // 5 % of profiles or fewer offering it: fully informative; 30 % or more: 0.4.
    const share = Math.max(offering, 1) / n;
    return Math.min(1, Math.max(INFORMATIVENESS_FLOOR, Math.log(1 / share) / Math.log(20)));
  });
}

function textShare(p: MatchProfile): number {
  const all = [...p.needs, ...p.offers];
  return all.length === 0 ? 1 : all.filter((e) => e.text).length / all.length;
}

function termsOfExchange(e: Exchange): string[] {
  return e.text ? analyse(e.text) : [];
}
