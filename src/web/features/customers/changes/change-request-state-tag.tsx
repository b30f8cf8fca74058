import { createStatusTag } from '../../../components/status-tag.tsx';
import type { ChangeRequest } from '../api.ts';

/** The one look of a customer change request's state. */
export const ChangeRequestStateTag = createStatusTag<ChangeRequest['state']>({
  pending: { color: 'processing', label: 'approvals.state.pending' },
  approved: { color: 'success', label: 'approvals.state.approved' },
  rejected: { color: 'error', label: 'approvals.state.rejected' },
});
