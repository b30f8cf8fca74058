import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { demoAccounts, loginReply, meReply } from '../../../contracts/auth.ts';
import { api, ApiError, setCsrfToken } from '../../lib/api.ts';

export type MeReply = z.infer<typeof meReply>;
type LoginReply = z.infer<typeof loginReply>;
type DemoAccounts = z.infer<typeof demoAccounts>;

export const authKeys = {
  me: ['auth', 'me'] as const,
  demoAccounts: ['auth', 'demo-accounts'] as const,
};

/** The session: the signed-in user, or null when there is none (401 is an answer, not an error). */
export function useMe() {
  return useQuery({
    queryKey: authKeys.me,
    queryFn: async (): Promise<MeReply | null> => {
      try {
        const me = await api.get<MeReply>('/api/auth/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw e;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<LoginReply>('/api/auth/login', body),
    onSuccess: async (reply) => {
      setCsrfToken(reply.csrfToken);
      // Whatever the previous user had cached must not leak into this session.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      await qc.refetchQueries({ queryKey: authKeys.me });
    },
  });
}

/**
 * Signs out, then reloads on the sign-in page: a full reload drops every cached answer of
 * this session at once (and no `?next=` pointing back into it).
 */
export function useLogout() {
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      window.location.assign('/login');
    },
  });
}

export function useDemoAccounts() {
  return useQuery({
    queryKey: authKeys.demoAccounts,
    queryFn: () => api.get<DemoAccounts>('/api/auth/demo-accounts'),
    staleTime: Infinity,
    retry: false,
  });
}
