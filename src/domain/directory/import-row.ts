import { parseRna, parseSiren, parseSiret, sirenOf } from './identifiers.ts';
import { nafSectionOf, parseNaf } from './naf.ts';
import { HEADCOUNT_CODES, THEMES, type HeadcountBand, type Theme } from './vocabulary.ts';

/**
 * Rows of registry files (SIRENE StockEtablissement, RNA rna_waldec / rna_import) and of a lab's
 * own spreadsheets, mapped to one shape at the edge. Columns are read by name, never by position.
 * A mapping either gives an organisation or every problem of the row with its column.
 */

export type ImportUniverse =
  | 'association'
  | 'cooperative'
  | 'social_enterprise'
  | 'sme'
  | 'large_company'
  | 'entrepreneur'
  | 'public_body'
  | 'university'
  | 'foundation'
  | 'investor';

export interface ImportedContact {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  role: string | null;
}

export interface ImportedOrganisation {
  name: string;
  /** True when the registry gave no name and one was made from the identifier. */
  namePlaceholder: boolean;
  universe: ImportUniverse;
  siren: string | null;
  siret: string | null;
  rna: string | null;
  naf: string | null;
  nafSection: string | null;
  headcountBand: HeadcountBand | null;
  /** As written in the file; the importer resolves it against the official geography. */
  communeInsee: string | null;
  address: string | null;
  postalCode: string | null;
  website: string | null;
  description: string;
  themes: Theme[];
  /** False for a closed establishment or a dissolved association. */
  active: boolean;
  contact: ImportedContact | null;
}

export type RejectionReason =
  | 'missing_value'
  | 'siret_invalid'
  | 'siren_invalid'
  | 'siret_siren_mismatch'
  | 'rna_invalid'
  | 'naf_invalid'
  | 'headcount_invalid'
  | 'commune_invalid'
  | 'commune_unknown'
  | 'universe_unknown'
  | 'theme_unknown'
  | 'email_invalid'
  | 'duplicate_in_file';

export interface RowProblem {
  column: string;
  reason: RejectionReason;
  value: string;
}

export type MappedRow = { ok: true; value: ImportedOrganisation } | { ok: false; problems: RowProblem[] };

/** Messages of the rejection report, in French first. */
export const REJECTION_MESSAGES: Record<RejectionReason, { fr: string; en: string }> = {
  missing_value: { fr: 'valeur obligatoire absente', en: 'required value missing' },
  siret_invalid: {
    fr: 'SIRET invalide (14 chiffres, clé de Luhn)',
    en: 'invalid SIRET (14 digits, Luhn key)',
  },
  siren_invalid: { fr: 'SIREN invalide (9 chiffres, clé de Luhn)', en: 'invalid SIREN (9 digits, Luhn key)' },
  siret_siren_mismatch: {
    fr: 'le SIRET ne commence pas par le SIREN',
    en: 'the SIRET does not start with the SIREN',
  },
  rna_invalid: {
    fr: 'numéro RNA invalide (W suivi de 9 caractères)',
    en: 'invalid RNA number (W and 9 characters)',
  },
  naf_invalid: { fr: 'code NAF invalide (ex. 62.01Z)', en: 'invalid NAF code (e.g. 62.01Z)' },
  headcount_invalid: { fr: "tranche d'effectifs INSEE inconnue", en: 'unknown INSEE headcount band' },
  commune_invalid: { fr: 'code commune INSEE mal formé', en: 'malformed INSEE commune code' },
  commune_unknown: { fr: 'code commune INSEE inconnu', en: 'unknown INSEE commune code' },
  universe_unknown: { fr: "type d'acteur inconnu", en: 'unknown kind of actor' },
  theme_unknown: { fr: 'thématique inconnue', en: 'unknown theme' },
  email_invalid: { fr: 'adresse e-mail invalide', en: 'invalid e-mail address' },
  duplicate_in_file: {
    fr: 'identifiant déjà présent plus haut dans le fichier',
    en: 'identifier already present earlier in the file',
  },
};

export type Row = Readonly<Record<string, string | undefined>>;

const value = (row: Row, column: string): string => (row[column] ?? '').trim();
const orNull = (text: string): string | null => (text === '' ? null : text);
const COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/;

