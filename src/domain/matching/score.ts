import { answers } from './complementarity.ts';
import { categoryIndex } from './corpus.ts';
import type { Corpus, PreparedExchange, PreparedProfile } from './corpus.ts';
import { proximity, type Proximity } from './geography.ts';
import { THEMES, type Theme } from './model.ts';
import { dot } from './sparse-vector.ts';
import { crossing, isSameFamily } from './universe.ts';
import type { Weights } from './weights.ts';

/** The best need of one side met by an offer (or the description) of the other. */
export interface Match {
  need: PreparedExchange;
  /** Undefined when the need is met only by what the other's description says it does. */
  offer?: PreparedExchange;
  value: number;
  categoryFit: number;
  /** Whether the two said the same thing: a full category fit, or texts that meet. */
  isStrong: boolean;
}

export interface Flow {
  value: number;
  matches: Match[];
}

export interface PairScore {
  score: number;
  /** What the ranked-for organisation needs and the candidate offers. */
  forward: Flow;
  /** What the candidate needs and the ranked-for organisation offers. */
  backward: Flow;
  complementarity: number;
  descriptionSimilarity: number;
  sharedThemes: Theme[];
  proximity: Proximity;
  crossing: number;
}

/**
 * How well `candidate` answers `seeker`'s needs and the reverse, weighted. Symmetric by
 * construction (forward and backward play the same part) so that a pair ranks the same from
 * either side; what differs between sides is only the pool each is ranked against.
 */
export function scorePair(corpus: Corpus, seeker: PreparedProfile, candidate: PreparedProfile): PairScore {
  const w = corpus.weights;
  const forward = flow(corpus, seeker, candidate);
  const backward = flow(corpus, candidate, seeker);
  const hi = Math.max(forward.value, backward.value);
  const lo = Math.min(forward.value, backward.value);
  const complementarity = hi + w.mutual * lo;
  const descriptionSimilarity = dot(seeker.description, candidate.description);
  const common = seeker.themeMask & candidate.themeMask;
  const sharedThemes = THEMES.filter((_, i) => (common & (1 << i)) !== 0);
  const themeShare =
    sharedThemes.length / Math.max(1, Math.min(popcount(seeker.themeMask), popcount(candidate.themeMask)));
  const near = proximity(seeker.place, candidate.place);
  const proximityScore = near.level === 'unknown' ? w.unknownProximity : near.score;
  const cross = crossing(seeker.profile.universe, candidate.profile.universe);
  const alreadyMet = seeker.met.has(candidate.profile.id) || candidate.met.has(seeker.profile.id);
  // Bare profiles (categories ticked, no text) have only their descriptions to tell their field.
  // Alike descriptions across universes say "same field, other role"; within one family of
  // universes they mostly say "lookalike" (another food bank, another upcycler), so count less.
  const descriptionWeight =
    (w.description + w.bareDescription * (1 - (seeker.textShare + candidate.textShare) / 2)) *
    (isSameFamily(seeker.profile.universe, candidate.profile.universe) ? w.sameFamilyDescription : 1);
  const raw =
    complementarity +
    descriptionWeight * descriptionSimilarity +
    w.themes * themeShare +
    w.universe * cross +
    w.proximity * proximityScore -
    (alreadyMet ? w.alreadyMet : 0);
  return {
    score: Math.max(0, raw / maxRaw(w)),
    forward,
    backward,
    complementarity,
    descriptionSimilarity,
    sharedThemes,
    proximity: near,
    crossing: cross,
  };
}

/** The largest raw score the weights allow, so that scores read in [0, 1]. */
export function maxRaw(w: Readonly<Weights>): number {
  const flowMax =
    (w.category + w.exchangeText + w.needInDescription + w.offerInDescription) * (1 + w.secondNeed);
  return flowMax * (1 + w.mutual) + w.description + w.bareDescription + w.themes + w.universe + w.proximity;
}

function flow(corpus: Corpus, needer: PreparedProfile, giver: PreparedProfile): Flow {
  const w = corpus.weights;
  const matches: Match[] = [];
  for (const need of needer.needs) {
    let bestValue = 0;
    let bestOffer: PreparedExchange | undefined;
    let bestFit = 0;
    let bestIsStrong = false;
    for (const offer of giver.offers) {
      const categoryFit =
        answers(need.category, offer.category) *
        (corpus.informativeness[categoryIndex(offer.category)] as number);
      // Two bare categories say nothing about text: their likeness is the category fit alone.
      const text = need.text && offer.text ? dot(need.vector, offer.vector) : 0;
      // What the needer's own activity says it uses (an upcycler's "matériaux de récupération").
      const offerInNeeder = dot(offer.vector, needer.description) * (offer.text ? 1 : w.bareEvidence);
      const kind =
        w.kind > 0 && GOODS.has(need.category) && GOODS.has(offer.category)
          ? dot(needer.kinds, giver.kinds)
          : 0;
      const value =
        w.category * categoryFit +
        w.exchangeText * text +
        w.offerInDescription * offerInNeeder +
        w.kind * kind;
      if (value > bestValue) {
        bestValue = value;
        bestOffer = offer;
        bestFit = categoryFit;
        // Two written texts that do not meet are a category match only: said as a possibility.
        bestIsStrong =
          text > 0 || (answers(need.category, offer.category) === 1 && !(need.text && offer.text));
      }
    }
    // Pivoted (corpus.ts): a need a long description mentions is not diluted by its other words.
    const inDescription =
      w.needInDescription *
      Math.min(1, dot(need.vector, giver.description) * giver.descriptionPivot) *
      (need.text ? 1 : w.bareEvidence);
    const value = bestValue + inDescription;
    if (value > 0)
      matches.push({
        need,
        ...(bestOffer ? { offer: bestOffer } : {}),
        value,
        categoryFit: bestFit,
        isStrong: bestOffer ? bestIsStrong : inDescription > 0,
      });
  }
  matches.sort((a, b) => b.value - a.value);
  const value = (matches[0]?.value ?? 0) + w.secondNeed * (matches[1]?.value ?? 0);
  return { value, matches };
}

const GOODS: ReadonlySet<string> = new Set(['materials', 'equipment']);

function popcount(x: number): number {
  let n = 0;
  let v = x;
  while (v) {
    v &= v - 1;
    n += 1;
  }
  return n;
}
