import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DuplicateListSchema,
  MergeResultSchema,
  type MergeInput,
} from '../../../../../src/contracts/directory.ts';
import { api } from '../../../lib/api.ts';

const duplicatesKey = ['directory', 'duplicates'] as const;

export function useDuplicates() {
  return useQuery({
    queryKey: duplicatesKey,
    queryFn: ({ signal }) => api('/api/directory/duplicates', { schema: DuplicateListSchema, signal }),
  });
}

/** After a merge or a dismissal both the pairs and the directory's lists have changed. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: duplicatesKey }),
      queryClient.invalidateQueries({ queryKey: ['organisations'] }),
    ]);
}

export function useMerge() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: MergeInput) =>
      api('/api/directory/merge', { body: input, schema: MergeResultSchema }),
    onSuccess: refresh,
  });
}

export function useDismissDuplicate() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { firstId: string; secondId: string }) =>
      api('/api/directory/duplicates/dismiss', { body: input }),
    onSuccess: refresh,
  });
}
