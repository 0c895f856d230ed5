import type { DuplicatePair, MergeInput, MergeResult } from '../../contracts/directory.ts';
import { mergeFields } from '../../domain/directory/duplicates.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../access/actor.ts';
import { authorize, labFilter } from '../access/policy.ts';
import type { OrganisationRecord, Services } from '../ports.ts';
import { presentOrganisation } from '../organisations/present-organisation.ts';

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
 * filled, and the absorbed one is archived with a pointer to the kept one.
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
  const patch = mergeFields(
    {
      ...kept,
      themes: kept.themes ?? [],
      naf: kept.naf ?? null,
      headcountBand: kept.headcountBand ?? null,
      address: kept.address ?? null,
      postalCode: kept.postalCode ?? null,
      website: kept.website ?? null,
    },
    {
      ...absorbed,
      themes: absorbed.themes ?? [],
      naf: absorbed.naf ?? null,
      headcountBand: absorbed.headcountBand ?? null,
      address: absorbed.address ?? null,
      postalCode: absorbed.postalCode ?? null,
      website: absorbed.website ?? null,
    },
  );
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
