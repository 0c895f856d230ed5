import { similarity } from './similarity.ts';

/** The facts duplicate detection compares. */
export interface DuplicateCandidate {
  id: string;
  name: string;
  communeInsee: string | null;
  siret: string | null;
  rna: string | null;
}

export type DuplicateReason = 'same_siret' | 'same_rna' | 'close_name_same_commune';

/** Names at least this similar (pg_trgm similarity) in one commune are flagged. */
export const DUPLICATE_NAME_THRESHOLD = 0.6;

/** Why two organisations look like one, or null when they do not. */
export function duplicateReason(a: DuplicateCandidate, b: DuplicateCandidate): DuplicateReason | null {
  if (a.id === b.id) return null;
  if (a.siret && a.siret === b.siret) return 'same_siret';
  if (a.rna && a.rna === b.rna) return 'same_rna';
  if (
    a.communeInsee &&
    a.communeInsee === b.communeInsee &&
    similarity(a.name, b.name) >= DUPLICATE_NAME_THRESHOLD
  ) {
    return 'close_name_same_commune';
  }
  return null;
}

/** The fields a merge may copy: the kept organisation's own values win, its gaps are filled. */
export interface MergeableFields {
  name: string;
  universe: string;
  description: string;
  siren: string | null;
  siret: string | null;
  rna: string | null;
  naf: string | null;
  headcountBand: string | null;
  communeInsee: string | null;
  address: string | null;
  postalCode: string | null;
  website: string | null;
  themes: string[];
}

/**
 * Fields whose value the facilitator may take from the absorbed organisation instead of the kept
 * one's. `siret` carries the SIREN with it, so the pair never contradicts itself.
 */
export const MERGE_CHOOSABLE_FIELDS = [
  'name',
  'universe',
  'siret',
  'rna',
  'naf',
  'headcountBand',
  'communeInsee',
  'address',
  'postalCode',
  'website',
  'description',
] as const;
export type MergeChoosableField = (typeof MERGE_CHOOSABLE_FIELDS)[number];

/**
 * What the kept organisation becomes when `absorbed` is merged into it: empty fields filled from
 * the absorbed one, themes united, descriptions joined when both say something different.
 * Identifiers move only when the kept one has none, so a merge never invents a conflict.
 * Fields listed in `take` get the absorbed organisation's value instead, as the facilitator chose.
 */
export function mergeFields(
  kept: MergeableFields,
  absorbed: MergeableFields,
  take: readonly MergeChoosableField[] = [],
): Partial<MergeableFields> {
  const patch: Partial<MergeableFields> = {};
  const fill = <K extends Exclude<keyof MergeableFields, 'themes' | 'description'>>(key: K) => {
    if (!kept[key] && absorbed[key]) patch[key] = absorbed[key];
  };
  fill('siren');
  fill('siret');
  fill('rna');
  fill('naf');
  fill('headcountBand');
  fill('communeInsee');
  fill('address');
  fill('postalCode');
  fill('website');
  const themes = [...new Set([...kept.themes, ...absorbed.themes])];
  if (themes.length !== kept.themes.length) patch.themes = themes;
  const a = kept.description.trim();
  const b = absorbed.description.trim();
  if (b && !a.includes(b)) patch.description = a ? `${a}\n\n${b}` : b;
  const copy = <K extends keyof MergeableFields>(key: K) => {
    patch[key] = absorbed[key];
  };
  for (const field of take) {
    copy(field);
    if (field === 'siret') patch.siren = absorbed.siren ?? absorbed.siret?.slice(0, 9) ?? null;
  }
  return patch;
}
