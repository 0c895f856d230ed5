import type { Person } from '../../contracts/directory.ts';
import type { Actor } from '../access/actor.ts';
import type { Services } from '../ports.ts';
import { auditPerson, loadPerson } from './load-person.ts';
import { presentPerson } from './present-person.ts';

export async function getPerson(services: Services, actor: Actor, id: string): Promise<Person> {
  const person = await loadPerson(services, actor, id, 'person.read');
  await auditPerson(services, actor, 'person.read', person);
  return presentPerson(services, actor, person);
}
