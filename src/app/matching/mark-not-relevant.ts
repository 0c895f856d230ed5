import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import { loadReadableOrganisation } from '../organisations/get-organisation.ts';
import type { Services } from '../ports.ts';

/** "Pas pertinent": the suggestion leaves this organisation's list and counts against the engine. */
export async function markNotRelevant(
  services: Services,
  actor: Actor,
  organisationId: string,
  suggestedId: string,
): Promise<void> {
  const organisation = await loadReadableOrganisation(services, actor, organisationId);
  authorize(actor, 'suggestion.feedback', { labId: organisation.labId, organisationId });
  if (actor.kind !== 'user') throw new DomainError('unauthenticated', 'Sign-in required');
  const suggested = await services.organisations.find(suggestedId);
  if (!suggested || suggested.labId !== organisation.labId)
    throw new DomainError('not_found', 'Organisation not found');
  await services.matching.feedback.markNotRelevant({
    labId: organisation.labId,
    organisationId,
    suggestedId,
    userId: actor.userId,
  });
}
