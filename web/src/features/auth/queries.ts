import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MeSchema, type Me, type Role } from '../../../../src/contracts/session.ts';
import { api, isApiError } from '../../lib/api.ts';

export const meQueryKey = ['me'] as const;

/** The signed-in user and lab, or `null` when signed out (401). */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api('/api/me', { schema: MeSchema });
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

const ADMIN_ROLES: readonly Role[] = ['lab_admin', 'network_admin'];
const STAFF_ROLES: readonly Role[] = ['facilitator', 'lab_admin', 'network_admin'];

export const isAdmin = (me: Me | null | undefined) => !!me && ADMIN_ROLES.includes(me.user.role);
/** Staff keep the directory: they may add organisations (the API has the last word). */
export const isStaff = (me: Me | null | undefined) => !!me && STAFF_ROLES.includes(me.user.role);

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api('/api/auth/sign-in/email', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api('/api/auth/sign-out', { body: {} }),
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) =>
      api('/api/auth/request-password-reset', { body: { email, redirectTo: '/reinitialiser' } }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: { newPassword: string; token: string }) => api('/api/auth/reset-password', { body }),
  });
}

export function useAcceptInvitation() {
  return useMutation({
    mutationFn: (body: { token: string; name: string; password: string }) =>
      api('/api/invitations/accept', { body }),
  });
}
