import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  InvitationSchema,
  OutboxListSchema,
  UserListSchema,
  UserSummarySchema,
  type InvitationInput,
} from '../../../../src/contracts/admin.ts';
import { api } from '../../lib/api.ts';

export type AdminUser = z.infer<typeof UserSummarySchema>;
export type OutboxMessage = z.infer<typeof OutboxListSchema>['items'][number];

export function useAdminUsers() {
  return useQuery({
    queryKey: ['admin', 'users'],
    queryFn: ({ signal }) => api('/api/admin/users', { schema: UserListSchema, signal }),
  });
}

export function useOutbox() {
  return useQuery({
    queryKey: ['admin', 'outbox'],
    queryFn: ({ signal }) => api('/api/admin/outbox', { schema: OutboxListSchema, signal }),
  });
}

export function useInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InvitationInput) =>
      api('/api/admin/invitations', { body: input, schema: InvitationSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}
