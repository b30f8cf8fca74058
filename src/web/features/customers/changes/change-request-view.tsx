import { App, Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { message, modal } = App.useApp();
  const { can } = useSession();
  const decide = useDecideChange();

  const ask = (approve: boolean) => {
    let comment = '';
    const body = (
      <ReasonInput
        required={!approve}
        onChange={(v) => {
          comment = v;
        }}
      />
    );
    modal.confirm({
      title: t(approve ? 'approvals.approveTitle' : 'approvals.rejectTitle', { name: request.customerName ?? '' }),
      content: body,
      okText: t(approve ? 'approvals.approve' : 'approvals.reject'),
      okButtonProps: { danger: !approve },
      cancelText: t('common.cancel'),
      onOk: async () => {
        if (!approve && !comment.trim()) {
          void message.error(t('approvals.rejectReasonRequired'));
          throw new Error('reason required');
        }
        try {
          await decide.mutateAsync({ id: request.id, approve, comment: comment.trim() || null });
          void message.success(t(approve ? 'approvals.approved' : 'approvals.rejected', { name: request.customerName ?? '' }));
        } catch (err) {
          void message.error((err as Error).message);
          throw err;
        }
      },
    });
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
          <Button type="primary" size="small" onClick={() => ask(true)} data-testid="approve-change">
            {t('approvals.approve')}
          </Button>
          <Button danger size="small" onClick={() => ask(false)} data-testid="reject-change">
            {t('approvals.reject')}
          </Button>
        </Space>
      )}
    </div>
  );
}

function ReasonInput({ required, onChange }: { required: boolean; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <div style={{ marginTop: 8 }}>
      <Typography.Text>{required ? t('approvals.rejectReason') : t('approvals.approveComment')}</Typography.Text>
      <Input.TextArea rows={3} maxLength={500} showCount onChange={(e) => onChange(e.target.value)} style={{ marginTop: 4 }} aria-label={required ? t('approvals.rejectReason') : t('approvals.approveComment')} data-testid="decision-comment" />
    </div>
  );
}
