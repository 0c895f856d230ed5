import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { OrganisationListQuery } from '../../contracts/organisations.ts';
import type { OrganisationRecord, OrganisationRepository, OrganisationWrite } from '../../app/ports.ts';
import { parseSearchQuery } from '../../domain/directory/search-query.ts';
import { SIZE_GROUPS } from '../../domain/directory/vocabulary.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Db } from './database.ts';
import { rethrowDuplicate } from './errors.ts';
import { rowsOf } from './references.ts';
import { needsOffers, organisations } from './schema.ts';

type Row = typeof organisations.$inferSelect;

/** The columns a record needs (the search vector, folded name and copied text stay in the database). */
export const recordColumns = {
  id: organisations.id,
  labId: organisations.labId,
  name: organisations.name,
  universe: organisations.universe,
  communeInsee: organisations.communeInsee,
  siren: organisations.siren,
  siret: organisations.siret,
  rna: organisations.rna,
  description: organisations.description,
  status: organisations.status,
  naf: organisations.naf,
  nafSection: organisations.nafSection,
  headcountBand: organisations.headcountBand,
  epci: organisations.epci,
  departement: organisations.departement,
  region: organisations.region,
  address: organisations.address,
  postalCode: organisations.postalCode,
  latitude: organisations.latitude,
  longitude: organisations.longitude,
  positionPrecision: organisations.positionPrecision,
  website: organisations.website,
  themes: organisations.themes,
  source: organisations.source,
  mergedInto: organisations.mergedInto,
  createdAt: organisations.createdAt,
  updatedAt: organisations.updatedAt,
};

type RecordRow = Omit<Row, 'searchVector' | 'needsOffersText' | 'nameFolded' | 'openNeeds' | 'openOffers'> & {
  openNeeds?: number;
  openOffers?: number;
};

