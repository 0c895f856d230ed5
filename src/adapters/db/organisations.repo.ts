import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { OrganisationListQuery } from '../../contracts/organisations.ts';
import type { OrganisationRecord, OrganisationRepository, OrganisationWrite } from '../../app/ports.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Db } from './database.ts';
import { rethrowDuplicate } from './errors.ts';
import { organisations } from './schema.ts';

type Row = typeof organisations.$inferSelect;

function toRecord(row: Row): OrganisationRecord {
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
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function organisationRepository(db: Db): OrganisationRepository {
  return {
    async list(labId: string | null, query: OrganisationListQuery) {
      const conditions: SQL[] = [eq(organisations.status, query.status)];
      if (labId) conditions.push(eq(organisations.labId, labId));
      if (query.universe) conditions.push(eq(organisations.universe, query.universe));
      let rank: SQL | undefined;
      if (query.q) {
        // Full-text (French stems, accents folded) or trigram similarity on the name, for typos.
        const q = query.q;
        const document = sql`to_tsvector('french_unaccent', ${organisations.name} || ' ' || ${organisations.description})`;
        const tsquery = sql`websearch_to_tsquery('french_unaccent', ${q})`;
        const name = sql`immutable_unaccent(lower(${organisations.name}))`;
        const needle = sql`immutable_unaccent(lower(${q}))`;
        conditions.push(
          sql`(${document} @@ ${tsquery} OR ${name} % ${needle} OR ${name} LIKE '%' || ${needle} || '%')`,
        );
        rank = sql`ts_rank(${document}, ${tsquery}) + similarity(${name}, ${needle})`;
      }
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(organisations)
          .where(where)
          .orderBy(...(rank ? [desc(rank)] : []), asc(organisations.name), asc(organisations.id))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ n: count() }).from(organisations).where(where),
      ]);
      return { items: rows.map(toRecord), total: total?.n ?? 0 };
    },

    async find(id: string) {
      const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
      return row ? toRecord(row) : undefined;
    },

    async create(labId: string, data: OrganisationWrite) {
      try {
        const [row] = await db
          .insert(organisations)
          .values({ labId, ...data })
          .returning();
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
          .returning();
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
        .returning();
      if (!row) throw new DomainError('not_found', 'Organisation not found');
      return toRecord(row);
    },
  };
}
