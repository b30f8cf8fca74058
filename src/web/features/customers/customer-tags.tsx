import { createStatusTag } from '../../components/status-tag.tsx';
import type { CustomerStatus, CustomerTier } from './api.ts';

/** The one look of a customer's status (contracts `customerStatuses`). */
export const CustomerStatusTag = createStatusTag<CustomerStatus>({
  active: { color: 'success', label: 'customers.status.active' },
  on_hold: { color: 'warning', label: 'customers.status.on_hold' },
});

/** The one look of a customer's tier (contracts `customerTiers`): A stands out, D recedes. */
export const CustomerTierTag = createStatusTag<CustomerTier>({
  A: { color: 'gold', label: 'customers.tier.A' },
  B: { color: 'blue', label: 'customers.tier.B' },
  C: { color: 'cyan', label: 'customers.tier.C' },
  D: { color: 'default', label: 'customers.tier.D' },
});
