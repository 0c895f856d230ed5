import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult, MergeResult } from '../../../src/contracts/directory.ts';
import type { Organisation, OrganisationPage } from '../../../src/contracts/organisations.ts';
import { databaseAvailable, testEngine } from '../../support/database.ts';
import { useHarness } from '../../support/harness.ts';
import { FACILITATOR_ALSACE, requester } from '../../support/request.ts';

/** What the web screens send: a column mapping chosen by hand, and the merge's field choices. */
describe.skipIf(!databaseAvailable())(`directory import mapping and merge choices on ${testEngine}`, () => {
  const harness = useHarness();
  const request = requester(harness);

  it('imports with a mapping chosen by hand for headers it cannot guess, and refuses a column that is not in the file', async () => {
    const csv = [
      'Structure porteuse;Forme;Commune (code);Contact courriel',
      'Tiers-lieu du Neudorf;Association;67482;bonjour@neudorf.example.org',
      'Coopérative Rhénane;SCOP;67218;',
    ].join('\n');
    const file = { fileName: 'partenaires.csv', contentBase64: Buffer.from(csv).toString('base64') };

    const guessed = await request('POST', '/api/directory/imports/preview', {
      as: FACILITATOR_ALSACE,
      body: file,
    });
    // The dry run answers with the headers so that the columns can be chosen; nothing is planned.
    expect(guessed.statusCode, guessed.body).toBe(200);
    expect(guessed.json<ImportPreview>()).toMatchObject({
      headers: ['Structure porteuse', 'Forme', 'Commune (code)', 'Contact courriel'],
      missing: ['name', 'universe'],
      rows: 2,
      lines: [],
    });
    const unmapped = await request('POST', '/api/directory/imports/apply', {
      as: FACILITATOR_ALSACE,
      body: file,
    });
    expect(unmapped.statusCode).toBe(400);
    expect(unmapped.json()).toMatchObject({
      code: 'invalid_mapping',
      errors: [
        expect.objectContaining({ path: 'mapping.name' }),
        expect.objectContaining({ path: 'mapping.universe' }),
      ],
    });

    const mapping = {
      name: 'Structure porteuse',
      universe: 'Forme',
      communeInsee: 'Commune (code)',
      contactEmail: 'Contact courriel',
    };
    const preview = await request('POST', '/api/directory/imports/preview', {
      as: FACILITATOR_ALSACE,
      body: { ...file, mapping },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json<ImportPreview>()).toMatchObject({
      headers: ['Structure porteuse', 'Forme', 'Commune (code)', 'Contact courriel'],
      mapping,
      missing: [],
      toCreate: 2,
      rejected: 0,
    });

    const wrong = await request('POST', '/api/directory/imports/preview', {
      as: FACILITATOR_ALSACE,
      body: { ...file, mapping: { ...mapping, website: 'Site' } },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: 'invalid_mapping',
      errors: [expect.objectContaining({ path: 'mapping.website' })],
    });

    const applied = await request('POST', '/api/directory/imports/apply', {
      as: FACILITATOR_ALSACE,
      body: { ...file, mapping },
    });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json<ImportResult>()).toEqual({ created: 2, updated: 0, people: 1 });
    const found = await request('GET', '/api/organisations?q=Tiers-lieu%20du%20Neudorf', {
      as: FACILITATOR_ALSACE,
    });
    expect(found.json<OrganisationPage>().items[0]).toMatchObject({
      communeInsee: '67482',
      departement: '67',
    });
  });

  it('merges with the values the facilitator chose from the absorbed organisation, territory and SIREN following', async () => {
    const make = async (body: Record<string, unknown>) => {
      const r = await request('POST', '/api/organisations', { as: FACILITATOR_ALSACE, body });
      expect(r.statusCode, r.body).toBe(201);
      return r.json<Organisation>();
    };
    const kept = await make({
      name: 'Epicerie solidaire Colmar',
      universe: 'association',
      communeInsee: '68066',
      siret: '55210055400013',
      address: '3 rue Vauban',
    });
    const absorbed = await make({
      name: 'Épicerie Solidaire de Colmar',
      universe: 'social_enterprise',
      communeInsee: '68224',
      siret: '40048550400064',
      naf: '47.11B',
      website: 'https://epicerie.example.org',
    });

    const refused = await request('POST', '/api/directory/merge', {
      as: FACILITATOR_ALSACE,
      body: { keptId: kept.id, absorbedId: absorbed.id, take: ['nom'] },
    });
    expect(refused.statusCode).toBe(400);

    const merged = await request('POST', '/api/directory/merge', {
      as: FACILITATOR_ALSACE,
      body: { keptId: kept.id, absorbedId: absorbed.id, take: ['name', 'siret', 'communeInsee'] },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json<MergeResult>().kept).toMatchObject({
      id: kept.id,
      name: 'Épicerie Solidaire de Colmar',
      universe: 'association',
      siret: '40048550400064',
      siren: '400485504',
      communeInsee: '68224',
      departement: '68',
      address: '3 rue Vauban',
      naf: '47.11B',
      nafSection: 'G',
      website: 'https://epicerie.example.org',
    });
    const gone = await request('GET', `/api/organisations/${absorbed.id}`, { as: FACILITATOR_ALSACE });
    expect(gone.json<Organisation>()).toMatchObject({ status: 'archived', mergedInto: kept.id });
  });
});
