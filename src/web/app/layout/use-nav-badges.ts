import { useSession } from '../../features/auth/session.ts';
import { useChangeRequests } from '../../features/customers/api.ts';
import type { ModuleKey } from '../nav.tsx';

/**
 * Counts shown next to sidebar entries: 审批 shows what waits for this user's decision.
 * Live notifications refresh them (a new request notifies the approvers); the interval only
 * covers a dropped stream.
 */
export function useNavBadges(): Partial<Record<ModuleKey, number>> {
  const { can } = useSession();
  const pending = useChangeRequests('pending', undefined, { enabled: can('customers:approve'), refetchInterval: 120_000 });
  return { approvals: pending.data?.length ?? 0 };
}
