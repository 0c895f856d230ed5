import type { MapPoints } from '../../contracts/directory.ts';
import type { OrganisationListQuery } from '../../contracts/organisations.ts';
import type { Actor } from '../access/actor.ts';
import { labFilter } from '../access/policy.ts';
import type { Services } from '../ports.ts';

export const MAP_LIMIT = 2_000;

/** The positions of a filtered list, for the map (the most relevant first when there are too many). */
export async function mapOrganisations(
  services: Services,
  actor: Actor,
  query: OrganisationListQuery,
): Promise<MapPoints> {
  const labId = labFilter(actor, 'organisation.list');
  const items = await services.directory.mapPoints(labId, query, MAP_LIMIT + 1);
  return { items: items.slice(0, MAP_LIMIT), truncated: items.length > MAP_LIMIT };
}
