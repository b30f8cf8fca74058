import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../api.ts';
import { ChangeRequestView } from '../changes/change-request-view.tsx';

/** Changes to approval-gated fields that are not applied yet, with approve / reject for approvers. */
export function PendingBanner({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const pending = customer.pendingChanges ?? [];
  if (pending.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="pending-banner"
      title={t('customers.pending.title', { count: pending.length })}
      description={
        <div className="gd-cr-list">
          {pending.map((r) => (
            <ChangeRequestView key={r.id} request={r} />
          ))}
        </div>
      }
    />
  );
}
