import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { portalConfirmBody, portalConfirmReply, portalRequirement } from '../../../contracts/requirements.ts';
import { api } from '../../lib/api.ts';

export type PortalRequirement = z.infer<typeof portalRequirement>;
export type PortalConfirm = z.input<typeof portalConfirmBody>;
export type PortalConfirmReply = z.infer<typeof portalConfirmReply>;

const key = (token: string) => ['portal', token] as const;
const path = (token: string) => `/api/portal/${encodeURIComponent(token)}`;

/** What the customer's link shows; no session, no cookies needed. */
export function usePortalRequirement(token: string) {
  return useQuery({
    queryKey: key(token),
    queryFn: () => api.get<PortalRequirement>(path(token)),
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function usePortalConfirm(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PortalConfirm) => api.post<PortalConfirmReply>(`${path(token)}/confirm`, body),
    // The status changed, so reload — unless the answer was about an older version: then the
    // page keeps showing what the customer answered until they choose to see the new one.
    onSuccess: (reply) => (reply.outdated ? undefined : qc.invalidateQueries({ queryKey: key(token) })),
  });
}

/** One order of a customer-level link, opened within the same token. */
export function usePortalCustomerOrder(token: string, orderId: string) {
  return useQuery({
    queryKey: [...key(token), 'order', orderId] as const,
    queryFn: () => api.get<unknown>(`${path(token)}/orders/${encodeURIComponent(orderId)}`),
    enabled: !!orderId,
    retry: false,
    refetchOnWindowFocus: false,
  });
}
