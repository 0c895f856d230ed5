import type { Person, PersonPatch } from '../../contracts/directory.ts';
import type { Actor } from '../access/actor.ts';
import type { Services } from '../ports.ts';
import type { PersonWrite } from './ports.ts';
import { auditPerson, loadPerson } from './load-person.ts';
import { presentPerson } from './present-person.ts';

/** Rectification (GDPR Art. 16); the audit names the fields changed, never their values. */
export async function updatePerson(
  services: Services,
  actor: Actor,
  id: string,
  patch: PersonPatch,
): Promise<Person> {
  await loadPerson(services, actor, id, 'person.update');
  const data: Partial<PersonWrite> = {};
  if (patch.firstName !== undefined) data.firstName = patch.firstName;
  if (patch.lastName !== undefined) data.lastName = patch.lastName;
  if (patch.jobTitle !== undefined) data.jobTitle = patch.jobTitle;
  if (patch.email !== undefined) data.email = patch.email;
  if (patch.phone !== undefined) data.phone = patch.phone;
  if (patch.legalBasis !== undefined) data.legalBasis = patch.legalBasis;
  if (patch.informedAt !== undefined) data.informedAt = patch.informedAt ? new Date(patch.informedAt) : null;
  const person = await services.people.update(id, data, services.clock.now());
  await auditPerson(services, actor, 'person.update', person, { fields: Object.keys(patch) });
  return presentPerson(services, actor, person);
}
