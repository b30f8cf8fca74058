import './shipping.css';
import { Alert, Breadcrumb, Card, Descriptions, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { NotFoundPage } from '../../components/result-page.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime, formatQty } from '../../lib/format.ts';
import { useSession } from '../auth/session.ts';
import { AddressBlock } from './address-block.tsx';
import { useOrder } from '../orders/api.ts';
import { useShipment, type Shipment, type ShipmentLine } from './api.ts';
import { useCarrierName } from './carrier-name.ts';
import { DispatchCheckList, dispatchChecks, sameAddress } from './dispatch-checks.tsx';
import { ReceiptState } from './receipt-state.tsx';
import { ShipmentActions } from './shipment-actions.tsx';
import { ShipmentExceptions } from './shipment-exceptions.tsx';
import { ShipmentNotices } from './shipment-notices.tsx';
import { EtaCell } from './shipment-markers.tsx';
import { ShipmentStatusTag } from './shipment-tags.tsx';
import { TrackingTimeline } from './tracking-timeline.tsx';

/** /shipping/:id — header, lines, dispatch with its checks, tracking, exceptions and proof of delivery. */
export function ShipmentDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const carrierName = useCarrierName();
  const q = useShipment(id);
  const order = useOrder(q.data?.orderId);

  if (q.isPending) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (q.error instanceof ApiError && q.error.status === 404) return <NotFoundPage />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const s = q.data;
  const o = order.data;
  const changed = !!o?.shipToAddress && !!s.shipToAddress && !sameAddress(s.shipToAddress, o.shipToAddress);
  const lineCols = [
    { title: t('shipping.product'), key: 'product', render: (_: unknown, l: ShipmentLine) => <div className="gd-user-cell"><span>{l.name}</span><span className="gd-mono">{l.sku}</span></div> },
    { title: t('shipping.ordered'), key: 'ordered', align: 'right' as const, responsive: ['sm' as const], render: (_: unknown, l: ShipmentLine) => <span className="gd-num">{formatQty(o?.lines.find((x) => x.id === l.orderLineId)?.qty, l.unit)}</span> },
    { title: t('shipping.qty'), key: 'qty', align: 'right' as const, render: (_: unknown, l: ShipmentLine) => <span className="gd-num" data-testid="shipment-line-qty">{formatQty(l.qty, l.unit)}</span> },
  ];

  return (
    <div className="gd-stack">
      <Breadcrumb items={[{ title: <Link to="/shipping">{t('nav.shipping')}</Link> }, { title: s.number }]} />
      <Card size="small">
        <div className="gd-ship-head">
          <div className="gd-ship-head-title">
            <Typography.Title level={4} style={{ margin: 0 }} className="gd-mono" data-testid="shipment-number">
              {s.number}
            </Typography.Title>
            <span data-testid="shipment-status">
              <ShipmentStatusTag status={s.status} />
            </span>
          </div>
          <ShipmentActions shipment={s} order={o} />
        </div>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('shipping.order')}>
            <Link to={`/orders/${s.orderId}`} className="gd-mono" data-testid="shipment-order">
              {s.orderNumber}
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('shipping.customer')}>{s.customerName ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('shipping.carrier')}>{carrierName(s.carrier)}</Descriptions.Item>
          <Descriptions.Item label={t('shipping.trackingNumber')}>
            <span className="gd-mono" data-testid="shipment-tracking">
              {s.trackingNumber ?? t('common.none')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('shipping.eta')}>
            <EtaCell s={s} />
            {s.eta && s.etaSource && <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>{t('common.paren', { text: t(`shipping.etaSource.${s.etaSource}`) })}</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={t('shipping.dispatchedAt')}>{formatDateTime(s.dispatchedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('shipping.deliveredAt')}>{formatDateTime(s.deliveredAt)}</Descriptions.Item>
          <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(s.createdAt)}</Descriptions.Item>
          {s.note && <Descriptions.Item label={t('shipping.note')}>{s.note}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {s.status === 'cancelled' && <Alert type="warning" showIcon data-testid="cancelled" title={t('shipping.cancel.cancelledAt', { at: formatDateTime(s.cancelledAt) })} description={s.cancelReason ?? undefined} />}
      <ReceiptState shipment={s} />
      {s.status === 'draft' && (
        <Card size="small" title={t('shipping.checks.title')}>
          <DispatchCheckList checks={dispatchChecks(s, o, {}).filter((c) => c.code !== 'tracking')} />
        </Card>
      )}
      <div className="gd-ship-cols">
        <Card size="small" title={t('shipping.shipTo')}>
          <AddressBlock address={s.shipToAddress} />
          {changed && <Tag color="warning">{t('shipping.addressDiffers')}</Tag>}
        </Card>
        <Card size="small" title={t('shipping.lines', { count: s.lines.length })} extra={s.packages.length > 0 && <PackingTag shipment={s} />}>
          <Table<ShipmentLine> size="small" rowKey="id" columns={lineCols} dataSource={s.lines} pagination={false} />
        </Card>
      </div>
      {s.status !== 'draft' && (
        <Card size="small" title={t('shipping.notices.title')}>
          <ShipmentNotices shipment={s} />
        </Card>
      )}
      <Card size="small" title={t('shipping.events.title')}>
        <ShipmentExceptions shipment={s} enabled={can('orders:read')} />
        <TrackingTimeline shipment={s} />
      </Card>
    </div>
  );
}

/** How far packing is: packages, weight, and whether every line is packed exactly. */
function PackingTag({ shipment: s }: { shipment: Shipment }) {
  const { t } = useTranslation();
  const packed = (lineId: string) => s.packages.flatMap((p) => p.lines).filter((l) => l.orderLineId === lineId).reduce((n, l) => n + l.qty, 0);
  const complete = s.lines.every((l) => Math.abs(packed(l.orderLineId) - l.qty) < 1e-9);
  const weight = s.packages.reduce((n, p) => n + p.weightKg, 0);
  return (
    <span data-testid="packing-state">
      <Typography.Text type="secondary" style={{ marginInlineEnd: 6 }}>
        {t('shipping.packing.summary', { count: s.packages.length, weight: formatQty(Math.round(weight * 1000) / 1000, 'kg') })}
      </Typography.Text>
      <Tag color={complete ? 'success' : 'warning'} style={{ marginInlineEnd: 0 }}>
        {complete ? t('shipping.packing.complete') : t('shipping.packing.incomplete')}
      </Tag>
    </span>
  );
}
