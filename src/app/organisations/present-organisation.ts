import type { Organisation } from '../../contracts/organisations.ts';
import type { Actor } from '../access/actor.ts';
import { authorize, type Action } from '../access/policy.ts';
import type { OrganisationRecord, Services } from '../ports.ts';

function may(actor: Actor, action: Action, record: OrganisationRecord): boolean {
  try {
    authorize(actor, action, { labId: record.labId, organisationId: record.id });
    return true;
  } catch {
    return false;
  }
}

/**
 * The organisation as the asker sees it: its commune and territory named, its NAF code labelled,
 * and what the asker may do with it.
 */
export function presentOrganisation(
  services: Pick<Services, 'communes' | 'territory'>,
  actor: Actor,
  record: OrganisationRecord,
): Organisation {
  const place = record.communeInsee ? services.territory.resolve(record.communeInsee) : undefined;
  const commune = record.communeInsee ? services.communes.find(record.communeInsee) : undefined;
  const active = record.status === 'active';
  const departement = record.departement ?? place?.departement ?? commune?.departement ?? null;
  const region = record.region ?? place?.region ?? null;
  const epci = record.epci ?? place?.epci ?? null;
  return {
    ...record,
    communeName: commune?.name ?? place?.communeName ?? null,
    departement,
    departementName: departement ? (services.territory.departementName(departement) ?? null) : null,
    region,
    regionName: region ? (services.territory.regionName(region) ?? null) : null,
    epci,
    epciName: epci ? (services.territory.epciName(epci) ?? null) : null,
    nafLabel: record.naf ? (services.territory.nafLabel(record.naf) ?? null) : null,
    can: {
      edit: active && may(actor, 'organisation.update', record),
      archive: active && may(actor, 'organisation.archive', record),
    },
  };
}
