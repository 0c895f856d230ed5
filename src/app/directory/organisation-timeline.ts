import type { TimelineEvent } from '../../contracts/directory.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import type { Services } from '../ports.ts';
import { loadReadableOrganisation } from '../organisations/get-organisation.ts';

/** Everything that happened with an organisation, newest first. */
export async function organisationTimeline(
  services: Services,
  actor: Actor,
  id: string,
): Promise<{ items: TimelineEvent[] }> {
  const organisation = await loadReadableOrganisation(services, actor, id);
  authorize(actor, 'organisation.timeline', { labId: organisation.labId, organisationId: organisation.id });
  return { items: await services.timeline.list(organisation.id, 200) };
}
