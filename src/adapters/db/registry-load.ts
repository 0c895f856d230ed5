import type { UpsertOutcome } from '../../app/directory/ports.ts';
import {
  REGISTRY_COLUMNS,
  textArrayLiteral,
  type RegistryBatch,
} from '../../app/directory/registry-batch.ts';
import type { BulkSession } from './database.ts';

/**
 * Loading a registry file: its rows are copied into a temporary table and merged into
 * `organisations` by set-based statements every few tens of thousands of rows, all in one
 * transaction. A file that turns out malformed at its last line therefore leaves nothing behind,
 * and the file is read once. COPY plus one INSERT … SELECT per chunk costs a fraction of row-wise
 * or batch-wise upserts (measured in bench/import.bench.ts).
 *
 * The staging table's keys come back as arrays and go to the statements on `organisations` as
 * parameters: the planner has no statistics on the staging table, and an `array(select …)`
 * sub-query made it test every row of the lab against every key (43 s on 200,000 rows).
 */

/** Rows staged before they are merged: large enough to amortise each statement, small enough to report progress. */
export const MERGE_EVERY = 20_000;

const STAGING = 'registry_rows';

const STAGING_TABLE = `create temp table ${STAGING} (
  active boolean not null, name text, universe text, siren text, siret text, rna text, naf text,
  naf_section text, headcount_band text, commune_insee text, epci text, departement text, region text,
  latitude double precision, longitude double precision, position_precision text, address text,
  postal_code text, website text, description text, themes text[]
) on commit drop`;

const INSERTED_COLUMNS = REGISTRY_COLUMNS.filter((c) => c !== 'active');

/**
 * The columns a registry owns: an update from SIRENE or the RNA overwrites these, and only these;
 * what a facilitator set by hand (a precise position, a description, a website) is kept.
 */
const ON_CONFLICT_UPDATE = `
  -- A registry without a name for the row keeps the name a facilitator gave.
  name = case when excluded.name = 'Établissement ' || coalesce(excluded.siret, '') then organisations.name else excluded.name end,
  siren = coalesce(excluded.siren, organisations.siren),
  siret = coalesce(excluded.siret, organisations.siret),
  naf = coalesce(excluded.naf, organisations.naf),
  naf_section = coalesce(excluded.naf_section, organisations.naf_section),
  headcount_band = coalesce(excluded.headcount_band, organisations.headcount_band),
  commune_insee = excluded.commune_insee,
  epci = excluded.epci,
  departement = excluded.departement,
  region = excluded.region,
  latitude = case when organisations.position_precision = 'address' then organisations.latitude else excluded.latitude end,
  longitude = case when organisations.position_precision = 'address' then organisations.longitude else excluded.longitude end,
  position_precision = case when organisations.position_precision = 'address' then 'address' else excluded.position_precision end,
  address = excluded.address,
  postal_code = excluded.postal_code,
  website = coalesce(organisations.website, excluded.website),
  description = case when organisations.description = '' then excluded.description else organisations.description end,
  updated_at = now()`;

/**
 * RNA rows: an association already known by its SIRET (from SIRENE or by hand) receives its RNA
 * number instead of becoming a second organisation; a SIRET held by another organisation with a
 * different RNA number, or shared by two rows of the file, is dropped from the row.
 */
