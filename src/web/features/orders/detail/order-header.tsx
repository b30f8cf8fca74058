import { Card, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatMoney } from '../../../lib/format.ts';
import { formatAddress } from '../address-text.ts';
import type { Order } from '../api.ts';
import { OrderStatusTag, PriorityTag } from '../order-tags.tsx';
import { PromisedDate } from '../promised-date.tsx';
import { OrderActions } from './order-actions.tsx';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="gd-fact" data-testid={testId}>
      <span className="gd-fact-label">{label}</span>
      <span className="gd-fact-value">{children}</span>
    </div>
  );
}

/** Number, status, customer, amount, promised date, priority and the main actions — the order at a glance. */
export function OrderHeader({ order: o }: { order: Order }) {
  const { t } = useTranslation();
  return (
    <Card size="small" className="gd-doc-header">
      <div className="gd-doc-header-top">
        <div className="gd-doc-title">
          <Space size={8} wrap>
            <Typography.Title level={4} style={{ margin: 0 }} className="gd-mono" data-testid="order-number">
              {o.number ?? t('orders.unnumbered')}
            </Typography.Title>
            <span data-testid="order-status">
              <OrderStatusTag status={o.status} />
            </span>
            <PriorityTag status={o.priority} />
            {o.nonStandard && <Tag color="gold">{t('orders.nonStandard')}</Tag>}
          </Space>
          <Link to={`/customers/${o.customerId}`}>{o.customerName ?? t('common.none')}</Link>
        </div>
        <OrderActions order={o} />
      </div>
      <div className="gd-facts">
        <Fact label={t('orders.totals.gross')} testId="order-amount">
          <span className="gd-order-amount gd-num">{formatMoney(o.totals.gross)}</span>
        </Fact>
        <Fact label={t('orders.promisedDate')}>
          <PromisedDate date={o.promisedDate} status={o.status} inline />
        </Fact>
        <Fact label={t('orders.owner')}>{o.ownerName ?? t('common.none')}</Fact>
        <Fact label={t('orders.customerPo')}>{o.customerPo ?? t('common.none')}</Fact>
        {o.requirementId && (
          <Fact label={t('orders.requirement')}>
            <Link to={`/requirements/${o.requirementId}`}>{t('orders.openRequirement')}</Link>
          </Fact>
        )}
        <Fact label={t('orders.shipTo')}>{o.shipToAddress ? formatAddress(o.shipToAddress) : t('common.none')}</Fact>
        {o.submittedAt && <Fact label={t('orders.submittedAt')}>{formatDateTime(o.submittedAt)}</Fact>}
        {o.confirmedAt && <Fact label={t('orders.confirmedAt')}>{formatDateTime(o.confirmedAt)}</Fact>}
      </div>
      {o.nonStandard && o.nonStandardReason && <div className="gd-history-note" style={{ marginTop: 8 }}>{t('orders.nonStandardWhy', { reason: o.nonStandardReason })}</div>}
      {o.note && <div className="gd-history-note gd-prewrap" style={{ marginTop: 4 }}>{t('orders.noteShown', { note: o.note })}</div>}
    </Card>
  );
}
