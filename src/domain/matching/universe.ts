import type { Universe } from './model.ts';

type Family = 'company' | 'ess' | 'public' | 'university' | 'foundation' | 'investor';

export const FAMILY: Readonly<Record<Universe, Family>> = {
  association: 'ess',
  cooperative: 'ess',
  'social enterprise': 'ess',
  SME: 'company',
  'large company': 'company',
  entrepreneur: 'company',
  'public body': 'public',
  university: 'university',
  foundation: 'foundation',
  investor: 'investor',
};

// How much a lab values crossing two families (symmetric). The lab's craft is to cross
// universes, so within-family pairs rank lower but are not excluded: two associations do pool.
const CROSSING: Readonly<Record<Family, Record<Family, number>>> = {
  company: { company: 0.4, ess: 1, public: 0.6, university: 0.7, foundation: 0.4, investor: 0.5 },
  ess: { company: 1, ess: 0.5, public: 0.8, university: 0.7, foundation: 0.9, investor: 0.8 },
  public: { company: 0.6, ess: 0.8, public: 0.3, university: 0.7, foundation: 0.5, investor: 0.6 },
  university: { company: 0.7, ess: 0.7, public: 0.7, university: 0.2, foundation: 0.5, investor: 0.4 },
  foundation: { company: 0.4, ess: 0.9, public: 0.5, university: 0.5, foundation: 0.1, investor: 0.3 },
  investor: { company: 0.5, ess: 0.8, public: 0.6, university: 0.4, foundation: 0.3, investor: 0.1 },
};

/** In [0, 1]: how much a lab values putting these two universes together. */
export function crossing(a: Universe, b: Universe): number {
  return CROSSING[FAMILY[a]][FAMILY[b]];
}

export function isSameFamily(a: Universe, b: Universe): boolean {
  return FAMILY[a] === FAMILY[b];
}

/** French labels for the "why" sentences, as a facilitator would say them. */
export const UNIVERSE_LABEL: Readonly<Record<Universe, string>> = {
  association: 'association',
  cooperative: 'coopérative',
  'social enterprise': 'entreprise sociale',
  SME: 'PME',
  'large company': 'grande entreprise',
  entrepreneur: 'entrepreneur',
  'public body': 'collectivité',
  university: 'université',
  foundation: 'fondation',
  investor: 'investisseur',
};
