import { useSession } from '../../features/auth/session.ts';
import { useAdjustmentCount, useApprovalInbox } from '../../features/approvals/api.ts';
import { useChangeRequests } from '../../features/customers/api.ts';
import type { ModuleKey } from '../nav.tsx';

/**
 * Counts shown next to sidebar entries: 审批 shows what waits for this user's decision —
 * order and order-revision approvals plus customer changes and stock adjustments. Live notifications refresh them
 * (a new request notifies the approvers); the interval only covers a dropped stream.
 */
export function useNavBadges(): Partial<Record<ModuleKey, number>> {
  const { can } = useSession();
  const changes = useChangeRequests('pending', undefined, { enabled: can('customers:approve'), refetchInterval: 120_000 });
  const orders = useApprovalInbox('pending', { enabled: can('orders:approve'), refetchInterval: 120_000 });
  const orderCount = orders.data?.filter((a) => a.documentType === 'order' || a.documentType === 'order_revision').length ?? 0;
  const adjustments = useAdjustmentCount({ enabled: can('inventory:approve'), refetchInterval: 120_000 });
  return { approvals: (changes.data?.length ?? 0) + orderCount + (can('inventory:approve') ? (adjustments.data ?? 0) : 0) };
}
