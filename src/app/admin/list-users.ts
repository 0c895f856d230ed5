import type { Actor } from '../access/actor.ts';
import { labFilter } from '../access/policy.ts';
import type { Services, UserSummary } from '../ports.ts';

export async function listUsers(services: Services, actor: Actor): Promise<UserSummary[]> {
  return services.users.list(labFilter(actor, 'user.list'));
}
