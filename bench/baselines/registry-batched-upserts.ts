/**
 * The import's baseline: the method Labo used before (commit 3eb1414), kept here to be timed beside
 * the current one in the same process. The file is read twice on the main thread (a check, then
 * the import), and each batch of 1,000 rows is upserted in its own transaction by one INSERT over
 * `unnest` of one array parameter per column. SIRENE only; the rows are mapped as today.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/adapters/db/database.ts';
import { readCsv } from '../../src/adapters/import/csv-stream.ts';
import type { Territory } from '../../src/app/directory/ports.ts';
import { mapSireneRow, SIRENE_REQUIRED_COLUMNS } from '../../src/domain/directory/import-row.ts';

const pgArray = (values: readonly (string | number | null | undefined)[]) =>
  `{${values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;

type Value = string | number | null;

export async function baselineImport(
  db: Db,
  places: Pick<Territory, 'resolve' | 'departementOfCommune'>,
  file: string,
  labId: string,
  departements: readonly string[],
): Promise<{ rows: number; created: number; seconds: number }> {
  const started = performance.now();
  const csv = { delimiter: ',', encoding: 'utf-8' as const, required: SIRENE_REQUIRED_COLUMNS };
  for await (const _row of readCsv(file, csv)); // the checking pass
  const wanted = new Set(departements);
  let rows = 0;
  let created = 0;
  let batch: Record<string, Value>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const column = (key: string, cast: string) =>
      sql`${pgArray(batch.map((r) => r[key] ?? null))}::${sql.raw(cast)}`;
    const result = await db.transaction((tx) =>
      tx.execute(sql`
        insert into organisations (lab_id, name, universe, siren, siret, naf, naf_section, headcount_band,
          commune_insee, epci, departement, region, latitude, longitude, position_precision, address, postal_code,
          description, themes, source)
        select ${labId}::uuid, name, universe, siren, siret, naf, naf_section, headcount_band, commune_insee, epci,
          departement, region, latitude, longitude, position_precision, address, postal_code, '',
          case when themes = '' then '{}'::text[] else string_to_array(themes, ',') end, 'sirene'
        from unnest(${column('name', 'text[]')}, ${column('universe', 'text[]')}, ${column('siren', 'text[]')},
          ${column('siret', 'text[]')}, ${column('naf', 'text[]')}, ${column('nafSection', 'text[]')},
          ${column('band', 'text[]')}, ${column('commune', 'text[]')}, ${column('epci', 'text[]')},
          ${column('departement', 'text[]')}, ${column('region', 'text[]')}, ${column('latitude', 'float8[]')},
          ${column('longitude', 'float8[]')}, ${column('precision', 'text[]')}, ${column('address', 'text[]')},
          ${column('postalCode', 'text[]')}, ${column('themes', 'text[]')})
          as t(name, universe, siren, siret, naf, naf_section, headcount_band, commune_insee, epci, departement,
            region, latitude, longitude, position_precision, address, postal_code, themes)
        on conflict (lab_id, siret) do update set name = excluded.name, updated_at = now()
        returning (xmax = 0) as inserted`),
    );
    created += (result as unknown as { rows: { inserted: boolean }[] }).rows.filter((r) => r.inserted).length;
    batch = [];
  };
  for await (const { values } of readCsv(file, csv)) {
    rows++;
    const code = (values['codeCommuneEtablissement'] ?? '').trim();
    if (!wanted.has(places.departementOfCommune(code))) continue;
    const mapped = mapSireneRow(values);
    if (!mapped.ok || !mapped.value.active) continue;
    const r = mapped.value;
    const place = r.communeInsee ? places.resolve(r.communeInsee) : undefined;
    batch.push({
      name: r.name,
      universe: r.universe,
      siren: r.siren,
      siret: r.siret,
      naf: r.naf,
      nafSection: r.nafSection,
      band: r.headcountBand,
      commune: place?.communeInsee ?? null,
      epci: place?.epci ?? null,
      departement: place?.departement ?? null,
      region: place?.region ?? null,
      latitude: place?.latitude ?? null,
      longitude: place?.longitude ?? null,
      precision: place?.latitude != null ? 'commune' : null,
      address: r.address,
      postalCode: r.postalCode,
      themes: r.themes.join(','),
    });
    if (batch.length >= 1000) await flush();
  }
  await flush();
  return { rows, created, seconds: (performance.now() - started) / 1000 };
}
