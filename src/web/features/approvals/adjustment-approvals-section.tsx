import { App, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Fact } from '../../components/fact.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime, formatQty, formatRelative } from '../../lib/format.ts';
import { useAdjustmentInbox, useDecideAdjustmentRequest, type AdjustmentRequest, type ApprovalState, type Decision } from './api.ts';
import { DecisionButtons } from './decision-buttons.tsx';

const stateColor = { pending: 'gold', approved: 'success', rejected: 'default' } as const;

/**
 * Stock adjustments above the approval threshold: pending ones the user may decide (never their
 * own), or the ones they decided. Approving books the adjustment against the stock as it is
 * now; rejecting needs a reason, which the requester is told. `?focus=` is the request id.
 */
export function AdjustmentApprovalsSection({ state, focus }: { state: ApprovalState; focus: string | null }) {
  const { t } = useTranslation();
  const list = useAdjustmentInbox(state);
  const found = !!focus && !!list.data?.some((r) => r.id === focus);
  useEffect(() => {
    if (found) document.getElementById(`adjustment-${focus}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }, [found, focus]);
  return (
    <Card size="small" title={t('approvals.adjustment.title')} extra={<Link to="/inventory/adjustments">{t('approvals.adjustment.all')}</Link>}>
      {list.isPending && <Spin />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={state === 'pending' ? t('approvals.adjustment.empty') : t('approvals.emptyDecided')} />}
      <div className="gd-stack" data-testid="adjustment-approval-list">
        {list.data?.map((r) => <AdjustmentCard key={r.id} request={r} focused={r.id === focus} />)}
      </div>
    </Card>
  );
}

function AdjustmentCard({ request: r, focused }: { request: AdjustmentRequest; focused: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decide = useDecideAdjustmentRequest();
  const qty = `${r.qty > 0 ? '+' : ''}${formatQty(r.qty, r.unit)}`;
  const onDecide = async (d: Decision) => {
    await decide.mutateAsync({ id: r.id, approve: d.kind === 'approve', note: d.comment });
    void message.success(t(d.kind === 'approve' ? 'approvals.adjustment.approved' : 'approvals.adjustment.rejected', { sku: r.sku, qty }));
  };
  return (
    <Card
      size="small"
      type="inner"
      id={`adjustment-${r.id}`}
      className={focused ? 'gd-focused' : undefined}
      data-testid="adjustment-approval"
      title={
        <Space size={8} wrap>
          <span>{r.productName}</span>
          <Typography.Text type="secondary" className="gd-mono">
            {r.sku}
          </Typography.Text>
          <Typography.Text type={r.qty < 0 ? 'danger' : 'success'} className="gd-num" strong>
            {qty}
          </Typography.Text>
          <Tag color={stateColor[r.status]}>{t(`inventory.adjust.status.${r.status}`)}</Tag>
        </Space>
      }
    >
      <div className="gd-stack" style={{ gap: 8 }}>
        <div className="gd-facts" style={{ marginTop: 0, paddingTop: 0, borderTop: 0 }}>
          <Fact label={t('inventory.warehouse')}>{r.warehouseCode}</Fact>
          <Fact label={t('inventory.adjust.requestedBy')}>{r.requestedByName ?? t('common.none')}</Fact>
          <Fact label={t('inventory.reason')}>{r.reason}</Fact>
        </div>
        <Typography.Text type="secondary">{t('approvals.order.submittedAt', { when: `${formatDateTime(r.requestedAt)}${t('common.paren', { text: formatRelative(r.requestedAt, currentLanguage()) })}` })}</Typography.Text>
        {r.status === 'pending' ? (
          <DecisionButtons onDecide={onDecide} allowReturn={false} testId={`adjustment-${r.sku}`} title={`${r.sku} ${qty}`}>
            <Typography.Paragraph type="secondary">{t('approvals.adjustment.bookingHelp')}</Typography.Paragraph>
          </DecisionButtons>
        ) : (
          <div className="gd-history-note">
            {r.decidedAt && <span>{t('approvals.decidedBy', { when: formatDateTime(r.decidedAt) })}</span>}
            {r.decisionNote && <div>{t('approvals.decisionComment', { comment: r.decisionNote })}</div>}
          </div>
        )}
      </div>
    </Card>
  );
}
