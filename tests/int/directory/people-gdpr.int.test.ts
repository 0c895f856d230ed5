import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { purgeInactivePeople } from '../../../src/app/directory/purge-inactive-people.ts';
import type { ConsentRecord, Person, PersonPage } from '../../../src/contracts/directory.ts';
import type { OrganisationPage } from '../../../src/contracts/organisations.ts';
import { databaseAvailable, testEngine } from '../../support/database.ts';
import { useHarness } from '../../support/harness.ts';
import {
  ADMIN_ALSACE,
  FACILITATOR_ALSACE,
  FACILITATOR_ISERE,
  MEMBER_ALSACE,
  NETWORK_ADMIN,
  VIEWER_ALSACE,
  requester,
} from '../../support/request.ts';

/** Every (table, column) of the schema with a foreign key to `people`, read from the catalogue. */
async function referencesToPeople(
  harness: ReturnType<typeof useHarness>,
): Promise<{ table: string; column: string }[]> {
  const result = await harness.database.db.execute(sql`
    select cl.relname as "table", a.attname as "column"
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
    where c.contype = 'f' and c.confrelid = 'public.people'::regclass
    order by 1, 2`);
  return (result as unknown as { rows: { table: string; column: string }[] }).rows;
}

async function countRows(
  harness: ReturnType<typeof useHarness>,
  table: string,
  column: string,
  id: string,
): Promise<number> {
  const result = await harness.database.db.execute(
    sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} = ${id}`,
  );
  return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}

describe.skipIf(!databaseAvailable())(`people and GDPR on ${testEngine}`, () => {
  const harness = useHarness();
  const request = requester(harness);

  const organisationNamed = async (name: string) => {
    const page = (
      await request('GET', `/api/organisations?q=${encodeURIComponent(name)}`, { as: FACILITATOR_ALSACE })
    ).json<OrganisationPage>();
    const found = page.items.find((o) => o.name === name);
    if (!found) throw new Error(`no organisation ${name}`);
    return found;
  };

  /** A person with a row in every table that can refer to one. */
  let counter = 0;
  const personEverywhere = async () => {
    counter++;
    const organisation = await organisationNamed('Les Jardins de la Montagne Verte');
    const created = await request('POST', '/api/people', {
      as: FACILITATOR_ALSACE,
      body: {
        firstName: 'Hélène',
        lastName: 'Zimmermann',
        email: `helene${counter}@jardins.example.org`,
        phone: '03 88 00 00 00',
        organisationId: organisation.id,
        role: 'Présidente',
        legalBasis: 'consent',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const person = created.json<Person>();
    const consent = await request('POST', `/api/people/${person.id}/consents`, {
      as: FACILITATOR_ALSACE,
      body: { purpose: 'newsletter', action: 'given', textVersion: 'lettre-2026-01', channel: 'paper_form' },
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const need = await request('POST', `/api/organisations/${organisation.id}/needs-offers`, {
      as: FACILITATOR_ALSACE,
      body: {
        kind: 'need',
        category: 'volunteers',
        title: 'Bénévoles pour les récoltes',
        contactPersonId: person.id,
      },
    });
    expect(need.statusCode, need.body).toBe(201);
    return { person, organisation };
  };

  it('keeps personal data from the public, from viewers, from the network and from other labs', async () => {
    const { person } = await personEverywhere();
    expect((await request('GET', '/api/people')).statusCode).toBe(401);
    expect((await request('GET', `/api/people/${person.id}`)).statusCode).toBe(401);
    expect((await request('GET', '/api/people', { as: VIEWER_ALSACE })).statusCode).toBe(403);
    expect((await request('GET', `/api/people/${person.id}`, { as: NETWORK_ADMIN })).statusCode).toBe(403);
    expect((await request('GET', `/api/people/${person.id}`, { as: FACILITATOR_ISERE })).statusCode).toBe(
      404,
    );
    // A member sees only the people of its own organisation.
    expect((await request('GET', `/api/people/${person.id}`, { as: MEMBER_ALSACE })).statusCode).toBe(403);
    const own = (await request('GET', '/api/people?pageSize=100', { as: MEMBER_ALSACE })).json<PersonPage>();
    const me = (await request('GET', '/api/me', { as: MEMBER_ALSACE })).json<{
      user: { organisationId: string };
    }>();
    expect(
      own.items.every((p) => p.organisations.some((o) => o.organisationId === me.user.organisationId)),
    ).toBe(true);
    // Organisations shown to a viewer carry no personal data at all.
    const organisation = (await request('GET', '/api/organisations?pageSize=5', { as: VIEWER_ALSACE })).body;
    expect(organisation).not.toMatch(/@[a-z0-9-]+\.example\.org/);
  });

  it('audits every read and change of personal data: who, which person, when (UTC)', async () => {
    const { person } = await personEverywhere();
    await request('GET', `/api/people/${person.id}`, { as: FACILITATOR_ALSACE });
    await request('PATCH', `/api/people/${person.id}`, {
      as: FACILITATOR_ALSACE,
      body: { phone: '03 88 11 22 33' },
    });
    await request('GET', `/api/people/${person.id}`, { as: MEMBER_ALSACE });
    const rows = (
      (await harness.database.db.execute(
        sql`select action, outcome, actor_id, at, details from audit_log where subject = ${person.id} order by at`,
      )) as unknown as {
        rows: {
          action: string;
          outcome: string;
          actor_id: string | null;
          at: Date;
          details: Record<string, unknown>;
        }[];
      }
    ).rows;
    expect(rows.map((r) => `${r.action}:${r.outcome}`)).toEqual(
      expect.arrayContaining([
        'person.create:success',
        'person.consent:success',
        'person.read:success',
        'person.update:success',
        'person.read:denied',
      ]),
    );
    expect(rows.every((r) => r.actor_id)).toBe(true);
    // The audit names the fields changed, never their values.
    expect(JSON.stringify(rows)).not.toContain('03 88 11 22 33');
  });

  it('keeps consent records append-only: no update, no delete outside an erasure', async () => {
    const { person } = await personEverywhere();
    const withdrawn = await request('POST', `/api/people/${person.id}/consents`, {
      as: FACILITATOR_ALSACE,
      body: { purpose: 'newsletter', action: 'withdrawn', textVersion: 'lettre-2026-01', channel: 'email' },
    });
    expect(withdrawn.json<ConsentRecord>()).toMatchObject({
      action: 'withdrawn',
      recordedBy: expect.any(String),
    });
    const shown = (
      await request('GET', `/api/people/${person.id}`, { as: FACILITATOR_ALSACE })
    ).json<Person>();
    expect(shown.consents).toEqual([
      expect.objectContaining({ purpose: 'newsletter', given: false, textVersion: 'lettre-2026-01' }),
    ]);
    await expect(
      harness.database.db.execute(
        sql`update consent_records set action = 'given' where person_id = ${person.id}`,
      ),
    ).rejects.toThrow();
    await expect(
      harness.database.db.execute(sql`delete from consent_records where person_id = ${person.id}`),
    ).rejects.toThrow();
    expect(await countRows(harness, 'consent_records', 'person_id', person.id)).toBe(2);
  });

  it('exports everything held about a person, as JSON and CSV, covering every table that refers to people', async () => {
    const { person } = await personEverywhere();
    const references = await referencesToPeople(harness);
    expect(references.map((r) => r.table)).toEqual(
      expect.arrayContaining([
        'consent_records',
        'needs_offers',
        'organisation_events',
        'person_organisations',
      ]),
    );
    const json = await request('GET', `/api/people/${person.id}/export?format=json`, {
      as: FACILITATOR_ALSACE,
    });
    expect(json.statusCode).toBe(200);
    expect(json.headers['cache-control']).toBe('no-store');
    const dossier = json.json<{ person: { email: string }; tables: Record<string, unknown[]> }>();
    expect(dossier.person.email).toBe(`helene${counter}@jardins.example.org`);
    for (const ref of references) {
      expect(dossier.tables[ref.table]?.length ?? 0, `${ref.table}.${ref.column}`).toBe(
        await countRows(harness, ref.table, ref.column, person.id),
      );
      expect(dossier.tables[ref.table]?.length ?? 0, ref.table).toBeGreaterThan(0);
    }
    const csv = await request('GET', `/api/people/${person.id}/export?format=csv`, {
      as: FACILITATOR_ALSACE,
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`people,1,email,helene${counter}@jardins.example.org`);
    for (const ref of references) expect(csv.body).toContain(`${ref.table},1,`);
    expect((await request('GET', `/api/people/${person.id}/export`, { as: MEMBER_ALSACE })).statusCode).toBe(
      403,
    );
  });

  it('erases a person completely: no row of any table refers to them afterwards', async () => {
    const { person, organisation } = await personEverywhere();
    const references = await referencesToPeople(harness);
    const erased = await request('DELETE', `/api/people/${person.id}`, { as: ADMIN_ALSACE });
    expect(erased.statusCode, erased.body).toBe(200);
    for (const ref of references)
      expect(await countRows(harness, ref.table, ref.column, person.id), `${ref.table}.${ref.column}`).toBe(
        0,
      );
    expect(await countRows(harness, 'people', 'id', person.id)).toBe(0);
    const leftovers = await harness.database.db.execute(
      sql`select count(*)::int as n from people where email = ${`helene${counter}@jardins.example.org`}`,
    );
    expect((leftovers as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
    // The organisation and its need survive, without their contact.
    const needs = (
      await request('GET', `/api/organisations/${organisation.id}/needs-offers`, { as: FACILITATOR_ALSACE })
    ).json<{ items: { title: string; contactPersonId: string | null }[] }>();
    expect(needs.items.find((n) => n.title === 'Bénévoles pour les récoltes')?.contactPersonId).toBeNull();
    expect((await request('GET', `/api/people/${person.id}`, { as: FACILITATOR_ALSACE })).statusCode).toBe(
      404,
    );
    expect((await request('DELETE', `/api/people/${person.id}`, { as: VIEWER_ALSACE })).statusCode).toBe(403);
  });

  it('flags people imported from a file who were not informed within a month (Art. 14)', async () => {
    const page = (
      await request('GET', '/api/people?pageSize=100', { as: FACILITATOR_ALSACE })
    ).json<PersonPage>();
    // The demo's imported contacts date from September 2026; some were never informed.
    const imported = page.items.filter((p) => p.source === 'import');
    expect(imported.some((p) => p.informedAt === null && p.informationOverdue)).toBe(true);
    expect(page.items.filter((p) => p.source === 'manual').every((p) => !p.informationOverdue)).toBe(true);
  });

  it('purges people inactive for three years, with an injected clock, and old audit entries', async () => {
    const { person } = await personEverywhere();
    const services = harness.runtime.services;
    const before = await purgeInactivePeople({ ...services, clock: { now: () => new Date() } }, null);
    expect(before.erased).toBe(0);
    const later = new Date(Date.now() + 3 * 366 * 86_400_000);
    const result = await purgeInactivePeople({ ...services, clock: { now: () => later } }, null);
    expect(result.erased).toBeGreaterThan(0);
    expect(result.auditRowsDeleted).toBeGreaterThan(0);
    expect(await countRows(harness, 'people', 'id', person.id)).toBe(0);
    const remaining = await harness.database.db.execute(sql`select count(*)::int as n from people`);
    expect((remaining as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
  });
});
