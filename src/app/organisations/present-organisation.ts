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

/** The organisation as the asker sees it: its commune resolved and what the asker may do with it. */
export function presentOrganisation(
  services: Pick<Services, 'communes'>,
  actor: Actor,
  record: OrganisationRecord,
): Organisation {
  const commune = record.communeInsee ? services.communes.find(record.communeInsee) : undefined;
  const active = record.status === 'active';
  return {
    ...record,
    communeName: commune?.name ?? null,
    departement: commune?.departement ?? null,
    can: {
      edit: active && may(actor, 'organisation.update', record),
      archive: active && may(actor, 'organisation.archive', record),
    },
  };
}
