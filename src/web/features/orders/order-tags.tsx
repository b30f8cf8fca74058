import { createStatusTag } from '../../components/status-tag.tsx';
import type { OrderStatus, Priority, RevisionState } from './api.ts';

/** The one look of an order's status (contracts `orderStatuses`). */
export const OrderStatusTag = createStatusTag<OrderStatus>({
  draft: { color: 'default', label: 'orders.status.draft' },
  submitted: { color: 'processing', label: 'orders.status.submitted' },
  pending_approval: { color: 'warning', label: 'orders.status.pending_approval' },
  rejected: { color: 'error', label: 'orders.status.rejected' },
  confirmed: { color: 'success', label: 'orders.status.confirmed' },
  in_fulfilment: { color: 'blue', label: 'orders.status.in_fulfilment' },
  partially_shipped: { color: 'cyan', label: 'orders.status.partially_shipped' },
  shipped: { color: 'geekblue', label: 'orders.status.shipped' },
  delivered: { color: 'purple', label: 'orders.status.delivered' },
  completed: { color: 'green', label: 'orders.status.completed' },
  on_hold: { color: 'magenta', label: 'orders.status.on_hold' },
  cancelled: { color: '#8c8c8c', label: 'orders.status.cancelled' },
});

/** Order priority (contracts `priorities`). */
export const PriorityTag = createStatusTag<Priority>({
  low: { color: 'default', label: 'orders.priority.low' },
  normal: { color: 'blue', label: 'orders.priority.normal' },
  high: { color: 'orange', label: 'orders.priority.high' },
  urgent: { color: 'red', label: 'orders.priority.urgent' },
});

/** A revision's state (contracts `revisionStates`). */
export const RevisionStateTag = createStatusTag<RevisionState>({
  pending_approval: { color: 'warning', label: 'orders.revisions.state.pending_approval' },
  applied: { color: 'success', label: 'orders.revisions.state.applied' },
  rejected: { color: 'error', label: 'orders.revisions.state.rejected' },
});
