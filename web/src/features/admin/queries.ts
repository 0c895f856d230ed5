import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { RoleSchema, type Role } from '../../../../src/contracts/session.ts';
import { api } from '../../lib/api.ts';

// NOTE: these answers have no schema in src/contracts yet; they are described here from the API's
// documentation and should move to src/contracts/admin.ts when the API exports them.
const AdminUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
});
export type AdminUser = z.infer<typeof AdminUserSchema>;

const OutboxMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

const InvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: RoleSchema,
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

export interface InvitationInput {
  email: string;
  role: Role;
  organisationId?: string;
}

export function useAdminUsers() {
  return useQuery({
    queryKey: ['admin', 'users'],
    queryFn: ({ signal }) =>
      api('/api/admin/users', { schema: z.object({ items: z.array(AdminUserSchema) }), signal }),
  });
}

export function useOutbox() {
  return useQuery({
    queryKey: ['admin', 'outbox'],
    queryFn: ({ signal }) =>
      api('/api/admin/outbox', { schema: z.object({ items: z.array(OutboxMessageSchema) }), signal }),
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