async function attachRnaToKnownSirets(session: BulkSession, labId: string): Promise<void> {
  await session.query(`update ${STAGING} set siret = null where siret in (
     select siret from ${STAGING} where active and siret is not null group by siret having count(*) > 1)`);
  const [pairs] = await session.query<{ sirets: string[] | null; rnas: string[] | null }>(
    `select array_agg(siret) as sirets, array_agg(rna) as rnas from ${STAGING} where active and siret is not null`,
  );
  if (!pairs?.sirets || !pairs.rnas) return;
  const params = [labId, textArrayLiteral(pairs.sirets), textArrayLiteral(pairs.rnas)];
  await session.query(
    `update organisations o set rna = p.rna, updated_at = now()
       from unnest($2::text[], $3::text[]) as p(siret, rna)
      where o.lab_id = $1 and o.siret = p.siret and o.rna is null
        and not exists (select 1 from organisations x where x.lab_id = $1 and x.rna = p.rna)`,
    params,
  );
  const [taken] = await session.query<{ sirets: string[] | null }>(
    `select array_agg(o.siret) as sirets
       from organisations o join unnest($2::text[], $3::text[]) as p(siret, rna) on o.siret = p.siret
      where o.lab_id = $1 and o.rna is distinct from p.rna`,
    params,
  );
  if (!taken?.sirets) return;
  await session.query(
    `update ${STAGING} r set siret = null from unnest($1::text[]) as t(siret) where r.siret = t.siret`,
    [textArrayLiteral(taken.sirets)],
  );
}

/** The keys of the staged closed establishments and dissolved associations. */
async function closedKeys(session: BulkSession, key: 'siret' | 'rna'): Promise<string[]> {
  const [closed] = await session.query<{ keys: string[] | null }>(
    `select array_agg(${key}) as keys from ${STAGING} where not active and ${key} is not null`,
  );
  return closed?.keys ?? [];
}

/**
 * Closed establishments and dissolved associations archive the organisations the lab holds; they
 * are never created. Done once at the end: a key appears once in a file, so no row this import
 * creates can be closed by a later chunk, and one statement reads the lab once instead of per chunk.
 */
async function archiveClosed(
  session: BulkSession,
  labId: string,
  key: 'siret' | 'rna',
  keys: readonly string[],
): Promise<number> {
  let total = 0;
  for (let i = 0; i < keys.length; i += 50_000) {
    const [archived] = await session.query<{ archived: number }>(
      `with archived as (
         update organisations set status = 'archived', updated_at = now()
          where lab_id = $1 and ${key} = any($2::text[]) and status = 'active'
         returning 1)
       select count(*)::int as archived from archived`,
      [labId, textArrayLiteral(keys.slice(i, i + 50_000))],
    );
    total += archived?.archived ?? 0;
  }
  return total;
}

function upsertStatement(key: 'siret' | 'rna', source: string): string {
  const columns = INSERTED_COLUMNS.join(', ');
  return `with upserted as (
      insert into organisations (lab_id, ${columns}, source)
      select $1::uuid, ${columns}, '${source}' from ${STAGING} where active
      on conflict (lab_id, ${key}) do update set ${ON_CONFLICT_UPDATE}
      returning (xmax = 0) as inserted)
    select count(*) filter (where inserted)::int as created, count(*) filter (where not inserted)::int as updated
      from upserted`;
}

export async function loadRegistry(
  session: BulkSession,
  labId: string,
  key: 'siret' | 'rna',
  source: 'sirene' | 'rna',
  batches: AsyncIterable<RegistryBatch>,
): Promise<UpsertOutcome> {
  const outcome: UpsertOutcome = { created: 0, updated: 0, archived: 0 };
  await session.query(STAGING_TABLE);
  // The GIN indexes take new entries in their pending lists and fold them in once, at the end.
  await session.query(`set local gin_pending_list_limit = '32MB'`);
  const upsert = upsertStatement(key, source);
  let staged = 0;
  const closed: string[] = [];
  const merge = async () => {
    if (staged === 0) return;
    if (key === 'rna') await attachRnaToKnownSirets(session, labId);
    const [written] = await session.query<{ created: number; updated: number }>(upsert, [labId]);
    outcome.created += written?.created ?? 0;
    outcome.updated += written?.updated ?? 0;
    closed.push(...(await closedKeys(session, key)));
    await session.query(`truncate ${STAGING}`);
    staged = 0;
  };
  for await (const batch of batches) {
    if (batch.rows === 0) continue;
    await session.copyIn(STAGING, REGISTRY_COLUMNS, batch.text);
    staged += batch.rows;
    if (staged >= MERGE_EVERY) await merge();
  }
  await merge();
  outcome.archived = await archiveClosed(session, labId, key, closed);
  return outcome;
}
