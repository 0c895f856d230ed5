/**
 * The engine's weights, versioned like a model: every change of a number here is a new `engine`
 * string in the output and a new row in docs/matching.md's evaluation table.
 */
export interface Weights {
  /** A need category answered by an offer category (table in complementarity.ts). */
  category: number;
  /** Text similarity between one need and one offer (stems + field vocabulary). */
  exchangeText: number;
  /** A need found in the other side's description (what it does, hence can offer). */
  needInDescription: number;
  /** An offer found in the needer's description (what it does, hence uses). */
  offerInDescription: number;
  /** Multiplies the two "…InDescription" weights for an exchange without text (its only evidence). */
  bareEvidence: number;
  /** Goods given and goods used are of the same kind (textile, furniture, food…). */
  kind: number;
  /** Second-best need answered, as a share of the best one. */
  secondNeed: number;
  /** The weaker direction of a two-way exchange, as a share of the stronger one. */
  mutual: number;
  /** Similarity of whole descriptions: same field of action, not complementarity. */
  description: number;
  /** Added to `description` in proportion to the share of needs and offers without text. */
  bareDescription: number;
  /** Multiplies the description terms when both are of one family of universes (lookalikes). */
  sameFamilyDescription: number;
  themes: number;
  universe: number;
  proximity: number;
  /** Proximity granted when a commune is unknown, so sparse profiles are not pushed away. */
  unknownProximity: number;
  /** Weight of a concept token relative to a word stem with the same IDF. */
  concept: number;
  /** Weight of the category's own concepts added to an exchange's text. */
  categoryConcept: number;
  /** Subtracted when the two have already met. */
  alreadyMet: number;
  /** Hubness correction: share of the difference of two profiles' mean best scores (suggest.ts). */
  hubness: number;
  /** Diversity: penalty per earlier suggestion of the same universe and main category. */
  diversity: number;
}

export const ENGINE_VERSION = 'labo-match-1.4.0';

export const WEIGHTS: Readonly<Weights> = {
  category: 1,
  exchangeText: 0.98,
  needInDescription: 1.04,
  offerInDescription: 0,
  kind: 0.43,
  bareEvidence: 1,
  secondNeed: 0.31,
  mutual: 0.23,
  description: 0.5,
  bareDescription: 2.04,
  sameFamilyDescription: 0.5,
  themes: 0.35,
  universe: 0.28,
  proximity: 0.45,
  unknownProximity: 0.3,
  concept: 0.7,
  categoryConcept: 0.5,
  alreadyMet: 0.3,
  diversity: 0.02,
  hubness: 0.5,
};
