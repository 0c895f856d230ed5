import type { ConsentInput, ConsentRecord } from '../../contracts/directory.ts';
import type { Actor } from '../access/actor.ts';
import type { Services } from '../ports.ts';
import { auditPerson, loadPerson } from './load-person.ts';

/**
 * Appends a consent or its withdrawal (GDPR Art. 7): what, which text version, when, through which
 * channel, recorded by whom. Records are never changed afterwards.
 */
export async function recordConsent(
  services: Services,
  actor: Actor,
  personId: string,
  input: ConsentInput,
): Promise<ConsentRecord> {
  const person = await loadPerson(services, actor, personId, 'person.consent');
  const at = input.at ? new Date(input.at) : services.clock.now();
  const record = await services.people.addConsent(person.id, {
    purpose: input.purpose,
    action: input.action,
    textVersion: input.textVersion,
    channel: input.channel,
    at: at.toISOString(),
    recordedBy: actor.kind === 'user' ? actor.userId : null,
  });
  await auditPerson(services, actor, 'person.consent', person, {
    purpose: input.purpose,
    action: input.action,
  });
  return record;
}