const STREET_TYPES: Record<string, string> = {
  ALL: 'allée',
  AV: 'avenue',
  BD: 'boulevard',
  CHE: 'chemin',
  CRS: 'cours',
  FG: 'faubourg',
  IMP: 'impasse',
  PL: 'place',
  PROM: 'promenade',
  QUA: 'quartier',
  QU: 'quai',
  RTE: 'route',
  RUE: 'rue',
  SQ: 'square',
  VOIE: 'voie',
  ZA: 'zone artisanale',
  ZI: 'zone industrielle',
};

function joinAddress(parts: (string | null | undefined)[]): string | null {
  const text = parts
    .filter((p): p is string => !!p && p !== '_')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? null : text;
}

/** Themes suggested by the activity, so imported actors can be filtered before anyone edits them. */
export function themesOfNaf(naf: string | null): Theme[] {
  if (!naf) return [];
  const division = Number(naf.slice(0, 2));
  const byDivision: [number, number, Theme][] = [
    [10, 11, 'food'],
    [35, 35, 'energy'],
    [38, 39, 'circular_economy'],
    [49, 53, 'mobility'],
    [56, 56, 'food'],
    [58, 63, 'digital'],
    [68, 68, 'housing'],
    [78, 78, 'employment_inclusion'],
    [85, 85, 'education_youth'],
    [86, 86, 'health'],
    [87, 88, 'poverty_solidarity'],
    [90, 91, 'culture'],
    [93, 93, 'sport'],
  ];
  return byDivision.filter(([from, to]) => division >= from && division <= to).map(([, , theme]) => theme);
}

/**
 * The establishment file carries no legal category, so the kind of actor is inferred from the
 * activity and the size: membership organisations (94) are associations, public administration
 * (84) public bodies, higher education (85.4) universities, funds (64.30) investors, and 250
 * employees or more a large company. A facilitator corrects the rest by hand.
 */
export function universeOfEstablishment(naf: string | null, band: HeadcountBand | null): ImportUniverse {
  if (naf?.startsWith('94')) return 'association';
  if (naf?.startsWith('84')) return 'public_body';
  if (naf?.startsWith('85.4')) return 'university';
  if (naf === '64.30Z' || naf === '64.20Z') return 'investor';
  if (band && ['32', '41', '42', '51', '52', '53'].includes(band)) return 'large_company';
  return 'sme';
}

function checkHeadcount(raw: string, column: string, problems: RowProblem[]): HeadcountBand | null {
  if (raw === '') return null;
  if ((HEADCOUNT_CODES as readonly string[]).includes(raw)) return raw as HeadcountBand;
  problems.push({ column, reason: 'headcount_invalid', value: raw });
  return null;
}

function checkNaf(raw: string, column: string, problems: RowProblem[]): string | null {
  if (raw === '') return null;
  const naf = parseNaf(raw);
  if (!naf) problems.push({ column, reason: 'naf_invalid', value: raw });
  return naf;
}

function checkCommune(raw: string, column: string, problems: RowProblem[]): string | null {
  if (raw === '') return null;
  const code = raw.toUpperCase();
  if (!COMMUNE_CODE.test(code)) {
    problems.push({ column, reason: 'commune_invalid', value: raw });
    return null;
  }
  return code;
}

/** The columns of StockEtablissement this import needs (the file has 53 or 54). */
export const SIRENE_REQUIRED_COLUMNS = [
  'siren',
  'siret',
  'trancheEffectifsEtablissement',
  'etatAdministratifEtablissement',
  'codeCommuneEtablissement',
  'activitePrincipaleEtablissement',
  'nomenclatureActivitePrincipaleEtablissement',
] as const;

/**
 * Every column `mapSireneRow` reads: the file reader keeps only these of the file's 53, which
 * spares most of the per-row work on a national file (a unit test checks the list).
 */
export const SIRENE_COLUMNS_READ = [
  ...SIRENE_REQUIRED_COLUMNS,
  'denominationUsuelleEtablissement',
  'enseigne1Etablissement',
  'enseigne2Etablissement',
  'enseigne3Etablissement',
  'numeroVoieEtablissement',
  'indiceRepetitionEtablissement',
  'typeVoieEtablissement',
  'libelleVoieEtablissement',
  'codePostalEtablissement',
] as const;

