import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney, formatQty } from '../../../lib/format.ts';
import { useRoleLabel } from '../../admin/roles/use-role-label.ts';
import type { Order, TimelineEntry } from '../api.ts';
import { OrderStatusTag } from '../order-tags.tsx';
import { isProductionEvent, ProductionTimelineBody, productionTimelineTones } from '../../production/production-timeline.tsx';
import { isShippingEvent, ShippingTimelineBody } from '../../shipping/shipping-timeline.tsx';
import { isStageEvent, StageTimelineBody, stageTimelineTones } from '../../workbench/stage-timeline.tsx';

export const timelineTones: Record<string, string> = {
  'order.created': 'blue',
  'order.submitted': 'blue',
  'order.pending_approval': 'orange',
  'approval.approved': 'green',
  'approval.rejected': 'red',
  'approval.returned': 'orange',
  'order.confirmed': 'green',
  'order.rejected': 'red',
  'order.returned': 'orange',
  'order.cancelled': 'red',
  'order.held': 'orange',
  'order.released': 'green',
  'order.revision_requested': 'orange',
  'order.revised': 'green',
  'order.revision_rejected': 'red',
  'order.copied_from': 'blue',
  'order.revision_customer_link': 'blue',
  'order.revision_customer_confirmed': 'green',
  'order.revision_customer_declined': 'red',
  'stock.reserved': 'cyan',
  'stock.released': 'gray',
  ...productionTimelineTones,
  ...stageTimelineTones,
};

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));
const list = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);

