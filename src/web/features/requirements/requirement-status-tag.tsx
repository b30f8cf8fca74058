import { createStatusTag } from '../../components/status-tag.tsx';
import type { RequirementStatus } from './api.ts';

/** The one look of a 需求单's status (contracts `requirementStatuses`). */
export const RequirementStatusTag = createStatusTag<RequirementStatus>({
  draft: { color: 'default', label: 'requirements.status.draft' },
  sent: { color: 'processing', label: 'requirements.status.sent' },
  confirmed: { color: 'success', label: 'requirements.status.confirmed' },
  changes_requested: { color: 'warning', label: 'requirements.status.changes_requested' },
  converted: { color: 'purple', label: 'requirements.status.converted' },
  cancelled: { color: 'error', label: 'requirements.status.cancelled' },
});
