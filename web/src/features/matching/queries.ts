import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MatchingStatsSchema, SuggestionListSchema } from '../../../../src/contracts/matching.ts';
import { api, toQuery } from '../../lib/api.ts';

export type SuggestionMode = 'complementary' | 'improbable';

const keys = {
  all: (id: string) => ['suggestions', id] as const,
  list: (id: string, mode: SuggestionMode) => ['suggestions', id, mode] as const,
};

export function useSuggestions(organisationId: string, mode: SuggestionMode) {
  return useQuery({
    queryKey: keys.list(organisationId, mode),
    queryFn: ({ signal }) =>
      api(`/api/organisations/${encodeURIComponent(organisationId)}/suggestions${toQuery({ mode })}`, {
        schema: SuggestionListSchema,
        signal,
      }),
  });
}

export function useMarkNotRelevant(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (suggestedId: string) =>
      api(
        `/api/organisations/${encodeURIComponent(organisationId)}/suggestions/${encodeURIComponent(suggestedId)}/not-relevant`,
        { method: 'POST', body: {} },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all(organisationId) }),
  });
}

export function useMatchingStats() {
  return useQuery({
    queryKey: ['matching-stats'],
    queryFn: ({ signal }) => api('/api/admin/matching-stats', { schema: MatchingStatsSchema, signal }),
  });
}
