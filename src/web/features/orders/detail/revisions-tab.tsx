import { Card, Collapse, Empty, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDate, formatDateTime, formatRelative } from '../../../lib/format.ts';
import { useOrderRevisions, type Order } from '../api.ts';
import { RevisionStateTag } from '../order-tags.tsx';
import { ImpactView } from './impact-view.tsx';
import { LinesTab } from './lines-tab.tsx';
import { RevisionCustomer } from './revision-customer.tsx';

/** 修订: every change after confirmation — reason, impact, state, and the order as it was before (v1, v2…). */
export function RevisionsTab({ order }: { order: Order }) {
  const { t } = useTranslation();
  const revisions = useOrderRevisions(order.id);
  if (revisions.isPending) return <Spin />;
  if (revisions.error) return <ErrorAlert error={revisions.error} />;
  if (revisions.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.revisions.none')} />;
  const units = new Map(order.lines.map((l) => [l.productId, l.unit]));
  return (
    <div className="gd-stack" data-testid="revisions">
      {revisions.data.map((r) => {
        const before = r.before as unknown as Order;
        return (
          <Card
            key={r.id}
            size="small"
            type="inner"
            title={
              <Space size={8} wrap>
                <span>{t('orders.revisions.title', { n: r.revisionNo })}</span>
                <RevisionStateTag status={r.state} />
              </Space>
            }
          >
            <div className="gd-stack">
              <Typography.Text type="secondary">
                {t('orders.revisions.requestedBy', { name: r.requestedByName ?? t('common.none') })} · {formatDateTime(r.createdAt)} ({formatRelative(r.createdAt, currentLanguage())})
                {r.appliedAt && ` · ${t('orders.revisions.appliedAt', { when: formatDateTime(r.appliedAt) })}`}
              </Typography.Text>
              <div className="gd-cr-reason">{t('orders.revisions.reason', { reason: r.reason })}</div>
              <RevisionCustomer order={order} revision={r} />
              <ImpactView impact={r.impact} units={units} past />
              {Array.isArray(before.lines) && (
                <Collapse
                  size="small"
                  items={[
                    {
                      key: 'before',
                      label: t('orders.revisions.before', { version: r.fromVersion, date: formatDate(before.promisedDate) }),
                      children: <LinesTab order={before} />,
                    },
                  ]}
                />
              )}
            </div>
          </Card>
        );
      })}
    </div>
  );
}
