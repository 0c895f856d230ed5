/**
 * The fixed vocabularies of the directory. They live in the domain because import mapping and
 * duplicate detection use them; the contracts re-export them for the API and the web app.
 */

/** Local-challenge themes (*thématiques*), the lab's own list. */
export const THEMES = [
  'employment_inclusion',
  'circular_economy',
  'food',
  'culture',
  'education_youth',
  'health',
  'poverty_solidarity',
  'environment_biodiversity',
  'mobility',
  'digital',
  'housing',
  'disability',
  'sport',
  'energy',
  'ageing',
  'citizenship',
] as const;
export type Theme = (typeof THEMES)[number];

/** What a need or an offer is about (the product's list of resources). */
export const NEED_OFFER_CATEGORIES = [
  'skills',
  'volunteers',
  'money',
  'equipment',
  'premises',
  'materials_waste',
  'purchasing_outlets',
  'visibility',
  'expertise_training',
  'other',
] as const;
export type NeedOfferCategory = (typeof NEED_OFFER_CATEGORIES)[number];

export const NEED_OFFER_KINDS = ['need', 'offer'] as const;
export type NeedOfferKind = (typeof NEED_OFFER_KINDS)[number];

export const NEED_OFFER_STATUSES = ['open', 'in_discussion', 'met', 'withdrawn'] as const;
export type NeedOfferStatus = (typeof NEED_OFFER_STATUSES)[number];

/** GDPR Art. 6(1) bases a contact record may rest on. */
export const LEGAL_BASES = [
  'legitimate_interest',
  'consent',
  'contract',
  'legal_obligation',
  'public_task',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** What a person may consent to (a newsletter and a public listing need consent; contact does not). */
export const CONSENT_PURPOSES = ['newsletter', 'public_listing', 'photos', 'event_communication'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_CHANNELS = ['web_form', 'paper_form', 'email', 'phone', 'event', 'import'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** INSEE tranches d'effectifs salariés (empty in SIRENE means "not known"). */
export const HEADCOUNT_BANDS = [
  { code: 'NN', fr: 'Unité non employeuse', en: 'Non-employer', min: 0, max: 0 },
  { code: '00', fr: '0 salarié', en: '0 employees', min: 0, max: 0 },
  { code: '01', fr: '1 ou 2 salariés', en: '1 or 2 employees', min: 1, max: 2 },
  { code: '02', fr: '3 à 5 salariés', en: '3 to 5 employees', min: 3, max: 5 },
  { code: '03', fr: '6 à 9 salariés', en: '6 to 9 employees', min: 6, max: 9 },
  { code: '11', fr: '10 à 19 salariés', en: '10 to 19 employees', min: 10, max: 19 },
  { code: '12', fr: '20 à 49 salariés', en: '20 to 49 employees', min: 20, max: 49 },
  { code: '21', fr: '50 à 99 salariés', en: '50 to 99 employees', min: 50, max: 99 },
  { code: '22', fr: '100 à 199 salariés', en: '100 to 199 employees', min: 100, max: 199 },
  { code: '31', fr: '200 à 249 salariés', en: '200 to 249 employees', min: 200, max: 249 },
  { code: '32', fr: '250 à 499 salariés', en: '250 to 499 employees', min: 250, max: 499 },
  { code: '41', fr: '500 à 999 salariés', en: '500 to 999 employees', min: 500, max: 999 },
  { code: '42', fr: '1 000 à 1 999 salariés', en: '1,000 to 1,999 employees', min: 1000, max: 1999 },
  { code: '51', fr: '2 000 à 4 999 salariés', en: '2,000 to 4,999 employees', min: 2000, max: 4999 },
  { code: '52', fr: '5 000 à 9 999 salariés', en: '5,000 to 9,999 employees', min: 5000, max: 9999 },
  { code: '53', fr: '10 000 salariés et plus', en: '10,000 employees or more', min: 10000, max: null },
] as const;
export const HEADCOUNT_CODES = HEADCOUNT_BANDS.map((b) => b.code) as unknown as readonly [
  (typeof HEADCOUNT_BANDS)[number]['code'],
  ...(typeof HEADCOUNT_BANDS)[number]['code'][],
];
export type HeadcountBand = (typeof HEADCOUNT_BANDS)[number]['code'];

/** Size groups a filter offers, as sets of INSEE bands (the usual French categories). */
export const SIZE_GROUPS = {
  none: ['NN', '00'],
  micro: ['01', '02', '03'],
  small: ['11', '12'],
  medium: ['21', '22', '31'],
  large: ['32', '41', '42', '51', '52', '53'],
} as const satisfies Record<string, readonly HeadcountBand[]>;
export type SizeGroup = keyof typeof SIZE_GROUPS;
export const SIZE_GROUP_KEYS = Object.keys(SIZE_GROUPS) as [SizeGroup, ...SizeGroup[]];
