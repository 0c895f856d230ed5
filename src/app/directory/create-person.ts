import type { Person, PersonInput } from '../../contracts/directory.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import type { Services } from '../ports.ts';
import { auditPerson, recordPersonAdded } from './load-person.ts';
import { presentPerson } from './present-person.ts';

/** Adds a person acting for an organisation of the asker's lab (a member: its own organisation). */
export async function createPerson(services: Services, actor: Actor, input: PersonInput): Promise<Person> {
  authorize(actor, 'person.create');
  const organisation = await services.organisations.find(input.organisationId);
  if (!organisation) throw new DomainError('not_found', 'Organisation not found');
  authorize(actor, 'person.create', { labId: organisation.labId, organisationId: organisation.id });
  const now = services.clock.now();
  const person = await services.people.create(
    organisation.labId,
    {
      firstName: input.firstName,
      lastName: input.lastName,
      jobTitle: input.jobTitle ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      legalBasis: input.legalBasis,
      source: 'manual',
      informedAt: input.informedAt ? new Date(input.informedAt) : null,
    },
    [{ organisationId: organisation.id, role: input.role ?? null }],
    now,
  );
  await recordPersonAdded(services, actor, organisation, person.id);
  await auditPerson(services, actor, 'person.create', person);
  return presentPerson(services, actor, person);
}
