/**
 * NAF rév. 2: sections A–U and the division ranges that make them (INSEE nomenclature; the
 * shared data has no division → section file, so the ranges are written here once).
 */
export const NAF_SECTIONS = [
  {
    code: 'A',
    from: 1,
    to: 3,
    fr: 'Agriculture, sylviculture et pêche',
    en: 'Agriculture, forestry and fishing',
  },
  { code: 'B', from: 5, to: 9, fr: 'Industries extractives', en: 'Mining and quarrying' },
  { code: 'C', from: 10, to: 33, fr: 'Industrie manufacturière', en: 'Manufacturing' },
  {
    code: 'D',
    from: 35,
    to: 35,
    fr: "Production et distribution d'électricité, de gaz, de vapeur et d'air conditionné",
    en: 'Electricity, gas, steam and air conditioning supply',
  },
  {
    code: 'E',
    from: 36,
    to: 39,
    fr: "Production et distribution d'eau ; assainissement, gestion des déchets et dépollution",
    en: 'Water supply; sewerage, waste management and remediation',
  },
  { code: 'F', from: 41, to: 43, fr: 'Construction', en: 'Construction' },
  {
    code: 'G',
    from: 45,
    to: 47,
    fr: "Commerce ; réparation d'automobiles et de motocycles",
    en: 'Wholesale and retail trade; repair of motor vehicles',
  },
  { code: 'H', from: 49, to: 53, fr: 'Transports et entreposage', en: 'Transportation and storage' },
  { code: 'I', from: 55, to: 56, fr: 'Hébergement et restauration', en: 'Accommodation and food service' },
  { code: 'J', from: 58, to: 63, fr: 'Information et communication', en: 'Information and communication' },
  {
    code: 'K',
    from: 64,
    to: 66,
    fr: "Activités financières et d'assurance",
    en: 'Financial and insurance activities',
  },
  { code: 'L', from: 68, to: 68, fr: 'Activités immobilières', en: 'Real estate activities' },
  {
    code: 'M',
    from: 69,
    to: 75,
    fr: 'Activités spécialisées, scientifiques et techniques',
    en: 'Professional, scientific and technical activities',
  },
  {
    code: 'N',
    from: 77,
    to: 82,
    fr: 'Activités de services administratifs et de soutien',
    en: 'Administrative and support service activities',
  },
  { code: 'O', from: 84, to: 84, fr: 'Administration publique', en: 'Public administration' },
  { code: 'P', from: 85, to: 85, fr: 'Enseignement', en: 'Education' },
  { code: 'Q', from: 86, to: 88, fr: 'Santé humaine et action sociale', en: 'Human health and social work' },
  {
    code: 'R',
    from: 90,
    to: 93,
    fr: 'Arts, spectacles et activités récréatives',
    en: 'Arts, entertainment and recreation',
  },
  { code: 'S', from: 94, to: 96, fr: 'Autres activités de services', en: 'Other service activities' },
  {
    code: 'T',
    from: 97,
    to: 98,
    fr: 'Activités des ménages en tant qu’employeurs',
    en: 'Activities of households as employers',
  },
  { code: 'U', from: 99, to: 99, fr: 'Activités extra-territoriales', en: 'Extraterritorial organisations' },
] as const;
export type NafSection = (typeof NAF_SECTIONS)[number]['code'];
export const NAF_SECTION_CODES = NAF_SECTIONS.map((s) => s.code) as unknown as readonly [
  NafSection,
  ...NafSection[],
];

/** A NAF rév. 2 sous-classe as SIRENE writes it (`62.01Z`); `6201Z` is accepted and dotted. */
export function parseNaf(input: string): string | null {
  const compact = input.trim().toUpperCase().replace(/[\s.]/g, '');
  if (!/^\d{4}[A-Z]$/.test(compact)) return null;
  return `${compact.slice(0, 2)}.${compact.slice(2)}`;
}

/** The section of a NAF code (any level from the division down), or null when the division is unknown. */
export function nafSectionOf(code: string): NafSection | null {
  const division = Number(code.slice(0, 2));
  if (!Number.isInteger(division)) return null;
  return NAF_SECTIONS.find((s) => division >= s.from && division <= s.to)?.code ?? null;
}
