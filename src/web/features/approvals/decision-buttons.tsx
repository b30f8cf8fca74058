import { App, Button, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../components/reason-modal.tsx';
import { useDecideApproval, type Approval, type Decision } from './api.ts';

/**
 * 批准 / 驳回 / 退回修改 for one approval step. Rejecting and returning need a reason (it goes
 * to the requester); a refusal (own order, order changed since) stays in the dialog.
 * Other approvable things (stock adjustments) pass `onDecide` instead of an approval step,
 * `allowReturn={false}` when they cannot go back for editing, and their own `testId`.
 */
export function DecisionButtons({
  approval,
  onDecide,
  allowReturn = true,
  testId = 'order',
  title,
  children,
  size,
}: {
  approval?: Approval;
  onDecide?: (decision: Decision) => Promise<void>;
  allowReturn?: boolean;
  testId?: string;
  title: string;
  children?: ReactNode;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decide = useDecideApproval();
  const [kind, setKind] = useState<Decision['kind'] | null>(null);
  const run = async (text: string) => {
    const decision: Decision = kind === 'approve' ? { kind: 'approve', comment: text || null } : { kind: kind!, comment: text };
    if (onDecide) return onDecide(decision);
    await decide.mutateAsync({ id: approval!.id, decision });
    void message.success(t(`approvals.order.done.${decision.kind}`, { number: approval!.documentNumber ?? '' }));
  };
  return (
    <>
      <Space wrap>
        <Button type="primary" size={size} onClick={() => setKind('approve')} data-testid={`approve-${testId}`}>
          {t('approvals.approve')}
        </Button>
        <Button danger size={size} onClick={() => setKind('reject')} data-testid={`reject-${testId}`}>
          {t('approvals.reject')}
        </Button>
        {allowReturn && (
          <Button size={size} onClick={() => setKind('return')} data-testid={`return-${testId}`}>
            {t('approvals.order.returnForEdit')}
          </Button>
        )}
      </Space>
      {kind && (
        <ReasonModal
          title={t(`approvals.order.confirm.${kind}`, { name: title })}
          label={kind === 'approve' ? t('approvals.approveComment') : kind === 'reject' ? t('approvals.rejectReason') : t('approvals.order.returnReason')}
          okText={kind === 'approve' ? t('approvals.approve') : kind === 'reject' ? t('approvals.reject') : t('approvals.order.returnForEdit')}
          required={kind !== 'approve'}
          danger={kind === 'reject'}
          onSubmit={run}
          onClose={() => setKind(null)}
        >
          {children}
        </ReasonModal>
      )}
    </>
  );
}
