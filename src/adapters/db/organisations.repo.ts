import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { OrganisationListQuery } from '../../contracts/organisations.ts';
import type { OrganisationRecord, OrganisationRepository, OrganisationWrite } from '../../app/ports.ts';
import { parseSearchQuery } from '../../domain/directory/search-query.ts';
import { SIZE_GROUPS } from '../../domain/directory/vocabulary.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Db } from './database.ts';
import { rethrowDuplicate } from './errors.ts';
import { needsOffers, organisations } from './schema.ts';

type Row = typeof organisations.$inferSelect;

/** The columns a record needs (the search vector and copied text stay in the database). */
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

type RecordRow = Omit<Row, 'searchVector' | 'needsOffersText'> & { openNeeds?: number; openOffers?: number };

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

/**
 * The WHERE clause and relevance of a directory search, shared by the list, the exports and the
 * map so that they always show the same organisations. Full text (French stems, accents folded)
 * over names, descriptions, needs and offers, or trigram similarity on the name for typos.
 */
export function organisationFilters(
  labId: string | null,
  query: OrganisationListQuery,
  near?: NearPoint,
): { where: SQL | undefined; rank: SQL | undefined } {
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
  if (query.hasOpenNeeds !== undefined)
    conditions.push(query.hasOpenNeeds ? openOf('need') : sql`not ${openOf('need')}`);
  if (query.hasOpenOffers !== undefined)
    conditions.push(query.hasOpenOffers ? openOf('offer') : sql`not ${openOf('offer')}`);
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
  let rank: SQL | undefined;
  const parsed = parseSearchQuery(query.q);
  if (parsed) {
    const tsquery = sql`websearch_to_tsquery('french_unaccent', ${parsed.text})`;
    const name = sql`immutable_unaccent(lower(${organisations.name}))`;
    conditions.push(
      sql`(${organisations.searchVector} @@ ${tsquery} or ${name} % ${parsed.folded} or ${parsed.folded} <% ${name} or ${name} like ${`%${parsed.folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`})`,
    );
    rank = sql`(ts_rank_cd(${organisations.searchVector}, ${tsquery}, 1) + word_similarity(${parsed.folded}, ${name}))`;
  }
  return { where: and(...conditions), rank };
}

export function organisationOrder(rank: SQL | undefined, sort: OrganisationListQuery['sort']): SQL[] {
  const byName = [asc(organisations.name), asc(organisations.id)];
  return rank && sort === 'relevance' ? [desc(rank), ...byName] : byName;
}

export function organisationRepository(
  db: Db,
  nearOf: (code: string) => { latitude: number; longitude: number } | undefined = () => undefined,
): OrganisationRepository {
  return {
    async list(labId: string | null, query: OrganisationListQuery) {
      const centre = query.near ? nearOf(query.near) : undefined;
      if (query.near && !centre) return { items: [], total: 0 };
      const { where, rank } = organisationFilters(
        labId,
        query,
        centre && { ...centre, radiusKm: query.radiusKm },
      );
      const [rows, [total]] = await Promise.all([
        db
          .select({
            ...recordColumns,
            openNeeds: sql<number>`(select count(*) from ${needsOffers} n where n.organisation_id = ${ORGANISATION_ID} and n.kind = 'need' and n.status in ('open', 'in_discussion'))`,
            openOffers: sql<number>`(select count(*) from ${needsOffers} n where n.organisation_id = ${ORGANISATION_ID} and n.kind = 'offer' and n.status in ('open', 'in_discussion'))`,
          })
          .from(organisations)
          .where(where)
          .orderBy(...organisationOrder(rank, query.sort))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ n: count() }).from(organisations).where(where),
      ]);
      return { items: rows.map(toRecord), total: total?.n ?? 0 };
    },

    async find(id: string) {
      const [row] = await db
        .select({
          ...recordColumns,
          openNeeds: sql<number>`(select count(*) from ${needsOffers} n where n.organisation_id = ${ORGANISATION_ID} and n.kind = 'need' and n.status in ('open', 'in_discussion'))`,
          openOffers: sql<number>`(select count(*) from ${needsOffers} n where n.organisation_id = ${ORGANISATION_ID} and n.kind = 'offer' and n.status in ('open', 'in_discussion'))`,
        })
        .from(organisations)
        .where(eq(organisations.id, id));
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
