import type { ImportedWithPlace } from './ports.ts';

/**
 * Registry rows travel from the file reader (a worker thread) to the database as lines of
 * PostgreSQL's COPY text format: one string per batch crosses the thread boundary cheaply, and the
 * database loads it with COPY instead of parsing thousands of bound parameters.
 */

/** The staged columns, in the order of each line. */
export const REGISTRY_COLUMNS = [
  'active',
  'name',
  'universe',
  'siren',
  'siret',
  'rna',
  'naf',
  'naf_section',
  'headcount_band',
  'commune_insee',
  'epci',
  'departement',
  'region',
  'latitude',
  'longitude',
  'position_precision',
  'address',
  'postal_code',
  'website',
  'description',
  'themes',
] as const;

export interface RegistryBatch {
  /** Number of lines in `text`. */
  rows: number;
  /** Lines in COPY text format, each ending with a newline, columns as in REGISTRY_COLUMNS. */
  text: string;
}

type Cell = string | number | boolean | null | undefined;

const SPECIAL = /[\\\t\n\r]/;

/** One value in COPY text format: `\N` for null, backslash escapes for the four special characters. */
export function copyCell(value: Cell): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = String(value);
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** A PostgreSQL text[] literal, every element quoted (themes in COPY lines, keys sent as one parameter). */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** The COPY line of one registry row, newline included. */
export function registryLine(row: ImportedWithPlace): string {
  const place = row.place;
  const cells: Cell[] = [
    row.active,
    row.name,
    row.universe,
    row.siren,
    row.siret,
    row.rna,
    row.naf,
    row.nafSection,
    row.headcountBand,
    place?.communeInsee ?? null,
    place?.epci ?? null,
    place?.departement ?? null,
    place?.region ?? null,
    place?.latitude ?? null,
    place?.longitude ?? null,
    place?.latitude != null ? 'commune' : null,
    row.address,
    row.postalCode,
    row.website,
    row.description,
    textArrayLiteral(row.themes),
  ];
  return `${cells.map(copyCell).join('\t')}\n`;
}

/** Batches of lines, for callers that already hold the rows in memory (tests, small files). */
export function registryBatch(rows: readonly ImportedWithPlace[]): RegistryBatch {
  return { rows: rows.length, text: rows.map(registryLine).join('') };
}
