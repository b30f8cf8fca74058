import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session.ts';
import { summaryOf, useApprovalInbox } from '../../approvals/api.ts';
import { DecisionButtons } from '../../approvals/decision-buttons.tsx';
import type { Order } from '../api.ts';

/** When this order waits for the signed-in user's decision: approve right here (approvers arrive from the notification link). */
export function MyApproval({ order }: { order: Order }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const inbox = useApprovalInbox('pending', { enabled: can('orders:approve') && order.status === 'pending_approval' });
  const mine = inbox.data?.find((a) => a.documentType === 'order' && a.documentId === order.id);
  if (!mine) return null;
  const rules = summaryOf(mine).rules ?? [];
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="my-approval"
      title={t('orders.myApproval.title', { level: mine.level })}
      description={
        <div className="gd-stack" style={{ gap: 8 }}>
          {rules.length > 0 && <span>{t('orders.myApproval.rules', { rules: rules.join(t('common.listSep')) })}</span>}
          <DecisionButtons approval={mine} title={order.number ?? ''} />
        </div>
      }
    />
  );
}
