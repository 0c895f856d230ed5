import { and, asc, count, desc, eq, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type {
  PersonDossier,
  PersonRecord,
  PersonRepository,
  PersonWrite,
} from '../../app/directory/ports.ts';
import type { ConsentRecord } from '../../contracts/directory.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Db } from './database.ts';
import { referencesTo, rowsOf } from './references.ts';
import { consentRecords, organisations, people, personOrganisations } from './schema.ts';

type PersonRow = typeof people.$inferSelect;

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

function toConsent(row: typeof consentRecords.$inferSelect): ConsentRecord {
  return {
    id: row.id,
    personId: row.personId,
    purpose: row.purpose as ConsentRecord['purpose'],
    action: row.action as ConsentRecord['action'],
    textVersion: row.textVersion,
    channel: row.channel as ConsentRecord['channel'],
    at: new Date(row.at).toISOString(),
    recordedBy: row.recordedBy,
  };
}

export function personRepository(db: Db): PersonRepository {
  async function withOrganisations(rows: PersonRow[]): Promise<PersonRecord[]> {
    if (rows.length === 0) return [];
    const links = await db
      .select({
        personId: personOrganisations.personId,
        organisationId: personOrganisations.organisationId,
        name: organisations.name,
        role: personOrganisations.role,
      })
      .from(personOrganisations)
      .innerJoin(organisations, eq(organisations.id, personOrganisations.organisationId))
      .where(
        inArray(
          personOrganisations.personId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(organisations.name));
    return rows.map((row) => ({
      id: row.id,
      labId: row.labId,
      firstName: row.firstName,
      lastName: row.lastName,
      jobTitle: row.jobTitle,
      email: row.email,
      phone: row.phone,
      legalBasis: row.legalBasis,
      source: row.source,
      informedAt: iso(row.informedAt),
      lastActivityAt: new Date(row.lastActivityAt).toISOString(),
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
      organisations: links
        .filter((l) => l.personId === row.id)
        .map(({ organisationId, name, role }) => ({ organisationId, name, role })),
    }));
  }

  async function find(id: string): Promise<PersonRecord | undefined> {
    const rows = await db.select().from(people).where(eq(people.id, id));
    return (await withOrganisations(rows))[0];
  }

  return {
    async list(labId, query) {
      const conditions: SQL[] = [eq(people.labId, labId)];
      if (query.organisationId) {
        conditions.push(
          sql`exists (select 1 from ${personOrganisations} po where po.person_id = ${people.id} and po.organisation_id = ${query.organisationId})`,
        );
      }
      if (query.q) {
        const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        const match = or(
          ilike(people.lastName, like),
          ilike(people.firstName, like),
          ilike(people.email, like),
        );
        if (match) conditions.push(match);
      }
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(people)
          .where(where)
          .orderBy(asc(people.lastName), asc(people.firstName), asc(people.id))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ n: count() }).from(people).where(where),
      ]);
      return { items: await withOrganisations(rows), total: total?.n ?? 0 };
    },

    find,

    async create(labId, data: PersonWrite, links, at) {
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(people)
          .values({ labId, ...data, lastActivityAt: at, createdAt: at, updatedAt: at })
          .returning({ id: people.id });
        if (!row) throw new Error('insert returned no row');
        if (links.length > 0) {
          await tx
            .insert(personOrganisations)
            .values(links.map((l) => ({ personId: row.id, organisationId: l.organisationId, role: l.role })));
        }
        return row.id;
      });
      const created = await find(id);
      if (!created) throw new Error('created person not found');
      return created;
    },

    async update(id, data, at) {
      const [row] = await db
        .update(people)
        .set({ ...data, updatedAt: at, lastActivityAt: at })
        .where(eq(people.id, id))
        .returning({ id: people.id });
      if (!row) throw new DomainError('not_found', 'Person not found');
      const updated = await find(id);
      if (!updated) throw new DomainError('not_found', 'Person not found');
      return updated;
    },

    async link(personId, organisationId, role) {
      await db
        .insert(personOrganisations)
        .values({ personId, organisationId, role })
        .onConflictDoUpdate({
          target: [personOrganisations.personId, personOrganisations.organisationId],
          set: { role },
        });
    },

    async unlink(personId, organisationId) {
      await db
        .delete(personOrganisations)
        .where(
          and(
            eq(personOrganisations.personId, personId),
            eq(personOrganisations.organisationId, organisationId),
          ),
        );
    },

    async consents(personId) {
      const rows = await db
        .select()
        .from(consentRecords)
        .where(eq(consentRecords.personId, personId))
        .orderBy(asc(consentRecords.at), asc(consentRecords.createdAt));
      return rows.map(toConsent);
    },

    async addConsent(personId, record) {
      const [row] = await db
        .insert(consentRecords)
        .values({ personId, ...record, at: new Date(record.at) })
        .returning();
      if (!row) throw new Error('insert returned no row');
      await db
        .update(people)
        .set({ lastActivityAt: new Date(record.at) })
        .where(eq(people.id, personId));
      return toConsent(row);
    },

    async dossier(personId): Promise<PersonDossier> {
      const [person] = rowsOf<Record<string, unknown>>(
        await db.execute(sql`select * from people where id = ${personId}`),
      );
      if (!person) throw new DomainError('not_found', 'Person not found');
      const tables: Record<string, Record<string, unknown>[]> = {};
      for (const ref of await referencesTo(db, 'people')) {
        const rows = rowsOf<Record<string, unknown>>(
          await db.execute(
            sql`select * from ${sql.identifier(ref.table)} where ${sql.identifier(ref.column)} = ${personId}`,
          ),
        );
        tables[ref.table] = [...(tables[ref.table] ?? []), ...rows];
      }
      return { person, tables };
    },

    async erase(personId) {
      const refs = await referencesTo(db, 'people');
      return db.transaction(async (tx) => {
        // Consent records refuse deletes outside an erasure (trigger): this transaction is one.
        await tx.execute(sql`select set_config('labo.erasure', 'on', true)`);
        const counts: Record<string, number> = {};
        for (const ref of refs) {
          const result = ref.nullable
            ? await tx.execute(
                sql`update ${sql.identifier(ref.table)} set ${sql.identifier(ref.column)} = null where ${sql.identifier(ref.column)} = ${personId}`,
              )
            : await tx.execute(
                sql`delete from ${sql.identifier(ref.table)} where ${sql.identifier(ref.column)} = ${personId}`,
              );
          counts[ref.table] = (counts[ref.table] ?? 0) + affected(result);
        }
        const deleted = await tx.delete(people).where(eq(people.id, personId)).returning({ id: people.id });
        if (deleted.length === 0) throw new DomainError('not_found', 'Person not found');
        counts['people'] = deleted.length;
        return counts;
      });
    },

    async inactiveSince(cutoff, limit, labId) {
      return db
        .select({ id: people.id, labId: people.labId })
        .from(people)
        .where(and(lt(people.lastActivityAt, cutoff), labId ? eq(people.labId, labId) : undefined))
        .orderBy(desc(people.lastActivityAt))
        .limit(limit);
    },
  };
}

/** Rows changed by a raw statement (PGlite: affectedRows, node-postgres: rowCount). */
export function affected(result: unknown): number {
  const r = result as { affectedRows?: number; rowCount?: number | null };
  return r.affectedRows ?? r.rowCount ?? 0;
}
