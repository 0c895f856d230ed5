import type { OrganisationListQuery, OrganisationPage } from '../../contracts/organisations.ts';
import type { Actor } from '../access/actor.ts';
import { labFilter } from '../access/policy.ts';
import type { Services } from '../ports.ts';
import { presentOrganisation } from './present-organisation.ts';

export async function listOrganisations(
  services: Services,
  actor: Actor,
  query: OrganisationListQuery,
): Promise<OrganisationPage> {
  const labId = labFilter(actor, 'organisation.list');
  const { items, total, totalCapped } = await services.organisations.list(labId, query);
  return {
    items: items.map((record) => presentOrganisation(services, actor, record)),
    total,
    ...(totalCapped && { totalCapped }),
    page: query.page,
    pageSize: query.pageSize,
  };
}
