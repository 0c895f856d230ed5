import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CommuneListSchema } from '../../../../src/contracts/admin.ts';
import {
  OrganisationPageSchema,
  OrganisationSchema,
  type Organisation,
  type OrganisationInput,
  type OrganisationPatch,
  type Universe,
} from '../../../../src/contracts/organisations.ts';
import { api, toQuery } from '../../lib/api.ts';

export interface OrganisationFilters {
  q?: string;
  universe?: Universe;
  status: 'active' | 'archived';
  page: number;
  pageSize?: number;
  theme?: string | undefined;
  departement?: string | undefined;
  hasOpenNeeds?: boolean | undefined;
  hasOpenOffers?: boolean | undefined;
}

/** The filters as query-string values (booleans spelled out), shared by the list, the map and the exports. */
export function filterParams(filters: OrganisationFilters): Record<string, string | number | undefined> {
  return {
    q: filters.q,
    universe: filters.universe,
    status: filters.status,
    page: filters.page,
    pageSize: filters.pageSize,
    theme: filters.theme,
    departement: filters.departement,
    hasOpenNeeds: filters.hasOpenNeeds ? 'true' : undefined,
    hasOpenOffers: filters.hasOpenOffers ? 'true' : undefined,
  };
}

const keys = {
  all: ['organisations'] as const,
  list: (filters: OrganisationFilters) => ['organisations', 'list', filters] as const,
  one: (id: string) => ['organisations', 'one', id] as const,
};

export function useOrganisations(filters: OrganisationFilters) {
  return useQuery({
    queryKey: keys.list(filters),
    queryFn: ({ signal }) =>
      api(`/api/organisations${toQuery(filterParams(filters))}`, { schema: OrganisationPageSchema, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOrganisation(id: string) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: ({ signal }) =>
      api(`/api/organisations/${encodeURIComponent(id)}`, { schema: OrganisationSchema, signal }),
  });
}

function useRefreshOrganisation() {
  const queryClient = useQueryClient();
  return (organisation: Organisation) => {
    queryClient.setQueryData(keys.one(organisation.id), organisation);
    return queryClient.invalidateQueries({ queryKey: keys.all, refetchType: 'none' });
  };
}

export function useCreateOrganisation() {
  const refresh = useRefreshOrganisation();
  return useMutation({
    mutationFn: (input: OrganisationInput) =>
      api('/api/organisations', { body: input, schema: OrganisationSchema }),
    onSuccess: refresh,
  });
}

export function useUpdateOrganisation(id: string) {
  const refresh = useRefreshOrganisation();
  return useMutation({
    mutationFn: (patch: OrganisationPatch) =>
      api(`/api/organisations/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: patch,
        schema: OrganisationSchema,
      }),
    onSuccess: refresh,
  });
}

export function useArchiveOrganisation(id: string) {
  const refresh = useRefreshOrganisation();
  return useMutation({
    mutationFn: () =>
      api(`/api/organisations/${encodeURIComponent(id)}/archive`, { body: {}, schema: OrganisationSchema }),
    onSuccess: refresh,
  });
}

/** Communes whose name starts like `q` (the API answers up to 20). */
export function useCommunes(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ['communes', query],
    queryFn: ({ signal }) =>
      api(`/api/communes${toQuery({ q: query })}`, { schema: CommuneListSchema, signal }),
    enabled: query.length >= 2,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}
