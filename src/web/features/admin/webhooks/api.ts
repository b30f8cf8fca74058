import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { webhookCreateBody, webhookPatchBody, webhookSchema } from '../../../../contracts/admin.ts';
import { api } from '../../../lib/api.ts';

export type Webhook = z.infer<typeof webhookSchema>;
export type WebhookCreate = z.input<typeof webhookCreateBody>;
export type WebhookPatch = z.input<typeof webhookPatchBody>;

export const webhookKeys = { all: ['admin', 'webhooks'] as const };

export function useWebhooks() {
  return useQuery({
    queryKey: webhookKeys.all,
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
  return useMutation({
    mutationFn: (id: string) => api.post<{ deliveryId?: string }>(`/api/v1/admin/webhooks/${encodeURIComponent(id)}/test`),
  });
}
