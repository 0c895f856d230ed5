import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  NeedOfferPageSchema,
  NeedOfferSchema,
  type NeedOfferInput,
  type NeedOfferPatch,
} from '../../../../src/contracts/directory.ts';
import { api } from '../../lib/api.ts';

const needsOf = (organisationId: string) => ['organisations', 'needs-offers', organisationId] as const;

export function useNeedsOffers(organisationId: string) {
  return useQuery({
    queryKey: needsOf(organisationId),
    queryFn: ({ signal }) =>
      api(`/api/organisations/${encodeURIComponent(organisationId)}/needs-offers?pageSize=100`, {
        schema: NeedOfferPageSchema,
        signal,
      }),
  });
}

/**
 * After a change: the list, the timeline and the organisation itself (its open counts) are
 * read again; the directory's lists only when next shown (their "has open needs" filter moves).
 */
function useRefresh(organisationId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: needsOf(organisationId) }),
      queryClient.invalidateQueries({ queryKey: ['organisations', 'timeline', organisationId] }),
      queryClient.invalidateQueries({ queryKey: ['organisations', 'list'], refetchType: 'none' }),
    ]);
}

export function useCreateNeedOffer(organisationId: string) {
  const refresh = useRefresh(organisationId);
  return useMutation({
    mutationFn: (input: NeedOfferInput) =>
      api(`/api/organisations/${encodeURIComponent(organisationId)}/needs-offers`, {
        body: input,
        schema: NeedOfferSchema,
      }),
    onSuccess: refresh,
  });
}

export function useUpdateNeedOffer(organisationId: string, id: string) {
  const refresh = useRefresh(organisationId);
  return useMutation({
    mutationFn: (patch: NeedOfferPatch) =>
      api(`/api/needs-offers/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: patch,
        schema: NeedOfferSchema,
      }),
    onSuccess: refresh,
  });
}
