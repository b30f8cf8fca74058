import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { useChangeRequests } from '../customers/api.ts';
import { useSession } from '../auth/session.ts';
import { AdjustmentApprovalsSection } from './adjustment-approvals-section.tsx';
import { useAdjustmentCount, useApprovalInbox } from './api.ts';
import { CustomerChangesSection } from './customer-changes-section.tsx';
import { OrderApprovalsSection } from './order-approvals-section.tsx';

const STATES = ['pending', 'approved', 'rejected'] as const;
type State = (typeof STATES)[number];

/**
 * 审批: what waits for this user's decision — orders and order revisions by the approval
 * rules, changes to approval-gated customer fields, and stock adjustments above the threshold. Works on a phone: approvers open it
 * (or the order itself) from the notification link. `?focus=` highlights one document.
 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const state: State = (STATES as readonly string[]).includes(params.get('state') ?? '') ? (params.get('state') as State) : 'pending';
  const focus = params.get('focus');
  const orders = can('orders:approve');
  const customers = can('customers:read');
  const pendingOrders = useApprovalInbox('pending', { enabled: orders }).data?.filter((a) => a.documentType === 'order' || a.documentType === 'order_revision').length ?? 0;
  const pendingChanges = useChangeRequests('pending', undefined, { enabled: customers }).data?.length ?? 0;
  const adjustments = can('inventory:approve');
  const pendingAdjustments = useAdjustmentCount({ enabled: adjustments }).data ?? 0;
  const pending = pendingOrders + pendingChanges + (adjustments ? pendingAdjustments : 0);

  return (
    <>
      <PageHeader title={t('approvals.title')} subtitle={t('approvals.subtitle')} />
      <Card size="small" styles={{ body: { paddingBottom: 0 } }} style={{ marginBottom: 12 }}>
        <Tabs
          size="small"
          activeKey={state}
          onChange={(k) => setParams(k === 'pending' ? {} : { state: k }, { replace: true })}
          items={STATES.map((s) => ({ key: s, label: s === 'pending' && pending ? `${t(`approvals.tabs.${s}`)} ${pending}` : t(`approvals.tabs.${s}`) }))}
        />
      </Card>
      <div className="gd-stack">
        {orders && <OrderApprovalsSection state={state} focus={focus} />}
        {customers && <CustomerChangesSection state={state} />}
        {adjustments && <AdjustmentApprovalsSection state={state} focus={focus} />}
        {customers && !can('customers:approve') && <Typography.Paragraph type="secondary">{t('approvals.noPermission')}</Typography.Paragraph>}
      </div>
    </>
  );
}
