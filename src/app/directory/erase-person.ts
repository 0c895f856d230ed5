import type { ErasureResult } from '../../contracts/directory.ts';
import type { Actor } from '../access/actor.ts';
import type { Services } from '../ports.ts';
import { auditPerson, loadPerson } from './load-person.ts';

/**
 * Erasure (GDPR Art. 17): the person and every row that refers to them go in one transaction —
 * links, consent records, contacts of needs and offers, timeline mentions. The audit log keeps
 * only that an erasure of this identifier happened, by whom and when.
 */
export async function erasePerson(services: Services, actor: Actor, id: string): Promise<ErasureResult> {
  const person = await loadPerson(services, actor, id, 'person.erase');
  const rows = await services.people.erase(person.id);
  await auditPerson(services, actor, 'person.erase', person, { rows });
  return { personId: person.id, rows };
}
