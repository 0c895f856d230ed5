import type { Organisation, OrganisationInput } from '../../contracts/organisations.ts';
import { checkIdentifiers } from '../../domain/directory/organisation.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import type { Services } from '../ports.ts';
import { checkCommune } from './check-commune.ts';
import { presentOrganisation } from './present-organisation.ts';
import { profileFields, territoryFields } from './resolve-profile.ts';

/** Creates an organisation in the asker's lab (a network admin names no lab here: it acts in its own). */
export async function createOrganisation(
  services: Services,
  actor: Actor,
  input: OrganisationInput,
): Promise<Organisation> {
  authorize(actor, 'organisation.create');
  if (actor.kind !== 'user' || !actor.labId) throw new DomainError('forbidden', 'No lab to create in');
  authorize(actor, 'organisation.create', { labId: actor.labId });
  const identifiers = checkIdentifiers(input);
  const communeInsee = checkCommune(services, input.communeInsee);
  const record = await services.organisations.create(actor.labId, {
    name: input.name,
    universe: input.universe,
    description: input.description,
    communeInsee,
    ...identifiers,
    ...profileFields(input),
    ...territoryFields(services, communeInsee, input.position),
  });
  await services.timeline.add({
    labId: record.labId,
    organisationId: record.id,
    kind: 'created',
    summary: 'Fiche créée',
    actorId: actor.userId,
  });
  await services.audit.record({
    actorId: actor.userId,
    labId: actor.labId,
    action: 'organisation.create',
    subject: record.id,
    outcome: 'success',
  });
  return presentOrganisation(services, actor, record);
}
