import type { DirectoryProfile } from './to-match-profile.ts';

/** The lab's active organisations with their open needs and offers, as the matching engine needs them. */
export interface MatchingSource {
  /** Changes whenever an organisation, a need or an offer of the lab changes: the cache key. */
  fingerprint(labId: string): Promise<string>;
  profiles(labId: string): Promise<DirectoryProfile[]>;
}

export interface SuggestionFeedback {
  /** Suggestions an organisation's people marked as not relevant: never shown again to it. */
  dismissed(organisationId: string): Promise<Set<string>>;
  markNotRelevant(entry: {
    labId: string;
    organisationId: string;
    suggestedId: string;
    userId: string;
  }): Promise<void>;
  /** Remembers which pairs were shown (once each), the denominator of the acceptance rate. */
  recordShown(labId: string, organisationId: string, suggestedIds: readonly string[]): Promise<void>;
  /** Distinct suggestions shown and marked not relevant, for the lab (or every lab). */
  stats(labId: string | null): Promise<{ shown: number; notRelevant: number }>;
}
