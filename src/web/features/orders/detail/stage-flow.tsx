import { Grid, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../contracts/stages.ts';
import { daysUntil, formatDate, formatDateTime } from '../../../lib/format.ts';
import { ClaimButton, useStageOwnerLabel } from '../../workbench/stage-owner.tsx';
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

const stepStatus: Record<Stage['state'], 'wait' | 'process' | 'finish' | 'error'> = { pending: 'wait', active: 'process', done: 'finish', skipped: 'wait', late: 'error' };

/** The stage track the server keeps (owner, due, actual, late) — UX.md "stage flow". */
function TrackedStages({ orderId, stages }: { orderId: string; stages: Stage[] }) {
  const { t } = useTranslation();
  const ownerLabel = useStageOwnerLabel();
  const current = Math.max(0, stages.findIndex((s) => s.state === 'active' || s.state === 'late'));
  // Seven stages do not fit across a phone: there they read top to bottom.
  const vertical = Grid.useBreakpoint().md === false;
  const late = (m: number) => (m >= 1440 ? t('orders.stages.lateDays', { count: Math.round(m / 1440) }) : m >= 60 ? t('orders.stages.lateHours', { count: Math.round(m / 60) }) : t('orders.stages.lateMinutes', { count: m }));
  return (
    <Steps
      size="small"
      current={current}
      responsive={false}
      orientation={vertical ? 'vertical' : 'horizontal'}
      titlePlacement={vertical ? 'horizontal' : 'vertical'}
      style={vertical ? undefined : { minWidth: 120 * stages.length }}
      data-testid="stage-flow"
      items={stages.map((s) => ({
        title: t(`orders.stage.${s.stage}`, { defaultValue: s.stage }),
        status: stepStatus[s.state],
        content: (
          <div className="gd-stage">
            <div data-testid="stage-owner">
              {ownerLabel(s)} {!s.ownerId && s.state !== 'done' && s.state !== 'skipped' && <ClaimButton orderId={orderId} stage={s.stage} queueRole={s.queueRole} />}
            </div>
            {s.completedAt ? <div>{t('orders.stages.completed', { when: formatDateTime(s.completedAt) })}</div> : s.dueAt && s.state !== 'skipped' ? <div>{t('orders.stages.due', { when: formatDateTime(s.dueAt) })}</div> : null}
            {s.state === 'skipped' && <div>{t('orders.stages.skipped')}</div>}
            {s.delayMinutes > 0 && <Typography.Text type="danger">{late(s.delayMinutes)}</Typography.Text>}
          </div>
        ),
      }))}
    />
  );
}

/** The order's stages (UX.md "stage flow"): where it stands, when each stage happened, and whether the promise is at risk. */
export function StageFlow({ order: o }: { order: Order }) {
  const { t } = useTranslation();
  if (o.stages?.length) {
    return (
      <div className="gd-steps-wrap">
        <TrackedStages orderId={o.id} stages={o.stages} />
      </div>
    );
  }
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
