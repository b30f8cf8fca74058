import { createStatusTag } from '../../components/status-tag.tsx';
import type { ApprovalState } from './api.ts';

/** An approval step's state (contracts `approvalStates`). */
export const ApprovalStateTag = createStatusTag<ApprovalState>({
  waiting: { color: 'default', label: 'approvals.step.waiting' },
  pending: { color: 'processing', label: 'approvals.step.pending' },
  approved: { color: 'success', label: 'approvals.step.approved' },
  rejected: { color: 'error', label: 'approvals.step.rejected' },
  cancelled: { color: '#8c8c8c', label: 'approvals.step.cancelled' },
});
