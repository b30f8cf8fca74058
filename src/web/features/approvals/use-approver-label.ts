import { useTranslation } from 'react-i18next';
import { useRoleLabel } from '../admin/roles/use-role-label.ts';
import { useUserOptions } from '../admin/users/api.ts';
import { useSession } from '../auth/session.ts';

/** Who an approval step waits for: a role ("销售经理") or a named person when the user directory is readable. */
export function useApproverLabel() {
  const { t } = useTranslation();
  const { can, user } = useSession();
  const roles = useRoleLabel();
  const users = useUserOptions(can('admin:users'));
  return (step: { approverRole?: string | null; approverUserId?: string | null }) => {
    if (step.approverRole) return roles.label(step.approverRole);
    if (!step.approverUserId) return t('common.none');
    if (step.approverUserId === user.id) return user.displayName;
    return users.data?.find((u) => u.id === step.approverUserId)?.displayName ?? t('approvals.step.namedUser');
  };
}
