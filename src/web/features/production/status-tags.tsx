import { createStatusTag } from '../../components/status-tag.tsx';
import type { WorkCenter, WorkOrderStatus } from './api.ts';

/** A work order's status (contracts `workOrderStatuses`). */
export const WorkOrderStatusTag = createStatusTag<WorkOrderStatus>({
  planned: { color: 'default', label: 'production.status.planned' },
  released: { color: 'blue', label: 'production.status.released' },
  in_progress: { color: 'processing', label: 'production.status.in_progress' },
  done: { color: 'success', label: 'production.status.done' },
  cancelled: { color: 'default', label: 'production.status.cancelled' },
});

/** A work center's state (contracts `workCenterStates`). */
export const CenterStateTag = createStatusTag<WorkCenter['state']>({
  up: { color: 'success', label: 'production.centerState.up' },
  down: { color: 'error', label: 'production.centerState.down' },
});
