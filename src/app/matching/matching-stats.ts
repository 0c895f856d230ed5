import type { MatchingStats } from '../../contracts/matching.ts';
import type { Actor } from '../access/actor.ts';
import { labFilter } from '../access/policy.ts';
import type { Services } from '../ports.ts';

/** The lab's acceptance rate of suggestions, for its admins: a change of weights is judged on it. */
export async function matchingStats(services: Services, actor: Actor): Promise<MatchingStats> {
  const { shown, notRelevant } = await services.matching.feedback.stats(labFilter(actor, 'suggestion.stats'));
  return { shown, notRelevant, acceptanceRate: shown > 0 ? Math.max(0, 1 - notRelevant / shown) : null };
}
