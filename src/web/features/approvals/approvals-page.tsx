import { Card, Empty, Space, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import { useSession } from '../auth/session.ts';
import { useChangeRequests, type ChangeRequest } from '../customers/api.ts';
import { ChangeRequestStateTag } from '../customers/changes/change-request-state-tag.tsx';
import { ChangeRequestView } from '../customers/changes/change-request-view.tsx';

const STATES = ['pending', 'approved', 'rejected'] as const;

/**
 * 审批: what waits for this user's decision, newest first — for now changes to approval-gated
 * customer fields. Works on a phone: approvers open it from the notification link.
 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const state = (STATES as readonly string[]).includes(params.get('state') ?? '') ? (params.get('state') as ChangeRequest['state']) : 'pending';
  const list = useChangeRequests(state, undefined, { enabled: can('customers:read') });
  const pendingCount = useChangeRequests('pending', undefined, { enabled: can('customers:read') }).data?.length;

  return (
    <>
      <PageHeader title={t('approvals.title')} subtitle={t('approvals.subtitle')} />
      <Card size="small" title={t('approvals.customerChanges')}>
        <Tabs
          size="small"
          activeKey={state}
          onChange={(k) => setParams(k === 'pending' ? {} : { state: k }, { replace: true })}
          items={STATES.map((s) => ({ key: s, label: s === 'pending' && pendingCount ? `${t(`approvals.tabs.${s}`)} ${pendingCount}` : t(`approvals.tabs.${s}`) }))}
        />
        {!can('customers:approve') && <Typography.Paragraph type="secondary">{t('approvals.noPermission')}</Typography.Paragraph>}
        {list.isPending && can('customers:read') && <Spin />}
        {list.error && <ErrorAlert error={list.error} />}
        {(list.data?.length === 0 || !can('customers:read')) && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={state === 'pending' ? t('approvals.empty') : t('approvals.emptyDecided')} />}
        <div className="gd-stack" data-testid="approval-list">
          {list.data?.map((r) => (
            <Card
              key={r.id}
              size="small"
              type="inner"
              title={
                <Space size={8} wrap>
                  <Link to={`/customers/${r.customerId}?tab=history`}>{r.customerName ?? t('approvals.openCustomer')}</Link>
                  <ChangeRequestStateTag status={r.state} />
                </Space>
              }
            >
              <ChangeRequestView request={r} />
              {r.state !== 'pending' && (
                <div className="gd-history-note">
                  {r.decidedAt && <span title={formatDateTime(r.decidedAt)}>{t('approvals.decidedBy', { when: `${formatDateTime(r.decidedAt)}（${formatRelative(r.decidedAt, currentLanguage())}）` })}</span>}
                  {r.comment && <div>{t('approvals.decisionComment', { comment: r.comment })}</div>}
                </div>
              )}
            </Card>
          ))}
        </div>
      </Card>
    </>
  );
}
