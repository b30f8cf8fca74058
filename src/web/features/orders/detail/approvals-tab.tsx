import { Card, Empty, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { Approval } from '../../approvals/api.ts';
import { ApprovalStateTag } from '../../approvals/approval-state-tag.tsx';
import { useApproverLabel } from '../../approvals/use-approver-label.ts';
import { useOrderApprovals, type Order } from '../api.ts';

/** 审批: each approval round (one per submit), level by level — who, which rule, the decision and the comment. */
export function ApprovalsTab({ order }: { order: Order }) {
  const { t } = useTranslation();
  const approvals = useOrderApprovals(order.id);
  const approver = useApproverLabel();
  if (approvals.isPending) return <Spin />;
  if (approvals.error) return <ErrorAlert error={approvals.error} />;
  if (approvals.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={order.status === 'draft' ? t('orders.approvals.notSubmitted') : t('orders.approvals.none')} />;
  const rounds = [...new Set(approvals.data.map((a) => a.documentVersion))].sort((a, b) => b - a);
  return (
    <div className="gd-stack" data-testid="approval-chain">
      {rounds.map((v, i) => {
        const steps = approvals.data.filter((a) => a.documentVersion === v).sort((a, b) => a.level - b.level);
        return (
          <Card key={v} size="small" type="inner" title={i === 0 ? t('orders.approvals.current', { version: v }) : t('orders.approvals.earlier', { version: v })}>
            <Table<Approval>
              size="small"
              rowKey="id"
              dataSource={steps}
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('orders.approvals.level'), dataIndex: 'level', width: 70, render: (n: number) => t('orders.approvals.levelN', { n }) },
                { title: t('orders.approvals.approver'), key: 'approver', render: (_, a) => approver(a) },
                { title: t('orders.approvals.rule'), dataIndex: 'ruleName', responsive: ['sm'], render: (v: string | null) => (v ? t(`orders.checks.name.${v as 'PRICE_BELOW_FLOOR'}`, { defaultValue: v }) : t('common.none')) },
                { title: t('common.status'), dataIndex: 'state', render: (s: Approval['state']) => <ApprovalStateTag status={s} /> },
                {
                  title: t('orders.approvals.decision'),
                  key: 'decision',
                  render: (_, a) =>
                    a.decidedAt ? (
                      <div className="gd-user-cell">
                        <span>
                          {a.decidedByName ?? t('common.none')} · <Typography.Text type="secondary">{formatDateTime(a.decidedAt)}</Typography.Text>
                        </span>
                        {a.comment && <span className="gd-prewrap">{a.comment}</span>}
                      </div>
                    ) : (
                      t('common.none')
                    ),
                },
              ]}
            />
          </Card>
        );
      })}
    </div>
  );
}
