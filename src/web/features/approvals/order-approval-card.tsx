import { Card, Collapse, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Fact } from '../../components/fact.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime, formatMoney, formatRelative } from '../../lib/format.ts';
import { useOrderIdByNumber } from '../orders/api.ts';
import { summaryOf, type Approval } from './api.ts';
import { ApprovalStateTag } from './approval-state-tag.tsx';
import { DecisionButtons } from './decision-buttons.tsx';
import { RevisionImpact } from './revision-impact.tsx';

/**
 * One order (or order-revision) approval in the inbox: number, customer, amount, the rules
 * that asked for it and the warnings at submit — enough to decide on a phone — and the
 * decision buttons; a revision shows its impact on demand.
 */
export function OrderApprovalCard({ approval: a, focused }: { approval: Approval; focused?: boolean }) {
  const { t } = useTranslation();
  const s = summaryOf(a);
  const revision = a.documentType === 'order_revision';
  const resolved = useOrderIdByNumber(s.number, revision);
  const orderId = revision ? resolved.data : a.documentId;
  const number = s.number ?? t('orders.draftNumber');
  const checkName = (code: string) => t(`orders.checks.name.${code as 'PRICE_BELOW_FLOOR'}`, { defaultValue: code });
  const amount = s.amount !== undefined ? formatMoney(s.amount) : (s.amountText ?? t('common.none'));

  return (
    <Card
      size="small"
      type="inner"
      className={focused ? 'gd-focused' : undefined}
      id={`approval-${a.documentId}`}
      data-testid="order-approval"
      title={
        <Space size={8} wrap>
          {orderId ? (
            <Link to={`/orders/${orderId}${revision ? '?tab=revisions' : ''}`} className="gd-mono">
              {number}
            </Link>
          ) : (
            <span className="gd-mono">{number}</span>
          )}
          {revision && <Tag color="purple">{t('approvals.order.revisionNo', { n: s.revisionNo ?? '' })}</Tag>}
          <Tag>{t('approvals.order.levelOf', { level: a.level })}</Tag>
          <ApprovalStateTag status={a.state} />
        </Space>
      }
    >
      <div className="gd-stack" style={{ gap: 8 }}>
        <div className="gd-facts" style={{ marginTop: 0, paddingTop: 0, borderTop: 0 }}>
          <Fact label={t('orders.customer')}>{s.customerName ?? t('common.none')}</Fact>
          <Fact label={t('approvals.order.amount')} className="gd-order-amount gd-num" testId="approval-amount">
            {amount}
          </Fact>
          <Fact label={t('approvals.order.rules')}>{(s.rules ?? []).length ? (s.rules ?? []).map((r) => <Tag key={r}>{checkName(r)}</Tag>) : t('common.none')}</Fact>
        </div>
        {(s.warnings ?? []).length > 0 && (
          <div>
            <Typography.Text type="secondary">{t('approvals.order.warnings')}{t('common.colon')}</Typography.Text>
            {(s.warnings ?? []).map((w) => (
              <Tag key={w} color="orange">
                {checkName(w)}
              </Tag>
            ))}
          </div>
        )}
        {revision && s.reason && <div className="gd-cr-reason">{t('approvals.order.revisionReason', { reason: s.reason })}</div>}
        <Typography.Text type="secondary">
          {t('approvals.order.submittedAt', { when: `${formatDateTime(a.createdAt)}${t('common.paren', { text: formatRelative(a.createdAt, currentLanguage()) })}` })}
        </Typography.Text>
        {revision && orderId && s.revisionNo !== undefined && (
          <Collapse size="small" items={[{ key: 'impact', label: t('orders.revise.impactTitle'), children: <RevisionImpact orderId={orderId} revisionNo={s.revisionNo} /> }]} defaultActiveKey={focused ? ['impact'] : []} />
        )}
        {a.state === 'pending' ? (
          <DecisionButtons approval={a} title={number}>
            <p>
              {s.customerName} · {amount}
            </p>
          </DecisionButtons>
        ) : (
          a.decidedAt && (
            <div className="gd-history-note">
              {t('approvals.order.decided', { name: a.decidedByName ?? t('common.none'), when: formatDateTime(a.decidedAt) })}
              {a.comment && <div>{t('approvals.decisionComment', { comment: a.comment })}</div>}
            </div>
          )
        )}
      </div>
    </Card>
  );
}
