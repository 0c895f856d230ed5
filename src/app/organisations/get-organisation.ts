import type { Organisation } from '../../contracts/organisations.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import type { OrganisationRecord, Services } from '../ports.ts';
import { presentOrganisation } from './present-organisation.ts';

/** Loads an organisation the asker may read; another lab's organisation is `not_found`, not `forbidden`. */
export async function loadReadableOrganisation(
  services: Services,
  actor: Actor,
  id: string,
): Promise<OrganisationRecord> {
  authorize(actor, 'organisation.read');
  const record = await services.organisations.find(id);
  if (!record) throw new DomainError('not_found', 'Organisation not found');
  authorize(actor, 'organisation.read', { labId: record.labId, organisationId: record.id });
  return record;
}

export async function getOrganisation(services: Services, actor: Actor, id: string): Promise<Organisation> {
  return presentOrganisation(services, actor, await loadReadableOrganisation(services, actor, id));
}
