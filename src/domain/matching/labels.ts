import type { Category, Theme } from './model.ts';

/** What a facilitator says after "besoin de" / "offre de". */
export const CATEGORY_LABEL: Readonly<Record<Category, string>> = {
  skills: 'compétences',
  volunteers: 'bénévoles',
  money: 'financement',
  equipment: 'matériel',
  premises: 'locaux',
  materials: 'matières et gisements',
  purchasing: 'achats et débouchés',
  visibility: 'visibilité',
  expertise: 'expertise',
  other: 'coopération',
};

export const THEME_LABEL: Readonly<Record<Theme, string>> = {
  'employment and inclusion': 'emploi et insertion',
  'circular economy and waste': 'économie circulaire',
  food: 'alimentation',
  culture: 'culture',
  'education and youth': 'éducation et jeunesse',
  health: 'santé',
  'poverty and solidarity': 'solidarité',
  'environment and biodiversity': 'environnement et biodiversité',
  mobility: 'mobilité',
  digital: 'numérique',
  housing: 'logement',
  disability: 'handicap',
};

/** "de" with French elision before a vowel or a mute h. */
export function de(word: string): string {
  return /^[aeiouyàâéèêëîïôûh]/i.test(word) ? `d’${word}` : `de ${word}`;
}

/** A short quotation of a member's own words, cut at a word boundary. */
export function quote(text: string, max = 60): string {
  const clean = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;:,]+$/, '');
  if (clean.length <= max) return `« ${clean} »`;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `« ${(space > 20 ? cut.slice(0, space) : cut).replace(/[.;:,]+$/, '')}… »`;
}