/** One row of INSEE's StockEtablissement file. */
export function mapSireneRow(row: Row): MappedRow {
  const problems: RowProblem[] = [];
  const rawSiret = value(row, 'siret');
  const rawSiren = value(row, 'siren');
  let siret: string | null = null;
  let siren: string | null = null;
  if (rawSiret === '') problems.push({ column: 'siret', reason: 'missing_value', value: '' });
  else {
    const parsed = parseSiret(rawSiret);
    if (parsed.ok) siret = parsed.value;
    else problems.push({ column: 'siret', reason: 'siret_invalid', value: rawSiret });
  }
  if (rawSiren !== '') {
    const parsed = parseSiren(rawSiren);
    if (!parsed.ok) problems.push({ column: 'siren', reason: 'siren_invalid', value: rawSiren });
    else if (siret && sirenOf(siret as Parameters<typeof sirenOf>[0]) !== parsed.value) {
      problems.push({ column: 'siret', reason: 'siret_siren_mismatch', value: rawSiret });
    } else siren = parsed.value;
  }
  // NAF 2008 (rév. 2) only: older nomenclatures (NAFRev1, NAF1993) have other codes.
  const nomenclature = value(row, 'nomenclatureActivitePrincipaleEtablissement');
  const rawNaf = value(row, 'activitePrincipaleEtablissement');
  const naf =
    nomenclature === '' || nomenclature === 'NAFRev2'
      ? checkNaf(rawNaf, 'activitePrincipaleEtablissement', problems)
      : null;
  const band = checkHeadcount(
    value(row, 'trancheEffectifsEtablissement'),
    'trancheEffectifsEtablissement',
    problems,
  );
  const commune = checkCommune(value(row, 'codeCommuneEtablissement'), 'codeCommuneEtablissement', problems);
  if (problems.length > 0 || !siret) return { ok: false, problems };

  const masked = (text: string) => (text === '[ND]' ? '' : text);
  const name =
    [
      value(row, 'denominationUsuelleEtablissement'),
      value(row, 'enseigne1Etablissement'),
      value(row, 'enseigne2Etablissement'),
      value(row, 'enseigne3Etablissement'),
    ]
      .map(masked)
      .find((n) => n !== '') ?? null;
  const streetType = value(row, 'typeVoieEtablissement');
  const address = joinAddress([
    masked(value(row, 'numeroVoieEtablissement')),
    masked(value(row, 'indiceRepetitionEtablissement')).toLowerCase(),
    STREET_TYPES[streetType] ?? streetType.toLowerCase(),
    masked(value(row, 'libelleVoieEtablissement')),
  ]);
  return {
    ok: true,
    value: {
      name: name ?? `Établissement ${siret}`,
      namePlaceholder: name === null,
      universe: universeOfEstablishment(naf, band),
      siren: siren ?? siret.slice(0, 9),
      siret,
      rna: null,
      naf,
      nafSection: naf ? nafSectionOf(naf) : null,
      headcountBand: band,
      communeInsee: commune,
      address,
      postalCode: orNull(masked(value(row, 'codePostalEtablissement'))),
      website: null,
      description: '',
      themes: themesOfNaf(naf),
      active: value(row, 'etatAdministratifEtablissement') !== 'F',
      contact: null,
    },
  };
}

/** Columns common to rna_waldec (39 or 41 columns) and rna_import (26 columns). */
export const RNA_REQUIRED_COLUMNS = ['id', 'titre', 'adrs_codeinsee', 'position'] as const;

