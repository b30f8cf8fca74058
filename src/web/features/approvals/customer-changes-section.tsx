import { Card, Empty, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import { useChangeRequests, type ChangeRequest } from '../customers/api.ts';
import { ChangeRequestStateTag } from '../customers/changes/change-request-state-tag.tsx';
import { ChangeRequestView } from '../customers/changes/change-request-view.tsx';

/** Changes to approval-gated customer fields in one state. */
export function CustomerChangesSection({ state }: { state: ChangeRequest['state'] }) {
  const { t } = useTranslation();
  const list = useChangeRequests(state);
  return (
    <Card size="small" title={t('approvals.customerChanges')}>
      {list.isPending && <Spin />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={state === 'pending' ? t('approvals.empty') : t('approvals.emptyDecided')} />}
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
                {r.decidedAt && <span title={formatDateTime(r.decidedAt)}>{t('approvals.decidedBy', { when: `${formatDateTime(r.decidedAt)}${t('common.paren', { text: formatRelative(r.decidedAt, currentLanguage()) })}` })}</span>}
                {r.comment && <div>{t('approvals.decisionComment', { comment: r.comment })}</div>}
              </div>
            )}
          </Card>
        ))}
      </div>
    </Card>
  );
}
