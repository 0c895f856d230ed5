import type { Person } from '../../contracts/directory.ts';
import { currentConsents, isInformationOverdue } from '../../domain/directory/people.ts';
import type { Actor } from '../access/actor.ts';
import { authorize, type Action } from '../access/policy.ts';
import type { Services } from '../ports.ts';
import type { PersonRecord } from './ports.ts';

/** The organisation a check of this person is made against: the asker's own, when the person acts for it. */
export function personTarget(
  actor: Actor,
  person: PersonRecord,
): { labId: string; organisationId: string | null } {
  const own = actor.kind === 'user' ? actor.organisationId : null;
  const acting = person.organisations.map((o) => o.organisationId);
  return { labId: person.labId, organisationId: own && acting.includes(own) ? own : (acting[0] ?? null) };
}

function may(actor: Actor, action: Action, person: PersonRecord): boolean {
  try {
    authorize(actor, action, personTarget(actor, person));
    return true;
  } catch {
    return false;
  }
}

export async function presentPerson(
  services: Pick<Services, 'people' | 'clock'>,
  actor: Actor,
  person: PersonRecord,
): Promise<Person> {
  const records = await services.people.consents(person.id);
  const consents = currentConsents(records.map((r) => ({ ...r, at: new Date(r.at) })));
  return {
    ...person,
    legalBasis: person.legalBasis as Person['legalBasis'],
    informationOverdue: isInformationOverdue(
      {
        source: person.source,
        informedAt: person.informedAt ? new Date(person.informedAt) : null,
        createdAt: new Date(person.createdAt),
      },
      services.clock.now(),
    ),
    consents: consents.map((c) => ({ ...c, since: c.since.toISOString() })),
    can: {
      edit: may(actor, 'person.update', person),
      erase: may(actor, 'person.erase', person),
      export: may(actor, 'person.export', person),
    },
  };
}
