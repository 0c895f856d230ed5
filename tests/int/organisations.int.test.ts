import { describe, expect, it } from 'vitest';
import type { Organisation, OrganisationPage } from '../../src/contracts/organisations.ts';
import { databaseAvailable, testEngine } from '../support/database.ts';
import { useHarness } from '../support/harness.ts';
import { requester } from '../support/request.ts';

const FACILITATOR_ALSACE = 'facilitatrice@alsace.labo.test';
const FACILITATOR_ISERE = 'facilitateur@isere.labo.test';
const MEMBER_ALSACE = 'membre@alsace.labo.test';

describe.skipIf(!databaseAvailable())(`organisations on ${testEngine}`, () => {
  const harness = useHarness();
  const request = requester(harness);

  it('lists only the asker’s lab: about 200 Alsace organisations, none from Isère', async () => {
    const response = await request('GET', '/api/organisations?pageSize=100', { as: FACILITATOR_ALSACE });
    expect(response.statusCode).toBe(200);
    const page = response.json<OrganisationPage>();
    expect(page.total).toBeGreaterThanOrEqual(200);
    const departements = new Set(page.items.map((o) => o.departement));
    expect([...departements].every((d) => d === '67' || d === '68')).toBe(true);
  });

  it('finds "jardins partages" and "jardin partagé" alike, and survives a typo', async () => {
    const search = async (q: string) =>
      (
        await request('GET', `/api/organisations?q=${encodeURIComponent(q)}`, { as: FACILITATOR_ALSACE })
      ).json<OrganisationPage>();
    const accented = await search('jardin partagé');
    const plain = await search('jardins partages');
    expect(accented.total).toBeGreaterThan(0);
    expect(plain.items.map((o) => o.id)).toEqual(accented.items.map((o) => o.id));
    const typo = await search('Montagne Vrte');
    expect(typo.items.map((o) => o.name)).toContain('Les Jardins de la Montagne Verte');
  });

  it('refuses the directory to the anonymous public', async () => {
    const response = await request('GET', '/api/organisations');
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      code: 'unauthenticated',
      messages: { fr: 'Veuillez vous connecter.' },
    });
  });

  it('hides another lab’s organisation behind a 404', async () => {
    const alsace = (
      await request('GET', '/api/organisations?pageSize=1', { as: FACILITATOR_ALSACE })
    ).json<OrganisationPage>();
    const id = alsace.items[0]?.id;
    const response = await request('GET', `/api/organisations/${id}`, { as: FACILITATOR_ISERE });
    expect(response.statusCode).toBe(404);
  });

  it('creates, edits and archives an organisation, checking identifiers with clear messages', async () => {
    const created = await request('POST', '/api/organisations', {
      as: FACILITATOR_ALSACE,
      body: {
        name: 'L’Enfant Bleu — antenne test',
        universe: 'association',
        siret: '40048550400064',
        communeInsee: '67482',
      },
    });
    expect(created.statusCode).toBe(201);
    const organisation = created.json<Organisation>();
    expect(organisation).toMatchObject({
      siren: '400485504',
      communeName: 'Strasbourg',
      departement: '67',
      can: { edit: true },
    });

    const duplicate = await request('POST', '/api/organisations', {
      as: FACILITATOR_ALSACE,
      body: { name: 'Doublon', universe: 'association', siret: '40048550400064' },
    });
    expect(duplicate.statusCode).toBe(409);

    const bad = await request('PATCH', `/api/organisations/${organisation.id}`, {
      as: FACILITATOR_ALSACE,
      lang: 'en',
      body: { siren: '216704826', communeInsee: '99999' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'invalid_identifiers',
      errors: [{ path: 'siren', message: expect.stringContaining('check digit') }],
    });

    const edited = await request('PATCH', `/api/organisations/${organisation.id}`, {
      as: FACILITATOR_ALSACE,
      body: { description: 'Protection de l’enfance' },
    });
    expect(edited.json<Organisation>().description).toBe('Protection de l’enfance');

    const archived = await request('POST', `/api/organisations/${organisation.id}/archive`, {
      as: FACILITATOR_ALSACE,
      body: {},
    });
    expect(archived.json<Organisation>()).toMatchObject({
      status: 'archived',
      can: { edit: false, archive: false },
    });
    const listed = (
      await request('GET', '/api/organisations?status=archived', { as: FACILITATOR_ALSACE })
    ).json<OrganisationPage>();
    expect(listed.items.map((o) => o.id)).toContain(organisation.id);
  });

  it('rejects an unknown commune and names the field in French', async () => {
    const response = await request('POST', '/api/organisations', {
      as: FACILITATOR_ALSACE,
      body: { name: 'Commune inconnue', universe: 'sme', communeInsee: '67999' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      errors: [{ path: 'communeInsee', message: expect.stringContaining('commune') }],
    });
  });

  it('reports every invalid field of a malformed body with its path', async () => {
    const response = await request('POST', '/api/organisations', {
      as: FACILITATOR_ALSACE,
      body: { name: 'x', universe: 'ngo', extra: 1 },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'universe']));
  });

  it('lets a member edit its own organisation only', async () => {
    const me = (await request('GET', '/api/me', { as: MEMBER_ALSACE })).json<{
      user: { organisationId: string };
    }>();
    const own = await request('PATCH', `/api/organisations/${me.user.organisationId}`, {
      as: MEMBER_ALSACE,
      body: { description: 'Atelier d’upcycling strasbourgeois' },
    });
    expect(own.statusCode).toBe(200);
    const others = (
      await request('GET', '/api/organisations?pageSize=5', { as: MEMBER_ALSACE })
    ).json<OrganisationPage>();
    const other = others.items.find((o) => o.id !== me.user.organisationId);
    expect(other?.can.edit).toBe(false);
    const refused = await request('PATCH', `/api/organisations/${other?.id}`, {
      as: MEMBER_ALSACE,
      body: { description: 'pirate' },
    });
    expect(refused.statusCode).toBe(403);
    const creating = await request('POST', '/api/organisations', {
      as: MEMBER_ALSACE,
      body: { name: 'Nouvelle', universe: 'sme' },
    });
    expect(creating.statusCode).toBe(403);
  });
});
