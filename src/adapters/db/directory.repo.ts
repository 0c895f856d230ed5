import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type {
  DirectoryRepository,
  DuplicatePairRecord,
  ImportedWithPlace,
} from '../../app/directory/ports.ts';
import type { OrganisationListQuery } from '../../contracts/organisations.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Database, Db } from './database.ts';
import { loadRegistry } from './registry-load.ts';
import { pgErrorOf } from './errors.ts';
import {
  organisationFilters,
  organisationOrder,
  recordColumns,
  toRecord,
  type NearPoint,
} from './organisations.repo.ts';
import { affected } from './people.repo.ts';
import { referencesTo, rowsOf } from './references.ts';
import {
  duplicateDismissals,
  organisationEvents,
  organisations,
  people,
  personOrganisations,
} from './schema.ts';

type Insert = typeof organisations.$inferInsert;

/** The columns a registry owns: an update from SIRENE or the RNA overwrites these, and only these. */
function registryValues(labId: string, row: ImportedWithPlace, source: string): Insert {
  return {
    labId,
    name: row.name,
    universe: row.universe,
    siren: row.siren,
    siret: row.siret,
    rna: row.rna,
    naf: row.naf,
    nafSection: row.nafSection,
    headcountBand: row.headcountBand,
    communeInsee: row.place?.communeInsee ?? null,
    epci: row.place?.epci ?? null,
    departement: row.place?.departement ?? null,
    region: row.place?.region ?? null,
    latitude: row.place?.latitude ?? null,
    longitude: row.place?.longitude ?? null,
    positionPrecision: row.place?.latitude != null ? 'commune' : null,
    address: row.address,
    postalCode: row.postalCode,
    website: row.website,
    description: row.description,
    themes: row.themes,
    source,
  };
}

