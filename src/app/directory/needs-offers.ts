import type {
  NeedOffer,
  NeedOfferInput,
  NeedOfferListQuery,
  NeedOfferPage,
  NeedOfferPatch,
} from '../../contracts/directory.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../access/actor.ts';
import { authorize, labFilter, type Action } from '../access/policy.ts';
import type { Services } from '../ports.ts';

function withCan(actor: Actor, item: NeedOffer): NeedOffer {
  try {
    authorize(actor, 'need_offer.update', { labId: item.labId, organisationId: item.organisationId });
    return { ...item, can: { edit: true } };
  } catch {
    return { ...item, can: { edit: false } };
  }
}

/** Needs and offers of the lab (every lab for the network), filtered; withdrawn ones only when asked. */
export async function listNeedsOffers(
  services: Services,
  actor: Actor,
  query: NeedOfferListQuery,
): Promise<NeedOfferPage> {
  const labId = labFilter(actor, 'need_offer.list');
  if (query.organisationId) {
    const organisation = await services.organisations.find(query.organisationId);
    if (!organisation) throw new DomainError('not_found', 'Organisation not found');
    authorize(actor, 'need_offer.list', { labId: organisation.labId, organisationId: organisation.id });
  }
  const { items, total } = await services.needsOffers.list(labId, query);
  return { items: items.map((i) => withCan(actor, i)), total, page: query.page, pageSize: query.pageSize };
}

async function loadNeedOffer(
  services: Services,
  actor: Actor,
  id: string,
  action: Action,
): Promise<NeedOffer> {
  authorize(actor, action);
  const item = await services.needsOffers.find(id);
  if (!item) throw new DomainError('not_found', 'Need or offer not found');
  authorize(actor, action, { labId: item.labId, organisationId: item.organisationId });
  return item;
}

export async function getNeedOffer(services: Services, actor: Actor, id: string): Promise<NeedOffer> {
  return withCan(actor, await loadNeedOffer(services, actor, id, 'need_offer.read'));
}

/** The contact of a need or offer must act for its organisation (never someone from elsewhere). */
async function checkContact(
  services: Services,
  organisationId: string,
  personId: string | null | undefined,
): Promise<void> {
  if (!personId) return;
  const person = await services.people.find(personId);
  if (!person || !person.organisations.some((o) => o.organisationId === organisationId)) {
    throw new DomainError('invalid_contact', 'The contact does not act for this organisation', {
      problems: [{ path: 'contactPersonId', code: 'contact_not_of_organisation' }],
    });
  }
}

export async function createNeedOffer(
  services: Services,
  actor: Actor,
  organisationId: string,
  input: NeedOfferInput,
): Promise<NeedOffer> {
  authorize(actor, 'need_offer.create');
  const organisation = await services.organisations.find(organisationId);
  if (!organisation) throw new DomainError('not_found', 'Organisation not found');
  authorize(actor, 'need_offer.create', { labId: organisation.labId, organisationId });
  if (organisation.status === 'archived') throw new DomainError('archived', 'Archived organisation');
  await checkContact(services, organisationId, input.contactPersonId);
  const item = await services.needsOffers.create(organisation.labId, organisationId, {
    kind: input.kind,
    category: input.category,
    title: input.title,
    description: input.description,
    quantity: input.quantity ?? null,
    unit: input.unit ?? null,
    periodStart: input.periodStart ?? null,
    periodEnd: input.periodEnd ?? null,
    status: input.status,
    contactPersonId: input.contactPersonId ?? null,
  });
  await services.timeline.add({
    labId: organisation.labId,
    organisationId,
    kind: input.kind === 'need' ? 'need_added' : 'offer_added',
    summary: `${input.kind === 'need' ? 'Besoin' : 'Ressource'} ajouté(e) : ${input.title}`,
    actorId: actor.kind === 'user' ? actor.userId : null,
    details: { needOfferId: item.id, category: input.category },
  });
  return withCan(actor, item);
}

/** The timeline is read by people: the status in French words, as the lab's summaries are. */
const STATUS_WORDS: Record<NonNullable<NeedOfferPatch['status']>, string> = {
  open: 'ouvert',
  in_discussion: 'en discussion',
  met: 'satisfait',
  withdrawn: 'retiré',
};

export async function updateNeedOffer(
  services: Services,
  actor: Actor,
  id: string,
  patch: NeedOfferPatch,
): Promise<NeedOffer> {
  const current = await loadNeedOffer(services, actor, id, 'need_offer.update');
  const start = patch.periodStart !== undefined ? patch.periodStart : current.periodStart;
  const end = patch.periodEnd !== undefined ? patch.periodEnd : current.periodEnd;
  if (start && end && start > end) {
    throw new DomainError('validation_failed', 'Period ends before it starts', {
      problems: [{ path: 'periodEnd', code: 'period_end_before_start' }],
    });
  }
  if (patch.contactPersonId !== undefined)
    await checkContact(services, current.organisationId, patch.contactPersonId);
  const item = await services.needsOffers.update(id, {
    ...(patch.category !== undefined && { category: patch.category }),
    ...(patch.title !== undefined && { title: patch.title }),
    ...(patch.description !== undefined && { description: patch.description }),
    ...(patch.quantity !== undefined && { quantity: patch.quantity }),
    ...(patch.unit !== undefined && { unit: patch.unit }),
    ...(patch.periodStart !== undefined && { periodStart: patch.periodStart }),
    ...(patch.periodEnd !== undefined && { periodEnd: patch.periodEnd }),
    ...(patch.status !== undefined && { status: patch.status }),
    ...(patch.contactPersonId !== undefined && { contactPersonId: patch.contactPersonId }),
  });
  if (patch.status !== undefined && patch.status !== current.status) {
    await services.timeline.add({
      labId: item.labId,
      organisationId: item.organisationId,
      kind: 'need_offer_status',
      summary: `${item.kind === 'need' ? 'Besoin' : 'Ressource'} « ${item.title} » : ${STATUS_WORDS[patch.status]}`,
      actorId: actor.kind === 'user' ? actor.userId : null,
      details: { needOfferId: id, from: current.status, to: patch.status },
    });
  }
  return withCan(actor, item);
}
