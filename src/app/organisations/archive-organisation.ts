import type { Organisation } from '../../contracts/organisations.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import type { Services } from '../ports.ts';
import { loadReadableOrganisation } from './get-organisation.ts';
import { presentOrganisation } from './present-organisation.ts';

/** Archiving keeps every link (people, events, partnerships): the organisation only leaves the active lists. */
export async function archiveOrganisation(
  services: Services,
  actor: Actor,
  id: string,
): Promise<Organisation> {
  const current = await loadReadableOrganisation(services, actor, id);
  authorize(actor, 'organisation.archive', { labId: current.labId, organisationId: current.id });
  const record =
    current.status === 'archived' ? current : await services.organisations.setStatus(id, 'archived');
  if (actor.kind === 'user') {
    if (current.status !== 'archived') {
      await services.timeline.add({
        labId: record.labId,
        organisationId: id,
        kind: 'archived',
        summary: 'Fiche archivée',
        actorId: actor.userId,
      });
    }
    await services.audit.record({
      actorId: actor.userId,
      labId: record.labId,
      action: 'organisation.archive',
      subject: id,
      outcome: 'success',
    });
  }
  return presentOrganisation(services, actor, record);
}
