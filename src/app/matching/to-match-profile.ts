import type { Universe as DirectoryUniverse } from '../../contracts/organisations.ts';
import type { Category, Exchange, MatchProfile, Theme, Universe } from '../../domain/matching/model.ts';

const UNIVERSE: Readonly<Record<DirectoryUniverse, Universe>> = {
  association: 'association',
  cooperative: 'cooperative',
  social_enterprise: 'social enterprise',
  sme: 'SME',
  large_company: 'large company',
  entrepreneur: 'entrepreneur',
  public_body: 'public body',
  university: 'university',
  foundation: 'foundation',
  investor: 'investor',
};

const DIRECTORY_UNIVERSE = new Map<Universe, DirectoryUniverse>(
  Object.entries(UNIVERSE).map(([directory, match]) => [match, directory as DirectoryUniverse]),
);

/** The directory's universe of an engine profile (the two vocabularies name the same ten universes). */
export function directoryUniverse(universe: Universe): DirectoryUniverse {
  const found = DIRECTORY_UNIVERSE.get(universe);
  if (!found) throw new Error(`unknown universe ${universe}`);
  return found;
}

const CATEGORY: Readonly<Record<string, Category>> = {
  skills: 'skills',
  volunteers: 'volunteers',
  money: 'money',
  equipment: 'equipment',
  premises: 'premises',
  materials_waste: 'materials',
  purchasing_outlets: 'purchasing',
  visibility: 'visibility',
  expertise_training: 'expertise',
  other: 'other',
};

// The directory's themes the engine knows; the others (sport, energy…) carry no matching signal yet.
const THEME: Readonly<Record<string, Theme>> = {
  employment_inclusion: 'employment and inclusion',
  circular_economy: 'circular economy and waste',
  food: 'food',
  culture: 'culture',
  education_youth: 'education and youth',
  health: 'health',
  poverty_solidarity: 'poverty and solidarity',
  environment_biodiversity: 'environment and biodiversity',
  mobility: 'mobility',
  digital: 'digital',
  housing: 'housing',
  disability: 'disability',
};

export interface DirectoryProfile {
  id: string;
  name: string;
  universe: DirectoryUniverse;
  communeInsee: string | null;
  description: string;
  themes: readonly string[];
  exchanges: readonly { kind: 'need' | 'offer'; category: string; title: string; description: string }[];
}

function exchange(e: DirectoryProfile['exchanges'][number]): Exchange {
  const text = [e.title, e.description].filter((t) => t.trim().length > 0).join(' — ');
  return { category: CATEGORY[e.category] ?? 'other', ...(text ? { text } : {}) };
}

/** The directory's organisation as the matching engine reads it (its own vocabulary, in English). */
export function toMatchProfile(profile: DirectoryProfile): MatchProfile {
  return {
    id: profile.id,
    name: profile.name,
    universe: UNIVERSE[profile.universe],
    insee: profile.communeInsee,
    description: profile.description,
    needs: profile.exchanges.filter((e) => e.kind === 'need').map(exchange),
    offers: profile.exchanges.filter((e) => e.kind === 'offer').map(exchange),
    themes: profile.themes.flatMap((t) => (THEME[t] ? [THEME[t]] : [])),
  };
}
