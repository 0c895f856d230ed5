import type { ConsentHistory } from '../../contracts/directory.ts';
import type { Actor } from '../access/actor.ts';
import type { Services } from '../ports.ts';
import { auditPerson, loadPerson } from './load-person.ts';

/**
 * The whole consent history of a person (given and withdrawn, oldest first), so that the team
 * can show what was agreed to, on which text, and when it ended — not only what is in force.
 */
export async function personConsents(
  services: Services,
  actor: Actor,
  personId: string,
): Promise<ConsentHistory> {
  const person = await loadPerson(services, actor, personId, 'person.read');
  const items = await services.people.consents(person.id);
  await auditPerson(services, actor, 'person.read', person, { consents: true });
  return { items };
}
