import { createStatusTag } from '../../../components/status-tag.tsx';
import type { StockCountStatus } from './api.ts';

/** A stock count's status (contracts `stockCountStatuses`). */
export const CountStatusTag = createStatusTag<StockCountStatus>({
  draft: { color: 'default', label: 'inventory.counts.statusName.draft' },
  counting: { color: 'processing', label: 'inventory.counts.statusName.counting' },
  posted: { color: 'success', label: 'inventory.counts.statusName.posted' },
  cancelled: { color: 'default', label: 'inventory.counts.statusName.cancelled' },
});
