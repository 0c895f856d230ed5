import type { PersonListQuery, PersonPage } from '../../contracts/directory.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import type { Services } from '../ports.ts';
import { presentPerson } from './present-person.ts';

/**
 * The people of the lab (or, for a member, of its own organisation), optionally those acting for
 * one organisation. The listing itself is audited: it shows personal data.
 */
export async function listPeople(
  services: Services,
  actor: Actor,
  query: PersonListQuery & { organisationId?: string | undefined },
): Promise<PersonPage> {
  const scope = authorize(actor, 'person.list');
  if (actor.kind !== 'user' || !actor.labId) throw new DomainError('forbidden', 'No lab');
  let organisationId = query.organisationId;
  if (organisationId) {
    const organisation = await services.organisations.find(organisationId);
    if (!organisation) throw new DomainError('not_found', 'Organisation not found');
    authorize(actor, 'person.list', { labId: organisation.labId, organisationId });
  }
  if (scope === 'organisation') {
    if (!actor.organisationId) throw new DomainError('forbidden', 'No organisation');
    organisationId = actor.organisationId;
  }
  const { items, total } = await services.people.list(actor.labId, { ...query, organisationId });
  await services.audit.record({
    actorId: actor.userId,
    labId: actor.labId,
    action: 'person.list',
    subject: organisationId ?? null,
    outcome: 'success',
    details: { count: items.length },
  });
  return {
    items: await Promise.all(items.map((p) => presentPerson(services, actor, p))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
