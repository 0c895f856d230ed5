import { describe, expect, it } from 'vitest';
import type { MatchingStats, SuggestionList } from '../../../src/contracts/matching.ts';
import type { OrganisationPage } from '../../../src/contracts/organisations.ts';
import { databaseAvailable, testEngine } from '../../support/database.ts';
import { TEST_ORIGIN, useHarness } from '../../support/harness.ts';

const FACILITATOR = 'facilitatrice@alsace.labo.test';
const ADMIN = 'admin@alsace.labo.test';
const MEMBER = 'membre@alsace.labo.test';
const ISERE = 'facilitateur@isere.labo.test';

// The partnerships told in shared/seeds, which the demo directory holds before they happened.
const SEED_PAIRS: [string, string][] = [
  ['SATI — Torréfaction de café', 'Libre Objet'],
  ['SATI — Torréfaction de café', 'Les Jardins de la Montagne Verte'],
  ['Grand employeur informatique (site alsacien)', 'Banque Alimentaire du Bas-Rhin'],
  ['Restaurant rapide franchisé de Mulhouse', 'Compagnie de cirque et d’arts de la rue'],
];

describe.skipIf(!databaseAvailable())(`suggested partners on ${testEngine}`, () => {
  const harness = useHarness();
  const get = async (url: string, as?: string) =>
    harness.runtime.app.inject({
      method: 'GET',
      url,
      headers: as ? { cookie: await harness.signIn(as) } : {},
    });
  const post = async (url: string, as: string) =>
    harness.runtime.app.inject({
      method: 'POST',
      url,
      headers: { cookie: await harness.signIn(as), origin: TEST_ORIGIN, 'content-type': 'application/json' },
      payload: '{}',
    });
  const idOf = async (name: string): Promise<string> => {
    const page = (
      await get(`/api/organisations?q=${encodeURIComponent(name)}&pageSize=50`, FACILITATOR)
    ).json<OrganisationPage>();
    const found = page.items.find((o) => o.name === name);
    if (!found) throw new Error(`${name} is not in the demo directory`);
    return found.id;
  };

  it.each(SEED_PAIRS)(
    'puts the seeds’ pair %s ↔ %s in each other’s top 10, with a reason and a type',
    async (a, b) => {
      const [idA, idB] = [await idOf(a), await idOf(b)];
      for (const [from, to] of [
        [idA, idB],
        [idB, idA],
      ] as const) {
        const response = await get(`/api/organisations/${from}/suggestions`, FACILITATOR);
        expect(response.statusCode).toBe(200);
        const list = response.json<SuggestionList>();
        expect(list.items.length).toBeLessThanOrEqual(10);
        const hit = list.items.find((s) => s.organisation.id === to);
        expect(hit, `${to} in the top 10 of ${from}`).toBeDefined();
        expect(hit?.why.length).toBeGreaterThan(20);
        expect([
          'mécénat',
          'pratiques responsables',
          'coopération économique',
          'innovation sociétale',
        ]).toContain(hit?.type);
      }
    },
  );

  it('never suggests an organisation of another lab, nor the organisation itself', async () => {
    const id = await idOf('Libre Objet');
    const list = (
      await get(`/api/organisations/${id}/suggestions?top=50`, FACILITATOR)
    ).json<SuggestionList>();
    const alsace = new Set(
      (await get('/api/organisations?pageSize=100&page=1', FACILITATOR))
        .json<OrganisationPage>()
        .items.map((o) => o.labId),
    );
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.map((s) => s.organisation.id)).not.toContain(id);
    const labs = new Set<string>();
    for (const suggestion of list.items) {
      const organisation = await get(`/api/organisations/${suggestion.organisation.id}`, FACILITATOR);
      expect(organisation.statusCode).toBe(200);
      labs.add(organisation.json<{ labId: string }>().labId);
    }
    expect([...labs].every((lab) => alsace.has(lab))).toBe(true);
    expect((await get(`/api/organisations/${id}/suggestions`, ISERE)).statusCode).toBe(404);
    expect((await get(`/api/organisations/${id}/suggestions`)).statusCode).toBe(401);
  });

  it('stores "pas pertinent", hides the suggestion and shows the acceptance rate to admins', async () => {
    const id = await idOf('Libre Objet');
    const before = (await get(`/api/organisations/${id}/suggestions`, MEMBER)).json<SuggestionList>();
    const dismissed = before.items[0]?.organisation.id;
    expect(dismissed).toBeDefined();
    expect(
      (await post(`/api/organisations/${id}/suggestions/${dismissed}/not-relevant`, MEMBER)).statusCode,
    ).toBe(204);
    const after = (await get(`/api/organisations/${id}/suggestions`, MEMBER)).json<SuggestionList>();
    expect(after.items.map((s) => s.organisation.id)).not.toContain(dismissed);

    const other = await idOf('Banque Alimentaire du Bas-Rhin');
    const refused = await post(`/api/organisations/${other}/suggestions/${dismissed}/not-relevant`, MEMBER);
    expect(refused.statusCode).toBe(403);

    const stats = (await get('/api/admin/matching-stats', ADMIN)).json<MatchingStats>();
    expect(stats.notRelevant).toBeGreaterThanOrEqual(1);
    expect(stats.shown).toBeGreaterThanOrEqual(before.items.length);
    expect(stats.acceptanceRate).toBeCloseTo(1 - stats.notRelevant / stats.shown, 5);
    expect((await get('/api/admin/matching-stats', FACILITATOR)).statusCode).toBe(403);
  });
});
