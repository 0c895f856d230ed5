import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ConsentHistorySchema,
  ConsentRecordSchema,
  ErasureResultSchema,
  PersonPageSchema,
  PersonSchema,
  type ConsentInput,
  type PersonInput,
  type PersonLinkInput,
  type PersonPatch,
} from '../../../../src/contracts/directory.ts';
import { api } from '../../lib/api.ts';

const peopleOf = (organisationId: string) => ['organisations', 'people', organisationId] as const;
const consentsOf = (personId: string) => ['people', 'consents', personId] as const;
const path = (personId: string) => `/api/people/${encodeURIComponent(personId)}`;

/** The people acting for an organisation (personal data: only fetched for those allowed). */
export function usePeople(organisationId: string, enabled: boolean) {
  return useQuery({
    queryKey: peopleOf(organisationId),
    queryFn: ({ signal }) =>
      api(`/api/organisations/${encodeURIComponent(organisationId)}/people?pageSize=100`, {
        schema: PersonPageSchema,
        signal,
      }),
    enabled,
  });
}

/** After any change to a person: the list and the organisation's timeline are read again. */
function useRefresh(organisationId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: peopleOf(organisationId) }),
      queryClient.invalidateQueries({ queryKey: ['organisations', 'timeline', organisationId] }),
    ]);
}

export function useCreatePerson(organisationId: string) {
  const refresh = useRefresh(organisationId);
  return useMutation({
    mutationFn: (input: PersonInput) => api('/api/people', { body: input, schema: PersonSchema }),
    onSuccess: refresh,
  });
}

export function useUpdatePerson(organisationId: string, personId: string) {
  const refresh = useRefresh(organisationId);
  return useMutation({
    mutationFn: (patch: PersonPatch) =>
      api(path(personId), { method: 'PATCH', body: patch, schema: PersonSchema }),
    onSuccess: refresh,
  });
}

export function useLinkPerson(organisationId: string, personId: string) {
  const refresh = useRefresh(organisationId);
  return useMutation({
    mutationFn: (input: PersonLinkInput) =>
      api(`${path(personId)}/organisations`, { body: input, schema: PersonSchema }),
    onSuccess: refresh,
  });
}

export function useErasePerson(organisationId: string, personId: string) {
  const refresh = useRefresh(organisationId);
  return useMutation({
    mutationFn: () => api(path(personId), { method: 'DELETE', schema: ErasureResultSchema }),
    onSuccess: refresh,
  });
}

/** Every consent record of a person, oldest first (read when the consent dialog opens). */
export function useConsentHistory(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: consentsOf(personId),
    queryFn: ({ signal }) => api(`${path(personId)}/consents`, { schema: ConsentHistorySchema, signal }),
    enabled,
  });
}

export function useRecordConsent(organisationId: string, personId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefresh(organisationId);
  return useMutation({
    mutationFn: (input: ConsentInput) =>
      api(`${path(personId)}/consents`, { body: input, schema: ConsentRecordSchema }),
    onSuccess: () =>
      Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: consentsOf(personId) })]),
  });
}

/** Where the browser downloads everything held about a person (Art. 15 and 20). */
export const personExportUrl = (personId: string, format: 'json' | 'csv') =>
  `${path(personId)}/export?format=${format}`;
