import type { WebhookDelivery } from '../../../../contracts/admin.ts';
import { createStatusTag } from '../../../components/status-tag.tsx';

/**
 * Deliveries are outbox rows (`pending | done | dead`); a pending row that already failed
 * once is shown as retrying, which is what the admin needs to know.
 */
export type DeliveryView = 'queued' | 'retrying' | 'done' | 'dead';
export const deliveryViewOf = (d: Pick<WebhookDelivery, 'state' | 'attempts'>): DeliveryView =>
  d.state === 'pending' ? (d.attempts > 0 ? 'retrying' : 'queued') : d.state;

export const DeliveryStatusTag = createStatusTag<DeliveryView>({
  queued: { color: 'processing', label: 'webhooks.delivery.queued' },
  retrying: { color: 'warning', label: 'webhooks.delivery.retrying' },
  done: { color: 'success', label: 'webhooks.delivery.done' },
  dead: { color: 'error', label: 'webhooks.delivery.dead' },
});
