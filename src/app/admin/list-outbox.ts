import type { Actor } from '../access/actor.ts';
import { labFilter } from '../access/policy.ts';
import type { OutboxMessage, Services } from '../ports.ts';

export async function listOutbox(services: Services, actor: Actor): Promise<OutboxMessage[]> {
  return services.outbox.list(labFilter(actor, 'outbox.read'));
}
