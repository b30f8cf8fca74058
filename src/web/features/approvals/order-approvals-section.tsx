import { Card, Empty, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useApprovalInbox, type ApprovalState } from './api.ts';
import { OrderApprovalCard } from './order-approval-card.tsx';

/** Order and order-revision approvals addressed to the user (or their roles) in one state, oldest first. */
export function OrderApprovalsSection({ state, focus }: { state: ApprovalState; focus: string | null }) {
  const { t } = useTranslation();
  const list = useApprovalInbox(state);
  const items = (list.data ?? []).filter((a) => a.documentType === 'order' || a.documentType === 'order_revision');
  const found = !!focus && items.some((a) => a.documentId === focus);
  useEffect(() => {
    if (found) document.getElementById(`approval-${focus}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }, [found, focus]);
  return (
    <Card size="small" title={t('approvals.order.title')}>
      {list.isPending && <Spin />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={state === 'pending' ? t('approvals.order.empty') : t('approvals.emptyDecided')} />}
      <div className="gd-stack" data-testid="order-approval-list">
        {items.map((a) => (
          <OrderApprovalCard key={a.id} approval={a} focused={a.documentId === focus} />
        ))}
      </div>
    </Card>
  );
}
