import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TimelineEntry } from '../orders/api.ts';
import { formatDateTime } from '../../lib/format.ts';

const TYPES = ['production.work_order_created', 'production.work_order_released', 'production.work_order_done', 'production.equipment_down', 'production.equipment_up', 'production.material_short'] as const;
type ProductionEvent = (typeof TYPES)[number];

/** Production's events on an order's timeline are worded here (the order page hands them over). */
export const isProductionEvent = (type: string): type is ProductionEvent => (TYPES as readonly string[]).includes(type);

export const productionTimelineTones: Record<ProductionEvent, string> = {
  'production.work_order_created': 'blue',
  'production.work_order_released': 'blue',
  'production.work_order_done': 'green',
  'production.equipment_down': 'red',
  'production.equipment_up': 'green',
  'production.material_short': 'orange',
};

export function ProductionTimelineBody({ entry: e }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const d = e.data as Record<string, any>;
  const wo = d.workOrderId ? <Link to={`/production/work-orders/${String(d.workOrderId)}`}>{String(d.number ?? '')}</Link> : null;
  switch (e.type as ProductionEvent) {
    case 'production.work_order_created':
      return <div>{t('production.timeline.created', { qty: d.qty })} {wo}</div>;
    case 'production.work_order_released':
      return <div>{t('production.timeline.released')} {wo}</div>;
    case 'production.work_order_done':
      return <div>{t('production.timeline.done', { qty: d.receivedQty, short: d.stillShort ?? 0 })} {wo}</div>;
    case 'production.equipment_down':
    case 'production.equipment_up':
      return (
        <div>
          <div>{t(e.type === 'production.equipment_down' ? 'production.timeline.down' : 'production.timeline.up', { code: d.workCenterCode })}</div>
          {d.reason && <div className="gd-history-note">{String(d.reason)}</div>}
          <div className="gd-history-note">
            {t('production.timeline.plan', { before: d.plannedCompletionBefore ? formatDateTime(d.plannedCompletionBefore) : t('production.notPlanned'), after: d.plannedCompletion ? formatDateTime(d.plannedCompletion) : t('production.notPlanned'), promised: d.promisedDate })}{' '}
            {d.atRisk && <Typography.Text type="danger">{t('production.atRisk')}</Typography.Text>}
          </div>
        </div>
      );
    case 'production.material_short':
      return <div>{t('production.timeline.materialShort', { list: (Array.isArray(d.shortages) ? d.shortages : []).map((s: any) => `${s.sku} ${s.short}`).join(t('common.listSep')) })}</div>;
  }
}
