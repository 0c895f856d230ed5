/**
 * The matching engine's vocabulary of plain data. Universes, categories and themes are the
 * directory's closed lists (issue 11); a profile is what an organisation says about itself.
 */
export const UNIVERSES = [
  'association',
  'cooperative',
  'social enterprise',
  'SME',
  'large company',
  'entrepreneur',
  'public body',
  'university',
  'foundation',
  'investor',
] as const;
export type Universe = (typeof UNIVERSES)[number];

export const CATEGORIES = [
  'skills',
  'volunteers',
  'money',
  'equipment',
  'premises',
  'materials',
  'purchasing',
  'visibility',
  'expertise',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const THEMES = [
  'employment and inclusion',
  'circular economy and waste',
  'food',
  'culture',
  'education and youth',
  'health',
  'poverty and solidarity',
  'environment and biodiversity',
  'mobility',
  'digital',
  'housing',
  'disability',
] as const;
export type Theme = (typeof THEMES)[number];

/** Le Rameau's typology, in the French words the lab uses with its members. */
export const PARTNERSHIP_TYPES = [
  'mécénat',
  'pratiques responsables',
  'coopération économique',
  'innovation sociétale',
] as const;
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];

/** A need or an offer; the text is often missing because members only tick the category. */
export interface Exchange {
  category: Category;
  text?: string;
}

export interface MatchProfile {
  id: string;
  name: string;
  universe: Universe;
  /** INSEE commune code, or null when unknown. */
  insee: string | null;
  description: string;
  needs: Exchange[];
  offers: Exchange[];
  themes: Theme[];
  /** Ids it already works with: never suggested again. */
  partners?: string[];
  /** Ids it has already met (an event, a speed-dating): still suggested, with less weight. */
  met?: string[];
  /** The establishment's own coordinates (e.g. SIRENE's), more precise than the commune centre. */
  lat?: number;
  lon?: number;
}

/** Where a commune sits in the official geography; coordinates only when a source gave them. */
export interface Place {
  commune: string;
  epci?: string;
  dep: string;
  region: string;
  lat?: number;
  lon?: number;
}

/** Built by an adapter (the official geography package); the domain never reads files. */
export type GeoLookup = (insee: string) => Place | undefined;

export interface Suggestion {
  id: string;
  score: number;
  type: PartnershipType;
  why: string;
}

export type Mode = 'complementary' | 'improbable';