/** One row of the RNA (rna_waldec or rna_import layout, told apart by their columns). */
export function mapRnaRow(row: Row): MappedRow {
  const problems: RowProblem[] = [];
  const rawId = value(row, 'id');
  let rna: string | null = null;
  if (rawId === '') problems.push({ column: 'id', reason: 'missing_value', value: '' });
  else {
    // rna_import ids are préfecture numbers (751P00085568); their W number, when known, is in
    // `observation`. A row with neither is rejected: the RNA number is the import's key.
    const parsed = parseRna(rawId);
    const fromObservation = /\bW[0-9][0-9A-Z]\d{7}\b/.exec(value(row, 'observation').toUpperCase())?.[0];
    const fallback = !parsed.ok && fromObservation ? parseRna(fromObservation) : undefined;
    if (parsed.ok) rna = parsed.value;
    else if (fallback?.ok) rna = fallback.value;
    else problems.push({ column: 'id', reason: 'rna_invalid', value: rawId });
  }
  const rawSiret = value(row, 'siret');
  let siret: string | null = null;
  if (rawSiret !== '') {
    const parsed = parseSiret(rawSiret);
    if (parsed.ok) siret = parsed.value;
    else problems.push({ column: 'siret', reason: 'siret_invalid', value: rawSiret });
  }
  const name = value(row, 'titre');
  if (name === '') problems.push({ column: 'titre', reason: 'missing_value', value: '' });
  const commune = checkCommune(value(row, 'adrs_codeinsee'), 'adrs_codeinsee', problems);
  if (problems.length > 0 || !rna) return { ok: false, problems };

  const waldec = 'adrs_libvoie' in row;
  const address = waldec
    ? joinAddress([
        value(row, 'adrs_numvoie'),
        value(row, 'adrs_repetition').toLowerCase(),
        (STREET_TYPES[value(row, 'adrs_typevoie')] ?? value(row, 'adrs_typevoie').toLowerCase()) || null,
        value(row, 'adrs_libvoie'),
      ])
    : joinAddress([value(row, 'adr1'), value(row, 'adr2'), value(row, 'adr3')]);
  const website = value(row, 'siteweb');
  return {
    ok: true,
    value: {
      name,
      namePlaceholder: false,
      universe: 'association',
      siren: siret ? siret.slice(0, 9) : null,
      siret,
      rna,
      naf: null,
      nafSection: null,
      headcountBand: null,
      communeInsee: commune,
      address,
      postalCode: orNull(value(row, 'adrs_codepostal')),
      website: /^https?:\/\//i.test(website) ? website : website !== '' ? `https://${website}` : null,
      description: value(row, 'objet'),
      themes: [],
      // A (active); D dissolved, S deleted, R taken over: no longer an actor to meet.
      active: value(row, 'position') === 'A' || value(row, 'position') === '',
      contact: null,
    },
  };
}

/** The fields a lab's spreadsheet can fill, which its columns are mapped onto. */
export const SPREADSHEET_FIELDS = [
  'name',
  'universe',
  'siret',
  'siren',
  'rna',
  'communeInsee',
  'address',
  'postalCode',
  'website',
  'description',
  'naf',
  'headcountBand',
  'themes',
  'contactFirstName',
  'contactLastName',
  'contactEmail',
  'contactPhone',
  'contactRole',
] as const;
export type SpreadsheetField = (typeof SPREADSHEET_FIELDS)[number];
export type ColumnMapping = Partial<Record<SpreadsheetField, string>>;

/** Words a spreadsheet may use for each kind of actor, folded (no accents, lower case). */
const UNIVERSE_WORDS: [ImportUniverse, string[]][] = [
  ['association', ['association', 'asso', 'assoc']],
  ['cooperative', ['cooperative', 'scop', 'scic', 'coop']],
  [
    'social_enterprise',
    ['social_enterprise', 'entreprise sociale', 'entreprise d insertion', 'siae', 'esus'],
  ],
  ['sme', ['sme', 'pme', 'tpe', 'entreprise', 'eti']],
  ['large_company', ['large_company', 'grande entreprise', 'grand groupe', 'groupe']],
  ['entrepreneur', ['entrepreneur', 'independant', 'auto entrepreneur', 'micro entrepreneur']],
  [
    'public_body',
    [
      'public_body',
      'collectivite',
      'commune',
      'mairie',
      'service de l etat',
      'etablissement public',
      'public',
    ],
  ],
  ['university', ['university', 'universite', 'ecole', 'enseignement superieur']],
  ['foundation', ['foundation', 'fondation', 'fonds de dotation']],
  ['investor', ['investor', 'investisseur', 'financeur', 'banque']],
];

const foldWord = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export function parseUniverse(raw: string): ImportUniverse | null {
  const word = foldWord(raw);
  for (const [universe, words] of UNIVERSE_WORDS) if (words.includes(word)) return universe;
  return null;
}

/** Column headers recognised without help, by field (folded). */
const HEADER_GUESSES: Record<SpreadsheetField, string[]> = {
  name: ['nom', 'name', 'raison sociale', 'denomination', 'organisation', 'structure'],
  universe: ['type', 'universe', 'univers', 'categorie', 'type d acteur'],
  siret: ['siret'],
  siren: ['siren'],
  rna: ['rna', 'numero rna'],
  communeInsee: ['code insee', 'commune insee', 'insee', 'code commune', 'communeinsee'],
  address: ['adresse', 'address'],
  postalCode: ['code postal', 'cp', 'postal code'],
  website: ['site', 'site web', 'website', 'site internet'],
  description: ['description', 'activite', 'presentation'],
  naf: ['naf', 'code naf', 'ape', 'code ape'],
  headcountBand: ['tranche effectifs', 'effectif', 'tranche d effectifs'],
  themes: ['themes', 'thematiques', 'theme'],
  contactFirstName: ['prenom', 'contact prenom', 'first name'],
  contactLastName: ['nom du contact', 'contact nom', 'last name', 'nom contact'],
  contactEmail: ['email', 'e mail', 'courriel', 'mail'],
  contactPhone: ['telephone', 'tel', 'phone'],
  contactRole: ['fonction', 'role', 'poste'],
};