export function directoryRepository(
  db: Db,
  nearOf: (code: string) => { latitude: number; longitude: number } | undefined,
  bulk: Database['bulk'],
): DirectoryRepository {
  const nearPoint = (query: OrganisationListQuery): NearPoint | undefined | null => {
    if (!query.near) return undefined;
    const centre = nearOf(query.near);
    return centre ? { ...centre, radiusKm: query.radiusKm } : null;
  };

  return {
    async duplicates(labId, limit) {
      const found = await db.transaction(async (tx) => {
        // Candidates come from the trigram index at a low threshold; the score decides.
        await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', '0.3', true)`);
        return rowsOf<{ first: string; second: string; score: number; same_siren: boolean }>(
          await tx.execute(sql`
            select a.id as first, b.id as second,
                   similarity(immutable_unaccent(lower(a.name)), immutable_unaccent(lower(b.name))) as score,
                   (a.siren is not null and a.siren = b.siren) as same_siren
            from organisations a
            join organisations b on b.lab_id = a.lab_id and b.commune_insee = a.commune_insee and b.id > a.id
              and immutable_unaccent(lower(b.name)) % immutable_unaccent(lower(a.name))
            where a.status = 'active' and b.status = 'active'
              ${labId ? sql`and a.lab_id = ${labId}` : sql``}
              and not exists (select 1 from duplicate_dismissals d where d.first_id = a.id and d.second_id = b.id)
            order by score desc
            limit ${limit * 4}`),
        );
      });
      const pairs = found.filter((p) => Number(p.score) >= 0.6 || p.same_siren).slice(0, limit);
      if (pairs.length === 0) return [];
      const ids = [...new Set(pairs.flatMap((p) => [p.first, p.second]))];
      const records = new Map(
        (await db.select(recordColumns).from(organisations).where(inArray(organisations.id, ids))).map(
          (r) => [r.id, toRecord(r)],
        ),
      );
      return pairs.flatMap((p): DuplicatePairRecord[] => {
        const first = records.get(p.first);
        const second = records.get(p.second);
        if (!first || !second) return [];
        return [
          {
            first,
            second,
            reason: p.same_siren ? 'same_siren_same_commune' : 'close_name_same_commune',
            score: Number(p.score),
          },
        ];
      });
    },

    async dismissDuplicate(labId, firstId, secondId) {
      const [a, b] = firstId < secondId ? [firstId, secondId] : [secondId, firstId];
      await db.insert(duplicateDismissals).values({ labId, firstId: a, secondId: b }).onConflictDoNothing();
    },

    async merge(keptId, absorbedId, patch) {
      const refs = await referencesTo(db, 'organisations');
      return db.transaction(async (tx) => {
        const moved: Record<string, number> = {};
        for (const ref of refs) {
          if (ref.table === 'person_organisations') {
            // A person acting for both keeps one link (the kept organisation's role wins).
            await tx.execute(sql`
              insert into person_organisations (person_id, organisation_id, role, created_at)
              select person_id, ${keptId}, role, created_at from person_organisations where organisation_id = ${absorbedId}
              on conflict do nothing`);
            moved[ref.table] = affected(
              await tx.delete(personOrganisations).where(eq(personOrganisations.organisationId, absorbedId)),
            );
            continue;
          }
          const table = sql.identifier(ref.table);
          const column = sql.identifier(ref.column);
          try {
            moved[ref.table] = await tx.transaction(async (sp) =>
              affected(
                await sp.execute(
                  sql`update ${table} set ${column} = ${keptId} where ${column} = ${absorbedId}`,
                ),
              ),
            );
          } catch (error) {
            if (pgErrorOf(error)?.code !== '23505') throw error;
            // Another area's table allows one row per organisation (a registration, a role): the
            // kept organisation already has its own, so the absorbed one's duplicate goes.
            moved[ref.table] = await tx.transaction(async (sp) => {
              const result = await sp.execute(sql`
                delete from ${table} t where t.${column} = ${absorbedId}
                returning 1`);
              return -affected(result);
            });
          }
        }
        // Free the absorbed identifiers first, so the kept organisation may take them.
        const [absorbed] = await tx
          .update(organisations)
          .set({ status: 'archived', mergedInto: keptId, siret: null, rna: null, updatedAt: new Date() })
          .where(eq(organisations.id, absorbedId))
          .returning({ id: organisations.id });
        if (!absorbed) throw new DomainError('not_found', 'Organisation not found');
        if (Object.keys(patch).length > 0) {
          await tx
            .update(organisations)
            .set({ ...patch, updatedAt: new Date() })
            .where(eq(organisations.id, keptId));
        }
        await tx.execute(sql`
          update organisations set needs_offers_text = coalesce((
            select string_agg(n.title || ' ' || n.description, ' ') from needs_offers n
            where n.organisation_id = ${keptId} and n.status in ('open', 'in_discussion')), '')
          where id = ${keptId}`);
        return moved;
      });
    },

    loadRegistry(labId, key, source, batches) {
      return bulk((session) => loadRegistry(session, labId, key, source, batches));
    },

    async existingKeys(labId, sirets, rnas) {
      const conditions = [
        ...(sirets.length > 0 ? [inArray(organisations.siret, sirets)] : []),
        ...(rnas.length > 0 ? [inArray(organisations.rna, rnas)] : []),
      ];
      const siret = new Map<string, string>();
      const rna = new Map<string, string>();
      if (conditions.length === 0) return { siret, rna };
      const rows = await db
        .select({ id: organisations.id, siret: organisations.siret, rna: organisations.rna })
        .from(organisations)
        .where(and(eq(organisations.labId, labId), or(...conditions)));
      for (const row of rows) {
        if (row.siret) siret.set(row.siret, row.id);
        if (row.rna) rna.set(row.rna, row.id);
      }
      return { siret, rna };
    },

    async applySpreadsheet(labId, rows, at, actorId) {
      return db.transaction(async (tx) => {
        let created = 0;
        let updated = 0;
        let contacts = 0;
        for (const row of rows) {
          const values = registryValues(labId, row, 'spreadsheet');
          const match = row.siret
            ? eq(organisations.siret, row.siret)
            : row.rna
              ? eq(organisations.rna, row.rna)
              : undefined;
          const [existing] = match
            ? await tx
                .select({ id: organisations.id })
                .from(organisations)
                .where(and(eq(organisations.labId, labId), match))
            : [];
          let organisationId: string;
          if (existing) {
            // A spreadsheet updates only the cells it fills.
            const patch = Object.fromEntries(
              Object.entries(values).filter(
                ([k, v]) =>
                  v !== null &&
                  v !== '' &&
                  !(Array.isArray(v) && v.length === 0) &&
                  k !== 'labId' &&
                  k !== 'source',
              ),
            );
            await tx
              .update(organisations)
              .set({ ...patch, updatedAt: at })
              .where(eq(organisations.id, existing.id));
            organisationId = existing.id;
            updated++;
          } else {
            const [inserted] = await tx
              .insert(organisations)
              .values({ ...values, createdAt: at, updatedAt: at })
              .returning({ id: organisations.id });
            if (!inserted) throw new Error('insert returned no row');
            organisationId = inserted.id;
            created++;
          }
          await tx.insert(organisationEvents).values({
            labId,
            organisationId,
            at,
            kind: existing ? 'imported_update' : 'imported',
            summary: existing ? 'Mise à jour par import de tableur' : 'Créée par import de tableur',
            actorId,
          });
          if (row.contact) {
            // Art. 14: people from a file were not asked; informed_at stays empty until they are told.
            const [person] = await tx
              .insert(people)
              .values({
                labId,
                firstName: row.contact.firstName,
                lastName: row.contact.lastName,
                email: row.contact.email,
                phone: row.contact.phone,
                jobTitle: row.contact.role,
                legalBasis: 'legitimate_interest',
                source: 'import',
                informedAt: null,
                lastActivityAt: at,
                createdAt: at,
                updatedAt: at,
              })
              .returning({ id: people.id });
            if (!person) throw new Error('insert returned no row');
            await tx
              .insert(personOrganisations)
              .values({ personId: person.id, organisationId, role: row.contact.role });
            contacts++;
          }
        }
        return { created, updated, people: contacts };
      });
    },

    async exportRows(labId, query, limit) {
      const near = nearPoint(query);
      if (near === null) return [];
      const { where, rank } = organisationFilters(labId, query, near);
      const rows = await db
        .select(recordColumns)
        .from(organisations)
        .where(where)
        .orderBy(...organisationOrder(rank, query.sort))
        .limit(limit);
      return rows.map(toRecord);
    },

    async mapPoints(labId, query, limit) {
      const near = nearPoint(query);
      if (near === null) return [];
      const { where, rank } = organisationFilters(labId, query, near);
      const rows = await db
        .select({
          id: organisations.id,
          name: organisations.name,
          universe: organisations.universe,
          latitude: organisations.latitude,
          longitude: organisations.longitude,
          precision: organisations.positionPrecision,
        })
        .from(organisations)
        .where(and(where, isNotNull(organisations.latitude), isNotNull(organisations.longitude)))
        .orderBy(...organisationOrder(rank, query.sort))
        .limit(limit);
      return rows.flatMap((r) =>
        r.latitude !== null && r.longitude !== null
          ? [{ ...r, latitude: r.latitude, longitude: r.longitude }]
          : [],
      );
    },
  };
}
