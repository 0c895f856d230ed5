import type { Organisation, OrganisationPatch } from '../../contracts/organisations.ts';
import { checkIdentifiers } from '../../domain/directory/organisation.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import type { Services } from '../ports.ts';
import { checkCommune } from './check-commune.ts';
import { loadReadableOrganisation } from './get-organisation.ts';
import { presentOrganisation } from './present-organisation.ts';
import { profileFields, territoryFields } from './resolve-profile.ts';

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
  const communeChanged = patch.communeInsee !== undefined || patch.position !== undefined;
  const communeInsee =
    patch.communeInsee !== undefined ? checkCommune(services, patch.communeInsee) : current.communeInsee;
  const record = await services.organisations.update(id, {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.universe !== undefined && { universe: patch.universe }),
    ...(patch.description !== undefined && { description: patch.description }),
    ...(patch.communeInsee !== undefined && { communeInsee }),
    ...(communeChanged && territoryFields(services, communeInsee, patch.position)),
    ...profileFields(patch),
    ...identifiers,
  });
  if (actor.kind === 'user') {
    const fields = Object.keys(patch);
    await services.timeline.add({
      labId: record.labId,
      organisationId: id,
      kind: 'updated',
      summary: `Fiche modifiée (${fields.join(', ')})`,
      actorId: actor.userId,
      details: { fields },
    });
    await services.audit.record({
      actorId: actor.userId,
      labId: record.labId,
      action: 'organisation.update',
      subject: id,
      outcome: 'success',
      details: { fields },
    });
  }
  return presentOrganisation(services, actor, record);
}
