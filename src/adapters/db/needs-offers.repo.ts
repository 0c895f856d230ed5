import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { NeedOfferRepository, NeedOfferWrite } from '../../app/directory/ports.ts';
import type { NeedOffer } from '../../contracts/directory.ts';
import { parseSearchQuery } from '../../domain/directory/search-query.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Db } from './database.ts';
import { distanceKm } from './organisations.repo.ts';
import { needsOffers, organisations } from './schema.ts';

const columns = {
  id: needsOffers.id,
  labId: needsOffers.labId,
  organisationId: needsOffers.organisationId,
  organisationName: organisations.name,
  kind: needsOffers.kind,
  category: needsOffers.category,
  title: needsOffers.title,
  description: needsOffers.description,
  quantity: needsOffers.quantity,
  unit: needsOffers.unit,
  periodStart: needsOffers.periodStart,
  periodEnd: needsOffers.periodEnd,
  status: needsOffers.status,
  contactPersonId: needsOffers.contactPersonId,
  createdAt: needsOffers.createdAt,
  updatedAt: needsOffers.updatedAt,
};

interface Row {
  id: string;
  labId: string;
  organisationId: string;
  organisationName: string;
  kind: string;
  category: string;
  title: string;
  description: string;
  quantity: number | null;
  unit: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  status: string;
  contactPersonId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

function toNeedOffer(row: Row): NeedOffer {
  return {
    ...row,
    kind: row.kind as NeedOffer['kind'],
    category: row.category as NeedOffer['category'],
    status: row.status as NeedOffer['status'],
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/**
 * Copies the text of an organisation's current needs and offers into its searchable document,
 * so that a search for "compost" finds who needs or offers compost. Withdrawn and met ones are
 * left out: they no longer describe the organisation.
 */
async function refreshSearchText(tx: Db, organisationId: string): Promise<void> {
  await tx.execute(sql`
    update organisations set needs_offers_text = coalesce((
      select string_agg(n.title || ' ' || n.description, ' ')
      from needs_offers n
      where n.organisation_id = ${organisationId} and n.status in ('open', 'in_discussion')
    ), '')
    where id = ${organisationId}`);
}

export function needOfferRepository(
  db: Db,
  nearOf: (code: string) => { latitude: number; longitude: number } | undefined,
): NeedOfferRepository {
  async function find(id: string): Promise<NeedOffer | undefined> {
    const [row] = await db
      .select(columns)
      .from(needsOffers)
      .innerJoin(organisations, eq(organisations.id, needsOffers.organisationId))
      .where(eq(needsOffers.id, id));
    return row ? toNeedOffer(row) : undefined;
  }
  return {
    async list(labId, query) {
      const conditions: SQL[] = [eq(organisations.status, 'active')];
      if (labId) conditions.push(eq(needsOffers.labId, labId));
      if (query.organisationId) conditions.push(eq(needsOffers.organisationId, query.organisationId));
      if (query.kind) conditions.push(eq(needsOffers.kind, query.kind));
      if (query.category) conditions.push(eq(needsOffers.category, query.category));
      if (query.status) conditions.push(eq(needsOffers.status, query.status));
      if (query.near) {
        const centre = nearOf(query.near);
        if (!centre) return { items: [], total: 0 };
        conditions.push(sql`${distanceKm(centre.latitude, centre.longitude)} <= ${query.radiusKm}`);
      }
      const parsed = parseSearchQuery(query.q);
      if (parsed) {
        conditions.push(
          sql`to_tsvector('french_unaccent', ${needsOffers.title} || ' ' || ${needsOffers.description}) @@ websearch_to_tsquery('french_unaccent', ${parsed.text})`,
        );
      }
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        db
          .select(columns)
          .from(needsOffers)
          .innerJoin(organisations, eq(organisations.id, needsOffers.organisationId))
          .where(where)
          .orderBy(desc(needsOffers.updatedAt), desc(needsOffers.id))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db
          .select({ n: count() })
          .from(needsOffers)
          .innerJoin(organisations, eq(organisations.id, needsOffers.organisationId))
          .where(where),
      ]);
      return { items: rows.map(toNeedOffer), total: total?.n ?? 0 };
    },

    find,

    async create(labId, organisationId, data: NeedOfferWrite) {
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(needsOffers)
          .values({ labId, organisationId, ...data })
          .returning({ id: needsOffers.id });
        if (!row) throw new Error('insert returned no row');
        await refreshSearchText(tx as unknown as Db, organisationId);
        return row.id;
      });
      const created = await find(id);
      if (!created) throw new Error('created need/offer not found');
      return created;
    },

    async update(id, data) {
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(needsOffers)
          .set({ ...data, updatedAt: new Date() })
          .where(eq(needsOffers.id, id))
          .returning({ organisationId: needsOffers.organisationId });
        if (!row) throw new DomainError('not_found', 'Need or offer not found');
        await refreshSearchText(tx as unknown as Db, row.organisationId);
      });
      const updated = await find(id);
      if (!updated) throw new DomainError('not_found', 'Need or offer not found');
      return updated;
    },
  };
}
