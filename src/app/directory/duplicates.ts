import type { DuplicatePair, MergeInput, MergeResult } from '../../contracts/directory.ts';
import { mergeFields } from '../../domain/directory/duplicates.ts';
import { nafSectionOf } from '../../domain/directory/naf.ts';
import { checkIdentifiers } from '../../domain/directory/organisation.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../access/actor.ts';
import { authorize, labFilter } from '../access/policy.ts';
import type { OrganisationRecord, OrganisationWrite, Services } from '../ports.ts';
import { presentOrganisation } from '../organisations/present-organisation.ts';
import { territoryFields } from '../organisations/resolve-profile.ts';

/** Organisations that look like one: a very close name in the same commune, or one SIREN there. */
export async function listDuplicates(services: Services, actor: Actor): Promise<{ items: DuplicatePair[] }> {
  const labId = labFilter(actor, 'organisation.duplicates');
  const pairs = await services.directory.duplicates(labId, 100);
  return {
    items: pairs.map((p) => ({
      first: presentOrganisation(services, actor, p.first),
      second: presentOrganisation(services, actor, p.second),
      reason: p.reason,
      score: Math.round(p.score * 100) / 100,
    })),
  };
}

async function loadPair(
  services: Services,
  actor: Actor,
  firstId: string,
  secondId: string,
  action: 'organisation.merge',
): Promise<[OrganisationRecord, OrganisationRecord]> {
  authorize(actor, action);
  const [first, second] = await Promise.all([
    services.organisations.find(firstId),
    services.organisations.find(secondId),
  ]);
  if (!first || !second) throw new DomainError('not_found', 'Organisation not found');
  authorize(actor, action, { labId: first.labId, organisationId: first.id });
  authorize(actor, action, { labId: second.labId, organisationId: second.id });
  if (first.labId !== second.labId) throw new DomainError('not_found', 'Organisation not found');
  return [first, second];
}

/** "These two are different": the pair leaves the duplicate list for good. */
export async function dismissDuplicate(
  services: Services,
  actor: Actor,
  firstId: string,
  secondId: string,
): Promise<void> {
  const [first] = await loadPair(services, actor, firstId, secondId, 'organisation.merge');
  await services.directory.dismissDuplicate(first.labId, firstId, secondId);
}

/**
 * Merges `absorbedId` into `keptId`: every link (people, needs and offers, timeline, accounts,
 * and whatever other areas attach to an organisation) moves to the kept one, its empty fields are
 * filled (or replaced, for the fields listed in `take`), and the absorbed one is archived with a
 * pointer to the kept one.
 */
export async function mergeOrganisations(
  services: Services,
  actor: Actor,
  input: MergeInput,
): Promise<MergeResult> {
  const [kept, absorbed] = await loadPair(
    services,
    actor,
    input.keptId,
    input.absorbedId,
    'organisation.merge',
  );
  if (kept.status !== 'active' || absorbed.status !== 'active')
    throw new DomainError('archived', 'Only active organisations are merged');
  const fields = (o: OrganisationRecord) => ({
    ...o,
    themes: o.themes ?? [],
    naf: o.naf ?? null,
    headcountBand: o.headcountBand ?? null,
    address: o.address ?? null,
    postalCode: o.postalCode ?? null,
    website: o.website ?? null,
  });
  const take = input.take ?? [];
  const { universe, ...merged } = mergeFields(fields(kept), fields(absorbed), take);
  const patch: Partial<OrganisationWrite> = { ...merged };
  if (universe !== undefined) patch.universe = absorbed.universe;
  if (take.length > 0) {
    // The chosen values come from two records: checked together (a SIRET of the SIREN, an RNA
    // number only for an association or a foundation) as an edit of the kept one would be.
    Object.assign(
      patch,
      checkIdentifiers({
        universe: patch.universe ?? kept.universe,
        siren: patch.siren !== undefined ? patch.siren : kept.siren,
        siret: patch.siret !== undefined ? patch.siret : kept.siret,
        rna: patch.rna !== undefined ? patch.rna : kept.rna,
      }),
    );
  }
  // Derived columns follow what they derive from, as on any write.
  if (patch.communeInsee !== undefined)
    Object.assign(patch, territoryFields(services, patch.communeInsee, null));
  if (patch.naf !== undefined) patch.nafSection = patch.naf ? nafSectionOf(patch.naf) : null;
  const moved = await services.directory.merge(kept.id, absorbed.id, patch);
  const actorId = actor.kind === 'user' ? actor.userId : null;
  await services.timeline.add({
    labId: kept.labId,
    organisationId: kept.id,
    kind: 'merged',
    summary: `Fusion : « ${absorbed.name} » rattachée à cette fiche`,
    actorId,
    details: { absorbedId: absorbed.id, moved },
  });
  await services.audit.record({
    actorId,
    labId: kept.labId,
    action: 'organisation.merge',
    subject: kept.id,
    outcome: 'success',
    details: { absorbedId: absorbed.id },
  });
  const record = await services.organisations.find(kept.id);
  if (!record) throw new DomainError('not_found', 'Organisation not found');
  return { kept: presentOrganisation(services, actor, record), moved };
}
