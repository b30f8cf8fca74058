import { seededRoles } from '../../../../contracts/permissions.ts';
import { useSession } from '../../auth/session.ts';
import { useTranslation } from 'react-i18next';
import { useRoles } from './api.ts';

/**
 * A role key in the user's language. Uses the role list when the user may read it
 * (admin:roles) and the seeded names otherwise, so user pages work for user-only admins.
 */
export function useRoleLabel() {
  const { can } = useSession();
  const roles = useRoles(can('admin:roles'));
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const list = roles.data ?? seededRoles;
  const label = (key: string) => {
    const r = list.find((x) => x.key === key);
    return r ? (en ? r.nameEn : r.name) : key;
  };
  return { label, options: list.map((r) => ({ value: r.key, label: en ? r.nameEn : r.name })) };
}
