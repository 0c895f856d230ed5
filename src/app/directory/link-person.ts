import type { Person, PersonLinkInput } from '../../contracts/directory.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import type { Services } from '../ports.ts';
import { auditPerson, loadPerson, recordPersonAdded } from './load-person.ts';
import { presentPerson } from './present-person.ts';

/**
 * Records that a person also acts for another organisation (or changes their role there).
 * The asker must be allowed to change the person and to add people to that organisation, which
 * must be in the person's lab: a link never crosses labs.
 */
export async function linkPerson(
  services: Services,
  actor: Actor,
  personId: string,
  input: PersonLinkInput,
): Promise<Person> {
  const person = await loadPerson(services, actor, personId, 'person.update');
  const organisation = await services.organisations.find(input.organisationId);
  if (!organisation || organisation.labId !== person.labId) {
    throw new DomainError('not_found', 'Organisation not found');
  }
  authorize(actor, 'person.create', { labId: organisation.labId, organisationId: organisation.id });
  const isNew = !person.organisations.some((o) => o.organisationId === organisation.id);
  await services.people.link(person.id, organisation.id, input.role ?? null);
  if (isNew) await recordPersonAdded(services, actor, organisation, person.id);
  await auditPerson(services, actor, 'person.update', person, { fields: ['organisations'] });
  const updated = await services.people.find(person.id);
  if (!updated) throw new DomainError('not_found', 'Person not found');
  return presentPerson(services, actor, updated);
}