/** A first column mapping from the headers, which the facilitator then corrects. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  for (const field of SPREADSHEET_FIELDS) {
    const header = headers.find((h) => !used.has(h) && HEADER_GUESSES[field].includes(foldWord(h)));
    if (header) {
      mapping[field] = header;
      used.add(header);
    }
  }
  return mapping;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** One row of a lab's own spreadsheet, through the facilitator's column mapping. */
export function mapSpreadsheetRow(row: Row, mapping: ColumnMapping): MappedRow {
  const problems: RowProblem[] = [];
  const get = (field: SpreadsheetField) => (mapping[field] ? value(row, mapping[field]) : '');
  const col = (field: SpreadsheetField) => mapping[field] ?? field;

  const name = get('name');
  if (name === '') problems.push({ column: col('name'), reason: 'missing_value', value: '' });
  const rawUniverse = get('universe');
  let universe: ImportUniverse | null = null;
  if (rawUniverse === '') problems.push({ column: col('universe'), reason: 'missing_value', value: '' });
  else {
    universe = parseUniverse(rawUniverse);
    if (!universe) problems.push({ column: col('universe'), reason: 'universe_unknown', value: rawUniverse });
  }
  let siret: string | null = null;
  let siren: string | null = null;
  let rna: string | null = null;
  if (get('siret') !== '') {
    const parsed = parseSiret(get('siret'));
    if (parsed.ok) siret = parsed.value;
    else problems.push({ column: col('siret'), reason: 'siret_invalid', value: get('siret') });
  }
  if (get('siren') !== '') {
    const parsed = parseSiren(get('siren'));
    if (!parsed.ok) problems.push({ column: col('siren'), reason: 'siren_invalid', value: get('siren') });
    else if (siret && siret.slice(0, 9) !== parsed.value) {
      problems.push({ column: col('siret'), reason: 'siret_siren_mismatch', value: get('siret') });
    } else siren = parsed.value;
  }
  if (get('rna') !== '') {
    const parsed = parseRna(get('rna'));
    if (parsed.ok) rna = parsed.value;
    else problems.push({ column: col('rna'), reason: 'rna_invalid', value: get('rna') });
  }
  const naf = checkNaf(get('naf'), col('naf'), problems);
  const band = checkHeadcount(
    get('headcountBand').padStart(get('headcountBand') === '' ? 0 : 2, '0'),
    col('headcountBand'),
    problems,
  );
  const commune = checkCommune(get('communeInsee'), col('communeInsee'), problems);
  const themes: Theme[] = [];
  for (const raw of get('themes')
    .split(/[,;|]/)
    .map((t) => t.trim())
    .filter(Boolean)) {
    if ((THEMES as readonly string[]).includes(raw)) themes.push(raw as Theme);
    else problems.push({ column: col('themes'), reason: 'theme_unknown', value: raw });
  }
  const email = get('contactEmail');
  if (email !== '' && !EMAIL.test(email))
    problems.push({ column: col('contactEmail'), reason: 'email_invalid', value: email });
  if (problems.length > 0 || !universe) return { ok: false, problems };

  const lastName = get('contactLastName');
  const website = get('website');
  return {
    ok: true,
    value: {
      name,
      namePlaceholder: false,
      universe,
      siren: siren ?? (siret ? siret.slice(0, 9) : null),
      siret,
      rna,
      naf,
      nafSection: naf ? nafSectionOf(naf) : null,
      headcountBand: band,
      communeInsee: commune,
      address: orNull(get('address')),
      postalCode: orNull(get('postalCode')),
      website: website === '' ? null : /^https?:\/\//i.test(website) ? website : `https://${website}`,
      description: get('description'),
      themes,
      active: true,
      contact:
        lastName !== '' || email !== ''
          ? {
              firstName: get('contactFirstName'),
              lastName: lastName || email.split('@')[0] || '',
              email: orNull(email),
              phone: orNull(get('contactPhone')),
              role: orNull(get('contactRole')),
            }
          : null,
    },
  };
}
