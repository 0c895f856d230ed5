import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type {
  DuplicateList,
  ImportPreview,
  MapPoints,
  MergeResult,
  NeedOffer,
  NeedOfferPage,
} from '../../../src/contracts/directory.ts';
import type { Organisation, OrganisationPage } from '../../../src/contracts/organisations.ts';
import { databaseAvailable, testEngine } from '../../support/database.ts';
import { useHarness } from '../../support/harness.ts';
import {
  FACILITATOR_ALSACE,
  FACILITATOR_ISERE,
  MEMBER_ALSACE,
  VIEWER_ALSACE,
  requester,
} from '../../support/request.ts';

describe.skipIf(!databaseAvailable())(`directory on ${testEngine}`, () => {
  const harness = useHarness();
  const request = requester(harness);
  const search = async (query: string, as = FACILITATOR_ALSACE) => {
    const response = await request('GET', `/api/organisations?${query}`, { as });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<OrganisationPage>();
  };

  it('creates a complete organisation: NAF labelled, territory resolved from the commune, position at its centre', async () => {
    const response = await request('POST', '/api/organisations', {
      as: FACILITATOR_ALSACE,
      body: {
        name: 'Atelier Vélo Solidaire',
        universe: 'association',
        communeInsee: '67482',
        naf: '9499Z',
        headcountBand: '03',
        address: '12 rue des Tanneurs',
        postalCode: '67000',
        website: 'https://velo.example.org',
        themes: ['mobility', 'employment_inclusion'],
        description: 'Réparation de vélos et insertion.',
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<Organisation>()).toMatchObject({
      naf: '94.99Z',
      nafSection: 'S',
      nafLabel: expect.stringContaining('adhésion volontaire'),
      headcountBand: '03',
      epci: '246700488',
      epciName: expect.stringContaining('Strasbourg'),
      departement: '67',
      departementName: 'Bas-Rhin',
      region: '44',
      regionName: 'Grand Est',
      latitude: 48.56907,
      longitude: 7.76208,
      positionPrecision: 'commune',
      themes: ['mobility', 'employment_inclusion'],
    });
  });

  it('rejects a bad NAF code, an unknown band and a website that is not http(s), naming the fields', async () => {
    const response = await request('POST', '/api/organisations', {
      as: FACILITATOR_ALSACE,
      body: {
        name: 'Mauvaise fiche',
        universe: 'sme',
        naf: 'abc',
        headcountBand: '99',
        website: 'javascript:alert(1)',
      },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json<{ errors: { path: string }[] }>().errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['naf', 'headcountBand', 'website']));
  });

  it('finds "jardin partagé" and "jardins partages" alike, stemmed and accent-blind', async () => {
    const accented = await search(`q=${encodeURIComponent('jardin partagé')}&pageSize=100`);
    const plain = await search(`q=${encodeURIComponent('jardins partages')}&pageSize=100`);
    expect(accented.total).toBeGreaterThan(0);
    expect(plain.items.map((o) => o.id).sort()).toEqual(accented.items.map((o) => o.id).sort());
    expect(accented.items.map((o) => o.name)).toContain('Les Jardins de la Montagne Verte');
  });

  it('survives typos on names: "assocation sportive", "banque alimentair"', async () => {
    const sport = await search(`q=${encodeURIComponent('assocation sportive')}`);
    expect(sport.items[0]?.name).toMatch(/^Association sportive/);
    const food = await search(`q=${encodeURIComponent('banque alimentair')}`);
    expect(food.items[0]?.name).toBe('Banque Alimentaire du Bas-Rhin');
  });

  it('searches needs and offers too, and ranks the best match first', async () => {
    const page = await search(`q=${encodeURIComponent('marc de café compost')}`);
    expect(page.items[0]?.name).toBe('SATI — Torréfaction de café');
  });

  it('filters by territory at every level, theme, NAF section, size and open needs or offers', async () => {
    const all = await search('pageSize=1');
    const haut = await search('departement=68&pageSize=100');
    const bas = await search('departement=67&pageSize=1');
    expect(haut.total + bas.total).toBe(all.total);
    expect(haut.items.every((o) => o.departement === '68')).toBe(true);
    const ems = await search('epci=246700488&pageSize=100');
    expect(ems.items.every((o) => o.epci === '246700488')).toBe(true);
    expect((await search('region=44')).total).toBe(all.total);
    expect((await search('region=84')).total).toBe(0);
    expect((await search('commune=67482&pageSize=100')).items.every((o) => o.communeInsee === '67482')).toBe(
      true,
    );
    const food = await search('theme=food&pageSize=100');
    expect(food.total).toBeGreaterThan(0);
    expect(food.items.every((o) => o.themes?.includes('food'))).toBe(true);
    const section = await search('nafSection=S&pageSize=100');
    expect(section.items.every((o) => o.nafSection === 'S')).toBe(true);
    const large = await search('size=large&pageSize=100');
    expect(
      large.items.every((o) => ['32', '41', '42', '51', '52', '53'].includes(o.headcountBand ?? '')),
    ).toBe(true);
    const needing = await search('hasOpenNeeds=true&pageSize=100');
    expect(needing.total).toBeGreaterThan(0);
    expect(needing.items.every((o) => (o.openNeeds ?? 0) > 0)).toBe(true);
    const notNeeding = await search('hasOpenNeeds=false&pageSize=1');
    expect(needing.total + notNeeding.total).toBe(all.total);
  });

  it('pages through results without overlap', async () => {
    const first = await search('pageSize=10&page=1&sort=name');
    const second = await search('pageSize=10&page=2&sort=name');
    expect(first.items).toHaveLength(10);
    const ids = new Set(first.items.map((o) => o.id));
    expect(second.items.some((o) => ids.has(o.id))).toBe(false);
  });

  it('shows who offers what near Strasbourg (within 15 km)', async () => {
    const response = await request(
      'GET',
      '/api/needs-offers?kind=offer&near=67482&radiusKm=15&pageSize=100',
      { as: FACILITATOR_ALSACE },
    );
    expect(response.statusCode).toBe(200);
    const page = response.json<NeedOfferPage>();
    expect(page.items.map((i) => i.title)).toContain('Paquets de café défectueux');
    expect(page.items.every((i) => i.kind === 'offer')).toBe(true);
    expect(page.items.map((i) => i.organisationName)).not.toContain(
      'Restaurant rapide franchisé de Mulhouse',
    );
    const organisations = await search('near=67482&radiusKm=15&hasOpenOffers=true&pageSize=100');
    expect(organisations.items.map((o) => o.name)).toContain('SATI — Torréfaction de café');
  });

  it('lets a member add and edit its own needs and offers only; viewers only read', async () => {
    const me = (await request('GET', '/api/me', { as: MEMBER_ALSACE })).json<{
      user: { organisationId: string };
    }>();
    const own = me.user.organisationId;
    // Open needs are counted on the organisation (a trigger), which the "has open needs" filter reads.
    const openNeeds = async () =>
      (await request('GET', `/api/organisations/${own}`, { as: MEMBER_ALSACE })).json<Organisation>()
        .openNeeds ?? 0;
    const before = await openNeeds();
    const created = await request('POST', `/api/organisations/${own}/needs-offers`, {
      as: MEMBER_ALSACE,
      body: {
        kind: 'need',
        category: 'premises',
        title: 'Un atelier de 80 m²',
        quantity: 80,
        unit: 'm²',
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json<NeedOffer>();
    expect(item).toMatchObject({ status: 'open', can: { edit: true } });
    expect(await openNeeds()).toBe(before + 1);
    const edited = await request('PATCH', `/api/needs-offers/${item.id}`, {
      as: MEMBER_ALSACE,
      body: { status: 'met' },
    });
    expect(edited.json<NeedOffer>().status).toBe('met');
    expect(await openNeeds()).toBe(before);
    const backwards = await request('PATCH', `/api/needs-offers/${item.id}`, {
      as: MEMBER_ALSACE,
      body: { periodEnd: '2026-01-01' },
    });
    expect(backwards.statusCode).toBe(400);

    const other = (await search('q=Banque%20Alimentaire')).items[0];
    const foreign = await request('POST', `/api/organisations/${other?.id}/needs-offers`, {
      as: MEMBER_ALSACE,
      body: { kind: 'offer', category: 'money', title: 'Pas à moi' },
    });
    expect(foreign.statusCode).toBe(403);
    const viewer = await request('POST', `/api/organisations/${own}/needs-offers`, {
      as: VIEWER_ALSACE,
      body: { kind: 'offer', category: 'money', title: 'Lecture seule' },
    });
    expect(viewer.statusCode).toBe(403);
    const isere = await request('GET', `/api/needs-offers/${item.id}`, { as: FACILITATOR_ISERE });
    expect(isere.statusCode).toBe(404);

    const timeline = (
      await request('GET', `/api/organisations/${own}/timeline`, { as: MEMBER_ALSACE })
    ).json<{ items: { kind: string }[] }>();
    expect(timeline.items.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['need_added', 'need_offer_status']),
    );
  });

  it('exports the filtered list as CSV and XLSX with formula cells neutralised', async () => {
    const created = await request('POST', '/api/organisations', {
      as: FACILITATOR_ALSACE,
      body: {
        name: '=HYPERLINK("http://evil.example","clic")',
        universe: 'sme',
        communeInsee: '68224',
        description: '@SUM(1+1)',
      },
    });
    expect(created.statusCode).toBe(201);
    const csv = await request('GET', '/api/organisations/export?format=csv&departement=68&q=HYPERLINK', {
      as: FACILITATOR_ALSACE,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="annuaire-.*\.csv"/);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""clic"")"`);
    expect(csv.body).toContain("'@SUM(1+1)");
    expect(csv.body).not.toMatch(/(^|;)=HYPERLINK/m);

    const xlsx = await request('GET', '/api/organisations/export?format=xlsx&departement=68', {
      as: FACILITATOR_ALSACE,
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const names: string[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) names.push(row.getCell(1).text);
    });
    expect(names.length).toBe(Number(xlsx.headers['x-labo-rows']));
    expect(names).toContain(`'=HYPERLINK("http://evil.example","clic")`);
    expect(names.every((n) => !/^[=+\-@]/.test(n))).toBe(true);

    expect((await request('GET', '/api/organisations/export', { as: MEMBER_ALSACE })).statusCode).toBe(403);
    expect((await request('GET', '/api/organisations/export')).statusCode).toBe(401);
  });

  it('gives map points of the filtered list, inside the lab’s territory', async () => {
    const response = await request('GET', '/api/organisations/map?departement=67', {
      as: FACILITATOR_ALSACE,
    });
    const points = response.json<MapPoints>();
    expect(points.items.length).toBeGreaterThan(50);
    expect(
      points.items.every(
        (p) => p.latitude > 47.4 && p.latitude < 49.2 && p.longitude > 6.8 && p.longitude < 8.3,
      ),
    ).toBe(true);
  });

  it('flags a close name in the same commune and merges it, keeping every link', async () => {
    const make = async (name: string, extra: Record<string, unknown> = {}) => {
      const r = await request('POST', '/api/organisations', {
        as: FACILITATOR_ALSACE,
        body: { name, universe: 'association', communeInsee: '67218', ...extra },
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json<Organisation>();
    };
    const kept = await make('Repair Café de Schiltigheim');
    const absorbed = await make('Repair Cafe Schiltigheim', {
      siret: '40048550400064',
      website: 'https://repair.example.org',
    });
    const need = await request('POST', `/api/organisations/${absorbed.id}/needs-offers`, {
      as: FACILITATOR_ALSACE,
      body: { kind: 'need', category: 'equipment', title: 'Outils de réparation' },
    });
    const person = await request('POST', '/api/people', {
      as: FACILITATOR_ALSACE,
      body: {
        firstName: 'Léon',
        lastName: 'Roth',
        organisationId: absorbed.id,
        email: 'leon@repair.example.org',
      },
    });
    expect(person.statusCode).toBe(201);

    const duplicates = (
      await request('GET', '/api/directory/duplicates', { as: FACILITATOR_ALSACE })
    ).json<DuplicateList>();
    const pair = duplicates.items.find(
      (p) => [p.first.id, p.second.id].sort().join() === [kept.id, absorbed.id].sort().join(),
    );
    expect(pair?.reason).toBe('close_name_same_commune');
    expect((await request('GET', '/api/directory/duplicates', { as: MEMBER_ALSACE })).statusCode).toBe(403);

    const merged = await request('POST', '/api/directory/merge', {
      as: FACILITATOR_ALSACE,
      body: { keptId: kept.id, absorbedId: absorbed.id },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const result = merged.json<MergeResult>();
    expect(result.kept).toMatchObject({ siret: '40048550400064', website: 'https://repair.example.org' });
    expect(result.moved).toMatchObject({ needs_offers: 1, person_organisations: 1 });
    const needs = (
      await request('GET', `/api/organisations/${kept.id}/needs-offers`, { as: FACILITATOR_ALSACE })
    ).json<NeedOfferPage>();
    expect(needs.items.map((n) => n.id)).toContain(need.json<NeedOffer>().id);
    const people = (
      await request('GET', `/api/organisations/${kept.id}/people`, { as: FACILITATOR_ALSACE })
    ).json<{ items: { lastName: string }[] }>();
    expect(people.items.map((p) => p.lastName)).toContain('Roth');
    const gone = (
      await request('GET', `/api/organisations/${absorbed.id}`, { as: FACILITATOR_ALSACE })
    ).json<Organisation>();
    expect(gone).toMatchObject({ status: 'archived', mergedInto: kept.id, siret: null, openNeeds: 0 });
    const keptNow = (
      await request('GET', `/api/organisations/${kept.id}`, { as: FACILITATOR_ALSACE })
    ).json<Organisation>();
    expect(keptNow.openNeeds).toBe(1);
    const needing = await search('q=Repair%20Caf%C3%A9%20Schiltigheim&hasOpenNeeds=true&pageSize=100');
    expect(needing.items.map((o) => o.id)).toContain(kept.id);
    const archivedNeeding = await search('status=archived&hasOpenNeeds=true&pageSize=100');
    expect(archivedNeeding.items.map((o) => o.id)).not.toContain(absorbed.id);
    const after = (
      await request('GET', '/api/directory/duplicates', { as: FACILITATOR_ALSACE })
    ).json<DuplicateList>();
    expect(after.items.some((p) => p.first.id === absorbed.id || p.second.id === absorbed.id)).toBe(false);
  });

  it('imports a spreadsheet: dry run line by line, nothing written while a line is rejected, then applied whole', async () => {
    const csv = [
      'Nom;Type;SIRET;Code INSEE;Email;Prénom;Nom du contact',
      'Ressourcerie du Ried;Association;;67462;contact@ried.example.org;Anne;Klein',
      'Boulangerie Weber;PME;73282932000074;68224;;;',
      'Ligne fausse;Extraterrestre;123;99999;pas-un-mail;;',
    ].join('\n');
    const body = (text: string) => ({
      fileName: 'annuaire.csv',
      contentBase64: Buffer.from(text, 'utf8').toString('base64'),
    });
    const preview = await request('POST', '/api/directory/imports/preview', {
      as: FACILITATOR_ALSACE,
      body: body(csv),
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const plan = preview.json<ImportPreview>();
    expect(plan).toMatchObject({ rows: 3, toCreate: 2, toUpdate: 0, rejected: 1 });
    expect(plan.lines[2]).toMatchObject({ line: 4, outcome: 'reject' });
    expect(plan.lines[2]?.problems.map((p) => p.column)).toEqual(
      expect.arrayContaining(['Type', 'SIRET', 'Email']),
    );

    const before = await search('pageSize=1');
    const refused = await request('POST', '/api/directory/imports/apply', {
      as: FACILITATOR_ALSACE,
      body: body(csv),
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'import_rejected',
      errors: expect.arrayContaining([expect.objectContaining({ path: 'line.4.Type' })]),
    });
    expect((await search('pageSize=1')).total).toBe(before.total);

    const good = csv.split('\n').slice(0, 3).join('\n');
    const applied = await request('POST', '/api/directory/imports/apply', {
      as: FACILITATOR_ALSACE,
      body: body(good),
    });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toEqual({ created: 2, updated: 0, people: 1 });
    const again = (
      await request('POST', '/api/directory/imports/preview', { as: FACILITATOR_ALSACE, body: body(good) })
    ).json<ImportPreview>();
    expect(again).toMatchObject({ toCreate: 1, toUpdate: 1 });
    expect(
      (await request('POST', '/api/directory/imports/preview', { as: MEMBER_ALSACE, body: body(good) }))
        .statusCode,
    ).toBe(403);
  });

  it('reads an XLSX spreadsheet and refuses a CSV with an unclosed quote, naming the line', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Feuille 1');
    sheet.addRow(['Nom', 'Type', 'Code INSEE']);
    sheet.addRow(['Fablab de Colmar', 'Association', '68066']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const preview = await request('POST', '/api/directory/imports/preview', {
      as: FACILITATOR_ALSACE,
      body: { fileName: 'liste.xlsx', contentBase64: xlsx },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json<ImportPreview>()).toMatchObject({
      rows: 1,
      toCreate: 1,
      lines: [{ line: 2, name: 'Fablab de Colmar' }],
    });

    const broken = 'Nom;Type\nA;Association\n"B;Association\nC;PME\n';
    const response = await request('POST', '/api/directory/imports/preview', {
      as: FACILITATOR_ALSACE,
      body: { fileName: 'casse.csv', contentBase64: Buffer.from(broken).toString('base64') },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'malformed_file',
      errors: [{ message: expect.stringMatching(/^Ligne \d+ : guillemet/) }],
    });
  });
});
