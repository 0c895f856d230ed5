import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../access/actor.ts';
import { authorize, type Action } from '../access/policy.ts';
import type { Services } from '../ports.ts';
import type { PersonRecord } from './ports.ts';
import { personTarget } from './present-person.ts';

/**
 * Loads a person the asker may act on. Another lab's person is `not_found`; a member reaches
 * only the people acting for its own organisation. Every access to personal data, allowed or
 * denied, is written to the audit log (CNIL recommendation on logging, 2021).
 */
export async function loadPerson(
  services: Services,
  actor: Actor,
  id: string,
  action: Action,
): Promise<PersonRecord> {
  authorize(actor, action);
  const person = await services.people.find(id);
  if (!person) throw new DomainError('not_found', 'Person not found');
  try {
    authorize(actor, action, personTarget(actor, person));
  } catch (error) {
    if (actor.kind === 'user') {
      await services.audit.record({
        actorId: actor.userId,
        labId: actor.labId,
        action,
        subject: id,
        outcome: 'denied',
      });
    }
    throw error;
  }
  return person;
}

/** Records an access to personal data: who, which person, what, when (UTC, by the database). */
export async function auditPerson(
  services: Services,
  actor: Actor,
  action: Action,
  person: { id: string; labId: string },
  details?: Record<string, unknown>,
): Promise<void> {
  await services.audit.record({
    actorId: actor.kind === 'user' ? actor.userId : null,
    labId: person.labId,
    action,
    subject: person.id,
    outcome: 'success',
    ...(details && { details }),
  });
}

/** The organisation's timeline notes that someone now acts for it (who, never their name). */
export async function recordPersonAdded(
  services: Services,
  actor: Actor,
  organisation: { id: string; labId: string },
  personId: string,
): Promise<void> {
  await services.timeline.add({
    labId: organisation.labId,
    organisationId: organisation.id,
    kind: 'person_added',
    summary: 'Contact ajouté',
    actorId: actor.kind === 'user' ? actor.userId : null,
    personId,
  });
}
