import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { allResolutions, exceptionTypes } from '../../../contracts/exceptions.ts';
import { formatDate, formatDateTime, formatQty } from '../../lib/format.ts';
import type { Order } from '../orders/api.ts';
import { useCarrierName } from './carrier-name.ts';

type Entry = { type: string; data: Record<string, unknown> };
const str = (v: unknown) => (typeof v === 'string' && v ? v : '');
const KNOWN = new Set(['stock.shipped', 'order.partially_shipped', 'order.shipped', 'order.delivered', 'order.customer_link_created', 'shipment.created', 'shipment.dispatched', 'shipment.in_transit', 'shipment.delivered', 'shipment.exception', 'shipment.cancelled', 'shipment.receipt_confirmed', 'shipment.receipt_disputed', 'shipment.tracking_subscribed', 'shipment.tracking_not_subscribed', 'customer.notified', 'customer.notice_skipped', 'customer.notice_delivered', 'customer.notice_failed', 'exception.opened', 'exception.updated', 'exception.resolved']);

/** Does the shipping feature word this order-timeline event? */
export const isShippingEvent = (type: string) => KNOWN.has(type);

/** A shipping event on the order timeline in words: which shipment, carrier and number, where, what the customer said. */
export function ShippingTimelineBody({ entry: e, order }: { entry: Entry; order: Pick<Order, 'lines'> }) {
  return <div data-testid={`timeline-${e.type}`}><Words entry={e} order={order} /></div>;
}

function Words({ entry: e, order }: { entry: Entry; order: Pick<Order, 'lines'> }) {
  const { t } = useTranslation();
  const carrierName = useCarrierName();
  const d = e.data ?? {};
  const shipment = str(d.shipmentId) ? (
    <Link to={`/shipping/${str(d.shipmentId)}`} className="gd-mono">
      {str(d.number) || t('shipping.exceptions.shipment')}
    </Link>
  ) : null;
  const exType = (v: unknown) => ((exceptionTypes as readonly string[]).includes(str(v)) ? t(`shipping.exceptions.type.${str(v) as 'late_eta'}`) : str(v));
  const resolution = (v: unknown) => ((allResolutions as readonly string[]).includes(str(v)) ? t(`shipping.exceptions.resolution.${str(v) as 'other'}`) : '');
  const note = (text: string) => (text ? <div className="gd-history-note">{text}</div> : null);
  switch (e.type) {
    case 'stock.shipped':
      return (
        <div>
          {t('shipping.timeline.stockShipped')}
          <ul>
            {(Array.isArray(d.lines) ? (d.lines as { orderLineId?: string; qty?: number }[]) : []).map((r, i) => {
              const l = order.lines.find((x) => x.id === r.orderLineId);
              return <li key={i}>{l ? `${l.sku} ${l.name}` : t('common.none')}{t('common.colon')}{formatQty(Number(r.qty ?? 0), l?.unit)}</li>;
            })}
          </ul>
        </div>
      );
    case 'order.partially_shipped':
    case 'order.shipped':
    case 'order.delivered':
      return <div>{t(`shipping.timeline.${e.type.slice(6) as 'shipped'}`)}</div>;
    case 'order.customer_link_created':
      return <div>{t('shipping.timeline.linkCreated', { at: formatDateTime(str(d.expiresAt)) })}</div>;
    case 'shipment.created':
      return <div>{t('shipping.timeline.created', { count: Array.isArray(d.lines) ? d.lines.length : 0 })} {shipment}</div>;
    case 'shipment.dispatched':
      return (
        <div>
          {t('shipping.timeline.dispatched', { carrier: carrierName(str(d.carrier)), number: str(d.trackingNumber), eta: str(d.eta) ? formatDate(str(d.eta)) : t('common.none') })} {shipment}
          {note(str(d.addressChangeReason) && t('shipping.timeline.addressReason', { text: str(d.addressChangeReason) }))}
        </div>
      );
    case 'shipment.in_transit':
    case 'shipment.delivered':
    case 'shipment.exception':
      return (
        <div>
          {t(`shipping.status.${e.type.slice(9) as 'in_transit'}`)} {str(d.location)} {shipment}
          {note(str(d.description))}
        </div>
      );
    case 'shipment.cancelled':
      return <div>{t('shipping.timeline.cancelled')} {shipment}{note(str(d.reason))}</div>;
    case 'shipment.receipt_confirmed':
    case 'shipment.receipt_disputed':
      return (
        <div>
          {t(e.type === 'shipment.receipt_confirmed' ? 'shipping.timeline.receiptConfirmed' : 'shipping.timeline.receiptDisputed', { who: str(d.contactName) || t('shipping.timeline.customer') })} {shipment}
          {note(str(d.comment))}
        </div>
      );
    case 'shipment.tracking_subscribed':
      return <div>{t('shipping.timeline.subscribed')}</div>;
    case 'shipment.tracking_not_subscribed':
      return <div>{t('shipping.timeline.notSubscribed')}</div>;
    case 'customer.notified':
      return <div>{t(str(d.key) === 'shipment.delayed' ? 'shipping.timeline.notifiedDelay' : 'shipping.timeline.notified', { to: str(d.to), number: str(d.trackingNumber) })}</div>;
    case 'customer.notice_delivered':
      return <div>{t('shipping.timeline.noticeDelivered')}</div>;
    case 'customer.notice_failed':
      return <div>{t('shipping.timeline.noticeFailed')}{note(str(d.error))}</div>;
    case 'customer.notice_skipped':
      return <div>{t('shipping.timeline.noticeSkipped')}</div>;
    case 'exception.opened':
      return <div>{t('shipping.timeline.exceptionOpened', { type: exType(d.type) })}</div>;
    case 'exception.resolved':
      return <div>{t('shipping.timeline.exceptionResolved', { type: exType(d.type), resolution: resolution(d.resolution) })}{note(str(d.note))}</div>;
    default:
      return <div>{t('shipping.timeline.exceptionUpdated', { type: exType(d.type) })}{note(str(d.note))}</div>;
  }
}
