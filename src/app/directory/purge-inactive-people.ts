import type { PurgeResult } from '../../contracts/directory.ts';
import { purgeCutoff } from '../../domain/directory/people.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import type { Services } from '../ports.ts';

/** Who runs the scheduled purge: the system itself, recorded as such in the audit log. */
export const SYSTEM_PURGE = 'system:purge';

/**
 * Erases every person whose last activity is older than the retention period (CNIL: 3 years
 * after the last contact), and audit entries older than a year (CNIL: 6 months to 1 year).
 * Run by the daily job (`actor` null) or by a lab admin for their lab.
 */
export async function purgeInactivePeople(
  services: Services,
  actor: Actor | null,
  months = services.peopleRetentionMonths,
): Promise<PurgeResult> {
  let labId: string | null = null;
  if (actor) {
    authorize(actor, 'person.purge');
    labId = actor.kind === 'user' ? actor.labId : null;
  }
  const now = services.clock.now();
  const cutoff = purgeCutoff(now, months);
  let erased = 0;
  for (;;) {
    const batch = await services.people.inactiveSince(cutoff, 500, labId);
    if (batch.length === 0) break;
    for (const person of batch) {
      await services.people.erase(person.id);
      await services.audit.record({
        actorId: actor?.kind === 'user' ? actor.userId : SYSTEM_PURGE,
        labId: person.labId,
        action: 'person.purge',
        subject: person.id,
        outcome: 'success',
        details: { cutoff: cutoff.toISOString() },
      });
      erased++;
    }
  }
  const auditRowsDeleted = actor ? 0 : await services.auditRetention.deleteBefore(purgeCutoff(now, 12));
  return { cutoff: cutoff.toISOString(), erased, auditRowsDeleted };
}
