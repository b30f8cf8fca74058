import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../../components/reason-modal.tsx';
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { useSession } from '../../auth/session.ts';
import { useDecideChange, type ChangeRequest } from '../api.ts';
import { ChangeList } from './change-list.tsx';

/**
 * One pending change to approval-gated customer fields: who asked, when, why, the diff;
 * approvers approve (optional comment) or reject (a reason is required — it goes back to the requester).
 */
export function ChangeRequestView({ request }: { request: ChangeRequest }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const decide = useDecideChange();

  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const decideNow = async (approve: boolean, text: string) => {
    await decide.mutateAsync({ id: request.id, approve, comment: text || null });
    void message.success(t(approve ? 'approvals.approved' : 'approvals.rejected', { name: request.customerName ?? '' }));
  };

  return (
    <div className="gd-cr" data-testid="change-request">
      <Typography.Text type="secondary">
        {t('approvals.requestedBy', { name: request.requestedByName ?? t('customers.history.someone') })} · <span title={formatDateTime(request.requestedAt)}>{formatRelative(request.requestedAt, currentLanguage())}</span>
      </Typography.Text>
      {request.reason && <div className="gd-cr-reason">{t('approvals.reason', { reason: request.reason })}</div>}
      <ChangeList changes={request.changes} />
      {can('customers:approve') && request.state === 'pending' && (
        <Space wrap>
          <Button type="primary" onClick={() => setDeciding('approve')} data-testid="approve-change">
            {t('approvals.approve')}
          </Button>
          <Button danger onClick={() => setDeciding('reject')} data-testid="reject-change">
            {t('approvals.reject')}
          </Button>
        </Space>
      )}
      {deciding && (
        <ReasonModal
          title={t(deciding === 'approve' ? 'approvals.approveTitle' : 'approvals.rejectTitle', { name: request.customerName ?? '' })}
          label={deciding === 'approve' ? t('approvals.approveComment') : t('approvals.rejectReason')}
          okText={t(deciding === 'approve' ? 'approvals.approve' : 'approvals.reject')}
          required={deciding === 'reject'}
          danger={deciding === 'reject'}
          onSubmit={(text) => decideNow(deciding === 'approve', text)}
          onClose={() => setDeciding(null)}
        >
          <ChangeList changes={request.changes} />
        </ReasonModal>
      )}
    </div>
  );
}
