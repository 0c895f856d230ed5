import { and, count, eq, inArray, max } from 'drizzle-orm';
import type { MatchingSource, SuggestionFeedback } from '../../app/matching/ports.ts';
import type { DirectoryProfile } from '../../app/matching/to-match-profile.ts';
import type { Universe } from '../../contracts/organisations.ts';
import type { Db } from './database.ts';
import { needsOffers, organisations, suggestionFeedback, suggestionImpressions } from './schema.ts';

const LIVE_EXCHANGES = ['open', 'in_discussion'];

export function matchingSource(db: Db): MatchingSource {
  return {
    async fingerprint(labId: string) {
      const [orgs] = await db
        .select({ n: count(), at: max(organisations.updatedAt) })
        .from(organisations)
        .where(eq(organisations.labId, labId));
      const [exchanges] = await db
        .select({ n: count(), at: max(needsOffers.updatedAt) })
        .from(needsOffers)
        .where(eq(needsOffers.labId, labId));
      return [orgs?.n, orgs?.at?.toISOString(), exchanges?.n, exchanges?.at?.toISOString()].join('|');
    },

    async profiles(labId: string): Promise<DirectoryProfile[]> {
      const rows = await db
        .select({
          id: organisations.id,
          name: organisations.name,
          universe: organisations.universe,
          communeInsee: organisations.communeInsee,
          description: organisations.description,
          themes: organisations.themes,
        })
        .from(organisations)
        .where(and(eq(organisations.labId, labId), eq(organisations.status, 'active')));
      const exchanges = await db
        .select({
          organisationId: needsOffers.organisationId,
          kind: needsOffers.kind,
          category: needsOffers.category,
          title: needsOffers.title,
          description: needsOffers.description,
        })
        .from(needsOffers)
        .where(and(eq(needsOffers.labId, labId), inArray(needsOffers.status, LIVE_EXCHANGES)));
      const byOrganisation = new Map<string, DirectoryProfile['exchanges'][number][]>();
      for (const e of exchanges) {
        const list = byOrganisation.get(e.organisationId) ?? [];
        list.push({
          kind: e.kind === 'need' ? 'need' : 'offer',
          category: e.category,
          title: e.title,
          description: e.description,
        });
        byOrganisation.set(e.organisationId, list);
      }
      return rows.map((row) => ({
        ...row,
        universe: row.universe as Universe,
        exchanges: byOrganisation.get(row.id) ?? [],
      }));
    },
  };
}

export function suggestionFeedbackRepository(db: Db): SuggestionFeedback {
  return {
    async dismissed(organisationId: string) {
      const rows = await db
        .select({ id: suggestionFeedback.suggestedId })
        .from(suggestionFeedback)
        .where(eq(suggestionFeedback.organisationId, organisationId));
      return new Set(rows.map((r) => r.id));
    },
    async markNotRelevant(entry) {
      await db
        .insert(suggestionFeedback)
        .values({ ...entry, verdict: 'not_relevant' })
        .onConflictDoNothing();
    },
    async recordShown(labId: string, organisationId: string, suggestedIds: readonly string[]) {
      if (suggestedIds.length === 0) return;
      await db
        .insert(suggestionImpressions)
        .values(suggestedIds.map((suggestedId) => ({ labId, organisationId, suggestedId })))
        .onConflictDoNothing();
    },
    async stats(labId: string | null) {
      const [views] = await db
        .select({ shown: count() })
        .from(suggestionImpressions)
        .where(labId ? eq(suggestionImpressions.labId, labId) : undefined);
      const [marks] = await db
        .select({ n: count() })
        .from(suggestionFeedback)
        .where(labId ? eq(suggestionFeedback.labId, labId) : undefined);
      return { shown: Number(views?.shown ?? 0), notRelevant: marks?.n ?? 0 };
    },
  };
}