/** One timeline event in words: what happened, with its amounts, lines, rules, reasons and comments. */
export function TimelineBody({ entry: e, order }: { entry: TimelineEntry; order: Order }) {
  const { t } = useTranslation();
  const role = useRoleLabel();
  const d = e.data;
  const byLine = new Map(order.lines.map((l) => [l.id, l]));
  const byProduct = new Map(order.lines.map((l) => [l.productId, l]));
  const lineName = (r: Record<string, unknown>) => {
    const l = byLine.get(String(r.orderLineId)) ?? byProduct.get(String(r.productId));
    return l ? `${l.sku} ${l.name}` : t('orders.timeline.someLine');
  };
  const unitOf = (r: Record<string, unknown>) => (byLine.get(String(r.orderLineId)) ?? byProduct.get(String(r.productId)))?.unit;
  const note = (key: 'reason' | 'comment', text: string | null): ReactNode => (text ? <div className="gd-history-note">{t(`orders.timeline.${key}`, { text })}</div> : null);
  const checkName = (code: unknown) => t(`orders.checks.name.${String(code) as 'PRICE_BELOW_FLOOR'}`, { defaultValue: String(code) });

  // Shipments, tracking, proof of delivery and exceptions: worded by the shipping feature.
  if (isShippingEvent(e.type)) return <ShippingTimelineBody entry={e} order={order} />;
  // Work orders, equipment and materials: worded by the production feature.
  if (isProductionEvent(e.type)) return <ProductionTimelineBody entry={e} />;
  // Reminders, escalations, nudges, hand-overs, delay reasons and checklists: worded by the workbench feature.
  if (isStageEvent(e.type)) return <StageTimelineBody entry={e} />;
  switch (e.type) {
    case 'order.created':
      return (
        <div>
          {t('orders.timeline.created', { count: num(d.lines), amount: formatMoney(num(d.amount)) })}{' '}
          {str(d.requirementId) && <Link to={`/requirements/${String(d.requirementId)}`}>{t('orders.timeline.fromRequirement')}</Link>}
        </div>
      );
    case 'order.updated': {
      const fields = (Array.isArray(d.fields) ? (d.fields as string[]) : []).map((f) => t(`orders.impact.field.${f as 'lines'}`, { defaultValue: f }));
      return <div>{t('orders.timeline.updated', { fields: fields.join(t('common.listSep')) || t('common.none') })}{d.amount !== undefined && ` · ${formatMoney(num(d.amount))}`}</div>;
    }
    case 'order.submitted':
      return (
        <div>
          <div>{t('orders.timeline.submitted', { number: d.number ?? '', amount: formatMoney(num(d.amount)) })}</div>
          {Array.isArray(d.warnings) && d.warnings.length > 0 && (
            <div className="gd-history-note">
              {t('orders.timeline.warnings')} {(d.warnings as string[]).map((w) => <Tag key={w} color="orange">{checkName(w)}</Tag>)}
            </div>
          )}
          {list(d.acknowledged).map((a, i) => (
            <div key={i} className="gd-history-note">
              {t('orders.timeline.acknowledged', { check: checkName(a.code), reason: String(a.reason ?? '') })}
            </div>
          ))}
        </div>
      );
    case 'order.pending_approval':
      return <div>{t('orders.timeline.pendingApproval', { rules: (Array.isArray(d.rules) ? (d.rules as string[]).map(checkName) : []).join(t('common.listSep')) || t('common.none') })}</div>;
    case 'approval.approved':
    case 'approval.rejected':
    case 'approval.returned': {
      const key = e.type === 'approval.approved' ? 'approved' : e.type === 'approval.rejected' ? 'rejected' : 'returned';
      return (
        <div data-testid={`timeline-${e.type}`}>
          <div>
            {t(`orders.timeline.approval.${key}`, { level: num(d.level) })}
            {str(d.rule) && <Tag style={{ marginInlineStart: 6 }}>{checkName(d.rule)}</Tag>}
            {str(d.role) && <Typography.Text type="secondary">{role.label(String(d.role))}</Typography.Text>}
          </div>
          {note('comment', str(d.comment))}
        </div>
      );
    }
    case 'order.confirmed':
      return (
        <div data-testid="timeline-order.confirmed">
          <div>{list(d.shortages).length ? t('orders.timeline.confirmedShort', { count: list(d.shortages).length }) : t('orders.timeline.confirmed')}</div>
          {list(d.shortages).map((s, i) => {
            const l = order.lines.find((x) => x.lineNo === num(s.lineNo));
            return (
              <div key={i} className="gd-history-note">
                {t('orders.timeline.shortage', { line: num(s.lineNo), name: l ? l.sku : '', qty: formatQty(num(s.shortQty), l?.unit) })}
              </div>
            );
          })}
        </div>
      );
    case 'order.rejected':
    case 'order.returned':
      return (
        <div>
          <div>{t(e.type === 'order.rejected' ? 'orders.timeline.rejected' : 'orders.timeline.returned')}</div>
          {note('comment', str(d.comment))}
        </div>
      );
    case 'order.cancelled':
    case 'order.held':
    case 'order.released': {
      const status = str(e.type === 'order.released' ? d.to : d.from);
      const key = e.type === 'order.cancelled' ? 'cancelled' : e.type === 'order.held' ? 'held' : 'releasedTo';
      return (
        <div>
          <div>
            {t(`orders.timeline.${key}`)} {status && <OrderStatusTag status={status as Order['status']} />}
          </div>
          {note('reason', str(d.reason))}
        </div>
      );
    }
    case 'order.revision_requested':
    case 'order.revised':
    case 'order.revision_rejected': {
      const impact = (d.impact ?? null) as { amountBefore?: number; amountAfter?: number } | null;
      const key = e.type === 'order.revised' ? 'revised' : e.type === 'order.revision_requested' ? 'revisionRequested' : 'revisionRejected';
      return (
        <div>
          <div>
            {t(`orders.timeline.${key}`, { n: num(d.revisionNo) })}
            {impact?.amountBefore !== undefined && ` · ${formatMoney(impact.amountBefore)} → ${formatMoney(impact.amountAfter ?? 0)}`}
          </div>
          {note('reason', str(d.reason))}
          {note('comment', str(d.comment))}
        </div>
      );
    }
    case 'stock.reserved':
      return (
        <div className="gd-tl-data">
          {t('orders.timeline.reserved')}
          <ul>
            {list(d.lines).map((r, i) => (
              <li key={i}>
                {lineName(r)}{t('common.colon')}{t('orders.timeline.reservedLine', { reserved: formatQty(num(r.reserved), unitOf(r)) })}
                {num(r.short) > 0 && <Typography.Text type="danger"> · {t('orders.timeline.shortLine', { short: formatQty(num(r.short), unitOf(r)) })}</Typography.Text>}
              </li>
            ))}
          </ul>
        </div>
      );
    case 'stock.released':
      return (
        <div className="gd-tl-data">
          {t('orders.timeline.released')}
          <ul>
            {list(d.lines).map((r, i) => (
              <li key={i}>
                {lineName(r)}{t('common.colon')}{formatQty(num(r.released), unitOf(r))}
              </li>
            ))}
          </ul>
          {note('reason', str(d.reason))}
        </div>
      );
    case 'order.copied_from':
      return (
        <div>
          {t('orderCopy.timeline.copiedFrom', { number: str(d.fromNumber) ?? t('orders.draftNumber') })} <Link to={`/orders/${String(d.fromId)}`}>{t('orderCopy.timeline.open')}</Link>
        </div>
      );
    case 'order.copied':
      return (
        <div>
          {t('orderCopy.timeline.copied')} <Link to={`/orders/${String(d.toId)}`}>{t('orderCopy.timeline.open')}</Link>
        </div>
      );
    case 'order.revision_customer_link':
    case 'order.revision_customer_confirmed':
    case 'order.revision_customer_declined': {
      const key = e.type === 'order.revision_customer_link' ? 'link' : e.type === 'order.revision_customer_confirmed' ? 'confirmed' : 'declined';
      return (
        <div data-testid={`timeline-${e.type}`}>
          <div>
            {t(`revisionConfirm.timeline.${key}`, { n: num(d.revisionNo) })}
            {str(d.contactName) && <Typography.Text type="secondary"> · {t('revisionConfirm.contact', { name: String(d.contactName) })}</Typography.Text>}
          </div>
          {note('comment', str(d.comment))}
        </div>
      );
    }
    default:
      return <div>{t('orders.timeline.other', { type: e.type })}</div>;
  }
}
