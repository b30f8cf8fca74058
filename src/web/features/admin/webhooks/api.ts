import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { WebhookDelivery, webhookCreateBody, webhookPatchBody, webhookSchema, webhookTestReply } from '../../../../contracts/admin.ts';
import { api } from '../../../lib/api.ts';

export type Webhook = z.infer<typeof webhookSchema>;
export type WebhookCreate = z.input<typeof webhookCreateBody>;
export type WebhookPatch = z.input<typeof webhookPatchBody>;

export type { WebhookDelivery };

export const webhookKeys = {
  all: ['admin', 'webhooks'] as const,
  list: () => [...webhookKeys.all, 'list'] as const,
  deliveries: (id: string) => [...webhookKeys.all, 'deliveries', id] as const,
};

export function useWebhooks() {
  return useQuery({
    queryKey: webhookKeys.list(),
    queryFn: () => api.get<{ items: Webhook[] }>('/api/v1/admin/webhooks'),
    select: (r) => r.items,
    retry: false,
  });
}

export function useCreateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookCreate) => api.post<Webhook>('/api/v1/admin/webhooks', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export function useUpdateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: WebhookPatch }) => api.patch<Webhook>(`/api/v1/admin/webhooks/${encodeURIComponent(id)}`, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

/** Queues a test delivery; the server answers with its delivery id. */
export function useTestWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<z.infer<typeof webhookTestReply>>(`/api/v1/admin/webhooks/${encodeURIComponent(id)}/test`),
    onSuccess: (_r, id) => qc.invalidateQueries({ queryKey: webhookKeys.deliveries(id) }),
  });
}

/** Recent deliveries of one webhook; polls while any is still pending. */
export function useWebhookDeliveries(id: string | null) {
  return useQuery({
    queryKey: webhookKeys.deliveries(id ?? ''),
    queryFn: () => api.get<{ items: WebhookDelivery[] }>(`/api/v1/admin/webhooks/${encodeURIComponent(id!)}/deliveries`, { limit: 20 }),
    select: (r) => r.items,
    enabled: !!id,
    refetchInterval: (q) => (q.state.data?.items.some((d) => d.state === 'pending') ? 2_000 : false),
  });
}