export function toRecord(row: RecordRow): OrganisationRecord {
  return {
    id: row.id,
    labId: row.labId,
    name: row.name,
    universe: row.universe as OrganisationRecord['universe'],
    communeInsee: row.communeInsee,
    siren: row.siren,
    siret: row.siret,
    rna: row.rna,
    description: row.description,
    status: row.status as OrganisationRecord['status'],
    naf: row.naf,
    nafSection: row.nafSection,
    headcountBand: row.headcountBand,
    epci: row.epci,
    departement: row.departement,
    region: row.region,
    address: row.address,
    postalCode: row.postalCode,
    latitude: row.latitude,
    longitude: row.longitude,
    positionPrecision: row.positionPrecision as OrganisationRecord['positionPrecision'],
    website: row.website,
    themes: row.themes,
    source: row.source,
    mergedInto: row.mergedInto,
    ...(row.openNeeds !== undefined && { openNeeds: Number(row.openNeeds) }),
    ...(row.openOffers !== undefined && { openOffers: Number(row.openOffers) }),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** A commune's centre, for "near" filters, given by the caller (the repository knows no geography). */
export interface NearPoint {
  latitude: number;
  longitude: number;
  radiusKm: number;
}

// NOTE: Drizzle writes a column of a one-table query without its table name; inside a subquery
// over needs_offers that would resolve to needs_offers.id, so the outer id is spelled out.
const ORGANISATION_ID = sql.raw('"organisations"."id"');

const openOf = (kind: 'need' | 'offer', category?: string) =>
  sql`exists (select 1 from ${needsOffers} n where n.organisation_id = ${ORGANISATION_ID} and n.kind = ${kind} and n.status in ('open', 'in_discussion')${
    category ? sql` and n.category = ${category}` : sql``
  })`;

/** Distance in km on a sphere (haversine), in SQL; small enough to run on every candidate row. */
export function distanceKm(latitude: number, longitude: number): SQL {
  return sql`(2 * 6371 * asin(sqrt(power(sin(radians(${organisations.latitude} - ${latitude}) / 2), 2) + cos(radians(${latitude})) * cos(radians(${organisations.latitude})) * power(sin(radians(${organisations.longitude} - ${longitude}) / 2), 2))))`;
}

/** Every condition of a directory query but its text. */
export function filterConditions(
  labId: string | null,
  query: OrganisationListQuery,
  near?: NearPoint,
): SQL[] {
  const conditions: SQL[] = [eq(organisations.status, query.status)];
  if (labId) conditions.push(eq(organisations.labId, labId));
  if (query.universe) conditions.push(eq(organisations.universe, query.universe));
  if (query.theme) conditions.push(sql`${organisations.themes} @> array[${query.theme}]::text[]`);
  if (query.commune) conditions.push(eq(organisations.communeInsee, query.commune));
  if (query.epci) conditions.push(eq(organisations.epci, query.epci));
  if (query.departement) conditions.push(eq(organisations.departement, query.departement));
  if (query.region) conditions.push(eq(organisations.region, query.region));
  if (query.nafSection) conditions.push(eq(organisations.nafSection, query.nafSection));
  if (query.size) {
    const bands = SIZE_GROUPS[query.size];
    conditions.push(
      sql`${organisations.headcountBand} in (${sql.join(
        bands.map((b) => sql`${b}`),
        sql`, `,
      )})`,
    );
  }
  // Counts kept on the organisation by a trigger on needs_offers (partial indexes on `> 0`).
  if (query.hasOpenNeeds !== undefined)
    conditions.push(
      query.hasOpenNeeds ? sql`${organisations.openNeeds} > 0` : eq(organisations.openNeeds, 0),
    );
  if (query.hasOpenOffers !== undefined)
    conditions.push(
      query.hasOpenOffers ? sql`${organisations.openOffers} > 0` : eq(organisations.openOffers, 0),
    );
  if (query.category) {
    conditions.push(sql`(${openOf('need', query.category)} or ${openOf('offer', query.category)})`);
  }
  if (near) {
    // A bounding box first (indexable, cheap), then the exact distance.
    const dLat = near.radiusKm / 111;
    const dLon = near.radiusKm / (111 * Math.cos((near.latitude * Math.PI) / 180));
    conditions.push(
      sql`${organisations.latitude} between ${near.latitude - dLat} and ${near.latitude + dLat}`,
      sql`${organisations.longitude} between ${near.longitude - dLon} and ${near.longitude + dLon}`,
      sql`${distanceKm(near.latitude, near.longitude)} <= ${near.radiusKm}`,
    );
  }
  return conditions;
}

/**
 * What a search text matches, each part answered by its own GIN index: French full text (stems,
 * accents folded) over names, descriptions, needs and offers, or the name by trigrams: the text
 * found in the name despite typos (word similarity ≥ 0.6, `<%`) or as a substring.
 */
interface TextMatch {
  fullText: SQL;
  name: SQL;
  /** Relevance of a row given its search vector and folded name: full-text rank + word similarity. */
  rankOf(vector: SQL | typeof organisations.searchVector, name: SQL | typeof organisations.nameFolded): SQL;
}

function textMatch(q: string | undefined): TextMatch | null {
  const parsed = parseSearchQuery(q);
  if (!parsed) return null;
  const tsquery = sql`websearch_to_tsquery('french_unaccent', ${parsed.text})`;
  const name = organisations.nameFolded;
  const substring = `%${parsed.folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return {
    fullText: sql`${organisations.searchVector} @@ ${tsquery}`,
    name: sql`(${name} like ${substring} or ${parsed.folded} <% ${name})`,
    rankOf: (vector, folded) =>
      sql`(ts_rank_cd(${vector}, ${tsquery}, 1) + word_similarity(${parsed.folded}, ${folded}))`,
  };
}

/**
 * The WHERE clause and relevance of a directory search, shared by the list, the exports and the
 * map so that they always show the same organisations. Full text (French stems, accents folded)
 * over names, descriptions, needs and offers, or trigram word similarity on the name for typos.
 */
export function organisationFilters(
  labId: string | null,
  query: OrganisationListQuery,
  near?: NearPoint,
): { where: SQL | undefined; rank: SQL | undefined } {
  const conditions = filterConditions(labId, query, near);
  const match = textMatch(query.q);
  if (match) conditions.push(sql`(${match.fullText} or ${match.name})`);
  return {
    where: and(...conditions),
    rank: match?.rankOf(organisations.searchVector, organisations.nameFolded),
  };
}

export function organisationOrder(rank: SQL | undefined, sort: OrganisationListQuery['sort']): SQL[] {
  const byName = [asc(organisations.name), asc(organisations.id)];
  return rank && sort === 'relevance' ? [desc(rank), ...byName] : byName;
}

/**
 * How many matches a list counts: beyond, `total` stays at this figure with `totalCapped`, since
 * an exact count of a broad search ("boulangerie", "local") costs more than the page itself.
 */
export const SEARCH_COUNT_CAP = 1000;

/** How many of each index's first matches a search ranks for its first pages. */
export const SEARCH_RANKED = 200;

/** How many organisations in name order a list reads for its page before sorting its matches. */
const NAME_WINDOW = 2000;

const uuidList = (ids: readonly string[]) =>
  sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

export function organisationRepository(
  db: Db,
  nearOf: (code: string) => { latitude: number; longitude: number } | undefined = () => undefined,
): OrganisationRepository {
  const listedColumns = {
    ...recordColumns,
    openNeeds: organisations.openNeeds,
    openOffers: organisations.openOffers,
  };

  /** The page's rows, fetched by id in the order given. */
  async function rowsByIds(q: Db, ids: readonly string[]) {
    if (ids.length === 0) return [];
    const rows = await q
      .select(listedColumns)
      .from(organisations)
      .where(sql`${organisations.id} in ${uuidList(ids)}`);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toRecord(row)] : [];
    });
  }

  const counted = (n: number) => ({
    total: Math.min(n, SEARCH_COUNT_CAP),
    ...(n > SEARCH_COUNT_CAP && { totalCapped: true }),
  });

  /**
   * A search by relevance. An OR of the full-text and trigram conditions in one WHERE makes
   * PostgreSQL rank (and fold, and count) every match; instead each index gives its candidates
   * apart (materialized, so that a LIMIT cannot turn a bitmap scan into a sequential one). Of
   * each, the first SEARCH_COUNT_CAP + 1 are counted and the first SEARCH_RANKED are ranked (all
   * of them for a page beyond): below those figures every match is counted and ranked; above,
   * the total says "more than 1,000" and the page is the best of the first matches each index
   * gave. Names that match are their own index, so a broad word found in thousands of
   * descriptions still ranks the organisations named after it first. The name matches are only
   * counted when the full-text ones are fewer than the cap (each costs a trigram similarity),
   * and the filters are answered by their own indexes when selective (a bitmap AND).
   */
  async function rankedSearch(q: Db, conditions: SQL[], match: TextMatch, offset: number, pageSize: number) {
    const cap = Math.max(SEARCH_COUNT_CAP, offset + pageSize) + 1;
    const ranked = offset + pageSize <= SEARCH_RANKED ? SEARCH_RANKED : cap;
    const candidates = (condition: SQL) =>
      sql`select ${organisations.id} as id, ${organisations.name} as name, ${organisations.searchVector} as search_vector, ${organisations.nameFolded} as name_folded from ${organisations} where ${and(...conditions, condition)}`;
    const [found] = rowsOf<{ total: number; ids: string[] | null }>(
      await q.execute(sql`
        with full_text as materialized (${candidates(match.fullText)}),
          by_name as materialized (${candidates(match.name)}),
          best as (
            select distinct id, name, ${match.rankOf(sql.raw('c.search_vector'), sql.raw('c.name_folded'))} as rank
            from ((select * from full_text limit ${ranked}) union all (select * from by_name limit ${ranked})) c)
        select case when (select count(*) from (select 1 from full_text limit ${cap}) f) >= ${cap} then ${cap}
            else (select count(*) from (
              select id from (select id from full_text limit ${cap}) f
              union select id from (select id from by_name limit ${cap}) n) u) end::int as total,
          array(select id::text from best order by rank desc, name, id limit ${pageSize} offset ${offset}) as ids`),
    );
    return { items: await rowsByIds(q, found?.ids ?? []), ...counted(Number(found?.total ?? 0)) };
  }

  /**
   * A list in name order (no text, or `sort=name`). Walking the name index until a page of
   * matches is found is what PostgreSQL prefers under a LIMIT, and costs the whole table when the
   * matches sort late (a NAF section and a size whose names start with "T"). Instead:
   * 1. the first SEARCH_COUNT_CAP + 1 matches in any order (the filters' own indexes when
   *    selective) give the count and, when there are no more, the page itself;
   * 2. else, without text, the first NAME_WINDOW organisations in name order: when they hold the
   *    page, it is exact (a broad filter, the whole directory);
   * 3. else the page cannot sort after its last one among the counted matches (among all of
   *    them, the page ends there or before): that name bounds a second read, planned knowing the
   *    bound and without a LIMIT, and the page is sorted from it.
   */
  async function namedList(
    q: Db,
    labId: string | null,
    status: OrganisationListQuery['status'],
    where: SQL | undefined,
    hasText: boolean,
    offset: number,
    pageSize: number,
  ) {
    const last = offset + pageSize;
    const [first] = rowsOf<{ n: number; ids: string[] | null; bound: string | null }>(
      await q.execute(sql`
        select count(*)::int as n,
          (array_agg(m.id::text order by m.name, m.id))[${offset + 1}:${last}] as ids,
          (array_agg(m.name order by m.name, m.id))[${last}] as bound
        from (select ${organisations.id} as id, ${organisations.name} as name from ${organisations}
              where ${where} limit ${SEARCH_COUNT_CAP + 1}) m`),
    );
    const n = Number(first?.n ?? 0);
    if (n <= SEARCH_COUNT_CAP) return { items: await rowsByIds(q, first?.ids ?? []), ...counted(n) };
    if (labId && !hasText && last <= NAME_WINDOW) {
      const [window] = rowsOf<{ hits: number; ids: string[] | null }>(
        await q.execute(sql`
          select count(*) filter (where w.hit)::int as hits,
            (array_agg(w.id::text order by w.name, w.id) filter (where w.hit))[${offset + 1}:${last}] as ids
          from (select ${organisations.id} as id, ${organisations.name} as name, coalesce(${where}, false) as hit
                from ${organisations} where ${and(eq(organisations.labId, labId), eq(organisations.status, status))}
                order by ${organisations.name}, ${organisations.id} limit ${NAME_WINDOW}) w`),
      );
      if (Number(window?.hits ?? 0) >= last) {
        return { items: await rowsByIds(q, window?.ids ?? []), ...counted(n) };
      }
    }
    if (!first?.bound) return { items: await walk(q, where, offset, pageSize), ...counted(n) };
    const [page] = rowsOf<{ ids: string[] | null }>(
      await q.execute(sql`
        with upto as materialized (
          select ${organisations.id} as id, ${organisations.name} as name from ${organisations}
          where ${and(where, sql`${organisations.name} <= ${first.bound}`)})
        select array(select id::text from upto order by name, id limit ${pageSize} offset ${offset}) as ids`),
    );
    return { items: await rowsByIds(q, page?.ids ?? []), ...counted(n) };
  }

  /** A page in name order as PostgreSQL plans it (beyond the counted matches). */
  async function walk(q: Db, where: SQL | undefined, offset: number, pageSize: number) {
    const rows = await q
      .select(listedColumns)
      .from(organisations)
      .where(where)
      .orderBy(...organisationOrder(undefined, 'name'))
      .limit(pageSize)
      .offset(offset);
    return rows.map(toRecord);
  }

  return {
    async list(labId: string | null, query: OrganisationListQuery) {
      const centre = query.near ? nearOf(query.near) : undefined;
      if (query.near && !centre) return { items: [], total: 0 };
      const near = centre && { ...centre, radiusKm: query.radiusKm };
      const offset = (query.page - 1) * query.pageSize;
      const match = textMatch(query.q);
      return db.transaction(async (tx) => {
        const q = tx as unknown as Db;
        // Each step reads at most a thousand-odd rows, which PostgreSQL cannot see through a
        // materialized CTE: estimating them all (thousands of trigram similarities for a broad
        // word), the server would start parallel workers, which cost more than the whole search.
        await q.execute(sql`set local max_parallel_workers_per_gather = 0`);
        if (match && query.sort === 'relevance') {
          return rankedSearch(q, filterConditions(labId, query, near), match, offset, query.pageSize);
        }
        const { where } = organisationFilters(labId, query, near);
        return namedList(q, labId, query.status, where, match !== null, offset, query.pageSize);
      });
    },

    async find(id: string) {
      const [row] = await db.select(listedColumns).from(organisations).where(eq(organisations.id, id));
      return row ? toRecord(row) : undefined;
    },

    async create(labId: string, data: OrganisationWrite) {
      try {
        const [row] = await db
          .insert(organisations)
          .values({ labId, ...data })
          .returning(recordColumns);
        if (!row) throw new Error('insert returned no row');
        return toRecord(row);
      } catch (error) {
        return rethrowDuplicate(error);
      }
    },

    async update(id: string, data: Partial<OrganisationWrite>) {
      try {
        const [row] = await db
          .update(organisations)
          .set({ ...data, updatedAt: new Date() })
          .where(eq(organisations.id, id))
          .returning(recordColumns);
        if (!row) throw new DomainError('not_found', 'Organisation not found');
        return toRecord(row);
      } catch (error) {
        return rethrowDuplicate(error);
      }
    },

    async setStatus(id: string, status: 'active' | 'archived') {
      const [row] = await db
        .update(organisations)
        .set({ status, updatedAt: new Date() })
        .where(eq(organisations.id, id))
        .returning(recordColumns);
      if (!row) throw new DomainError('not_found', 'Organisation not found');
      return toRecord(row);
    },
  };
}
