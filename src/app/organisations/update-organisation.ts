import type { Organisation, OrganisationPatch } from '../../contracts/organisations.ts';
import { checkIdentifiers } from '../../domain/directory/organisation.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import type { Services } from '../ports.ts';
import { checkCommune } from './check-commune.ts';
import { loadReadableOrganisation } from './get-organisation.ts';
import { presentOrganisation } from './present-organisation.ts';

export async function updateOrganisation(
  services: Services,
  actor: Actor,
  id: string,
  patch: OrganisationPatch,
): Promise<Organisation> {
  const current = await loadReadableOrganisation(services, actor, id);
  authorize(actor, 'organisation.update', { labId: current.labId, organisationId: current.id });
  if (current.status === 'archived')
    throw new DomainError('archived', 'An archived organisation cannot be edited');
  // Identifiers are checked together, so a new SIREN is compared with the SIRET it keeps.
  const identifiers = checkIdentifiers({
    universe: patch.universe ?? current.universe,
    siren: patch.siren !== undefined ? patch.siren : current.siren,
    siret: patch.siret !== undefined ? patch.siret : current.siret,
    rna: patch.rna !== undefined ? patch.rna : current.rna,
  });
  const record = await services.organisations.update(id, {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.universe !== undefined && { universe: patch.universe }),
    ...(patch.description !== undefined && { description: patch.description }),
    ...(patch.communeInsee !== undefined && { communeInsee: checkCommune(services, patch.communeInsee) }),
    ...identifiers,
  });
  if (actor.kind === 'user') {
    await services.audit.record({
      actorId: actor.userId,
      labId: record.labId,
      action: 'organisation.update',
      subject: id,
      outcome: 'success',
      details: { fields: Object.keys(patch) },
    });
  }
  return presentOrganisation(services, actor, record);
}
