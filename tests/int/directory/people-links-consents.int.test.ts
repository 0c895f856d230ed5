import { describe, expect, it } from 'vitest';
import type { ConsentHistory, Person } from '../../../src/contracts/directory.ts';
import type { OrganisationPage } from '../../../src/contracts/organisations.ts';
import { databaseAvailable, testEngine } from '../../support/database.ts';
import { useHarness } from '../../support/harness.ts';
import { FACILITATOR_ALSACE, FACILITATOR_ISERE, MEMBER_ALSACE, requester } from '../../support/request.ts';

/** The two routes the organisation page's people screens need: consent history and extra links. */
describe.skipIf(!databaseAvailable())(`people: consent history and organisations on ${testEngine}`, () => {
  const harness = useHarness();
  const request = requester(harness);

  const organisationNamed = async (name: string, as = FACILITATOR_ALSACE) => {
    const page = (
      await request('GET', `/api/organisations?q=${encodeURIComponent(name)}`, { as })
    ).json<OrganisationPage>();
    const found = page.items.find((o) => o.name === name);
    if (!found) throw new Error(`no organisation ${name}`);
    return found;
  };

  const newPerson = async (organisationId: string, as = FACILITATOR_ALSACE) => {
    const created = await request('POST', '/api/people', {
      as,
      body: { firstName: 'Odile', lastName: 'Schaeffer', organisationId, role: 'Trésorière' },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json<Person>();
  };

  it('lists every consent record, given then withdrawn, oldest first', async () => {
    const organisation = await organisationNamed('Libre Objet');
    const person = await newPerson(organisation.id);
    for (const [action, at] of [
      ['given', '2026-01-10T09:00:00.000Z'],
      ['withdrawn', '2026-02-10T09:00:00.000Z'],
    ] as const) {
      const response = await request('POST', `/api/people/${person.id}/consents`, {
        as: FACILITATOR_ALSACE,
        body: { purpose: 'newsletter', action, textVersion: 'lettre-2026-01', channel: 'email', at },
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const history = await request('GET', `/api/people/${person.id}/consents`, { as: MEMBER_ALSACE });
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json<ConsentHistory>().items.map((r) => [r.action, r.textVersion, r.channel])).toEqual([
      ['given', 'lettre-2026-01', 'email'],
      ['withdrawn', 'lettre-2026-01', 'email'],
    ]);
    const person2 = await request('GET', `/api/people/${person.id}`, { as: FACILITATOR_ALSACE });
    expect(person2.json<Person>().consents).toMatchObject([{ purpose: 'newsletter', given: false }]);
    // Another lab's team does not learn that the person exists.
    expect(
      (await request('GET', `/api/people/${person.id}/consents`, { as: FACILITATOR_ISERE })).statusCode,
    ).toBe(404);
  });

  it('links a person to a second organisation of the lab, never across labs nor beyond a member’s own', async () => {
    const own = await organisationNamed('Libre Objet');
    const other = await organisationNamed('Les Jardins de la Montagne Verte');
    const person = await newPerson(own.id);

    const linked = await request('POST', `/api/people/${person.id}/organisations`, {
      as: FACILITATOR_ALSACE,
      body: { organisationId: other.id, role: 'Bénévole' },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(
      linked
        .json<Person>()
        .organisations.map((o) => [o.name, o.role])
        .sort(),
    ).toEqual([
      ['Les Jardins de la Montagne Verte', 'Bénévole'],
      ['Libre Objet', 'Trésorière'],
    ]);

    // A member may change its own people but not attach them to another organisation.
    const byMember = await request('POST', `/api/people/${person.id}/organisations`, {
      as: MEMBER_ALSACE,
      body: { organisationId: other.id, role: null },
    });
    expect([403, 404]).toContain(byMember.statusCode);

    const isere = await request('GET', '/api/organisations?pageSize=1', { as: FACILITATOR_ISERE });
    const isereId = isere.json<OrganisationPage>().items[0]?.id;
    expect(isereId).toBeDefined();
    const crossLab = await request('POST', `/api/people/${person.id}/organisations`, {
      as: FACILITATOR_ALSACE,
      body: { organisationId: isereId, role: null },
    });
    expect(crossLab.statusCode).toBe(404);
  });
});
