import { Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { daysUntil, formatDate } from '../../../lib/format.ts';
import type { Order } from '../api.ts';

const STAGES = ['entry', 'review', 'preparation', 'shipping', 'delivery', 'done'] as const;
const stageOf: Record<Order['status'], number> = {
  draft: 0,
  rejected: 0,
  submitted: 1,
  pending_approval: 1,
  confirmed: 2,
  in_fulfilment: 2,
  on_hold: 2,
  partially_shipped: 3,
  shipped: 4,
  delivered: 5,
  completed: 6,
  cancelled: 0,
};

/** The order's stages (UX.md "stage flow"): where it stands, when each stage happened, and whether the promise is at risk. */
export function StageFlow({ order: o }: { order: Order }) {
  const { t } = useTranslation();
  const current = stageOf[o.status];
  const late = current < 5 && o.status !== 'cancelled' && daysUntil(o.promisedDate) < 0;
  const problem = o.status === 'rejected' || o.status === 'on_hold' || o.status === 'cancelled' || late;
  const when: Partial<Record<(typeof STAGES)[number], string>> = {
    entry: formatDate(o.createdAt),
    review: o.confirmedAt ? formatDate(o.confirmedAt) : o.submittedAt ? t('orders.stages.since', { date: formatDate(o.submittedAt) }) : undefined,
    delivery: t('orders.stages.promised', { date: formatDate(o.promisedDate) }),
  };
  return (
    <div className="gd-steps-wrap">
      <Steps
        size="small"
        current={Math.min(current, STAGES.length - 1)}
        status={current >= STAGES.length ? 'finish' : problem ? 'error' : 'process'}
        responsive={false}
        titlePlacement="vertical"
        style={{ minWidth: 560 }}
        data-testid="stage-flow"
        items={STAGES.map((s, i) => ({
          title: t(`orders.stages.${s}`),
          content: (
            <>
              {when[s] && <div>{when[s]}</div>}
              {i === current && problem && (
                <Typography.Text type="danger">{o.status === 'rejected' || o.status === 'on_hold' || o.status === 'cancelled' ? t(`orders.status.${o.status}`) : t('orders.due.overdue', { count: -daysUntil(o.promisedDate) })}</Typography.Text>
              )}
            </>
          ),
        }))}
      />
    </div>
  );
}
