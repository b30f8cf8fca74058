import { createStatusTag } from '../../../components/status-tag.tsx';

/** A webhook is delivering (active) or paused; derived from its `active` flag. */
export const webhookStatuses = ['active', 'paused'] as const;
export type WebhookStatus = (typeof webhookStatuses)[number];
export const webhookStatusOf = (w: { active: boolean }): WebhookStatus => (w.active ? 'active' : 'paused');

export const WebhookStatusTag = createStatusTag<WebhookStatus>({
  active: { color: 'success', label: 'webhooks.status.active' },
  paused: { color: 'default', label: 'webhooks.status.paused' },
});
