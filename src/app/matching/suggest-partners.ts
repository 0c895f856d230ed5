import type { SuggestionList } from '../../contracts/matching.ts';
import { suggestFor } from '../../domain/matching/suggest.ts';
import { ENGINE_VERSION } from '../../domain/matching/weights.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import { loadReadableOrganisation } from '../organisations/get-organisation.ts';
import { directoryUniverse } from './to-match-profile.ts';
import type { Services } from '../ports.ts';

/**
 * Complementary partners for one organisation, among the active organisations of its lab (what
 * anyone who may read it may also read), minus those its people marked "pas pertinent".
 */
export async function suggestPartners(
  services: Services,
  actor: Actor,
  organisationId: string,
  options: { top: number; mode: 'complementary' | 'improbable' },
): Promise<SuggestionList> {
  const organisation = await loadReadableOrganisation(services, actor, organisationId);
  authorize(actor, 'suggestion.read', { labId: organisation.labId, organisationId });
  const { matching } = services;
  const [corpus, dismissed] = await Promise.all([
    matching.cache.corpusOf(organisation.labId),
    matching.feedback.dismissed(organisationId),
  ]);
  const index = corpus.byId.get(organisationId);
  if (index === undefined) {
    // An archived organisation is not in the corpus: it gets no suggestions and is suggested to no one.
    if (organisation.status === 'archived') return { engine: ENGINE_VERSION, items: [] };
    throw new DomainError('not_found', 'Organisation not in the directory');
  }
  const raw = suggestFor(corpus, index, { top: options.top + dismissed.size, mode: options.mode })
    .filter((s) => !dismissed.has(s.id))
    .slice(0, options.top);
  const items = raw.flatMap((suggestion) => {
    const profile = corpus.profiles[corpus.byId.get(suggestion.id) ?? -1]?.profile;
    if (!profile) return [];
    const commune = profile.insee ? services.communes.find(profile.insee) : undefined;
    return [
      {
        organisation: {
          id: profile.id,
          name: profile.name,
          universe: directoryUniverse(profile.universe),
          communeName: commune?.name ?? null,
        },
        score: Math.round(suggestion.score * 1000) / 1000,
        type: suggestion.type,
        why: suggestion.why,
      },
    ];
  });
  await matching.feedback.recordShown(
    organisation.labId,
    organisationId,
    items.map((item) => item.organisation.id),
  );
  return { engine: ENGINE_VERSION, items };
}
