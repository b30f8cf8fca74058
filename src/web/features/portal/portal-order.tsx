import { CameraOutlined, CheckCircleOutlined, ExclamationCircleOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Grid, Input, Steps, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { confirmReceiptBody, portalOrder } from '../../../contracts/shipping.ts';
import { api } from '../../lib/api.ts';
import { formatDate, formatDateTime, formatQty } from '../../lib/format.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useCarrierName } from '../shipping/carrier-name.ts';
import { TrackingTimeline } from '../shipping/tracking-timeline.tsx';

export type PortalOrder = z.infer<typeof portalOrder>;
type PortalShipment = PortalOrder['shipments'][number];
type Answer = z.input<typeof confirmReceiptBody>;

/** The portal answer when the link is an order's (`kind: 'order'`), else null. */
export const asPortalOrder = (d: unknown): PortalOrder | null => (d && typeof d === 'object' && (d as { kind?: string }).kind === 'order' ? (d as PortalOrder) : null);

/** Where the order stands for the customer: confirmed → being prepared → shipped → received. */
function progress(status: string): number {
  if (['delivered', 'completed'].includes(status)) return 4;
  if (status === 'shipped') return 3;
  if (status === 'partially_shipped') return 2;
  if (['confirmed', 'in_fulfilment', 'on_hold'].includes(status)) return 1;
  return 0;
}
const answerable = ['dispatched', 'in_transit', 'delivered', 'exception'];

/** Through an order link, or an order opened within a customer link (`orderId`). */
function useConfirmReceipt(token: string, orderId?: string) {
  const qc = useQueryClient();
  const base = `/api/portal/${encodeURIComponent(token)}${orderId ? `/orders/${encodeURIComponent(orderId)}` : ''}`;
  return useMutation({
    mutationFn: (body: Answer) => api.post<{ shipmentId: string; disputed: boolean; at: string }>(`${base}/confirm-receipt`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['portal', token] }),
  });
}

/** After answering, the customer may add one photo of the delivery (optional). */
function ReceiptPhoto({ token, shipmentId, added }: { token: string; shipmentId: string; added: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const send = useMutation({
    mutationFn: (file: File) => api.upload(`/api/portal/${encodeURIComponent(token)}/shipments/${encodeURIComponent(shipmentId)}/receipt-photo`, file, file.type || 'application/octet-stream', { name: file.name }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['portal', token] }),
  });
  if (added) return <div data-testid="portal-photo-added">{t('shipping.portal.photoAdded')}</div>;
  return (
    <div className="gd-portal-photo">
      <Button icon={<CameraOutlined />} loading={send.isPending} onClick={() => document.getElementById(`photo-${shipmentId}`)?.click()} data-testid="portal-add-photo">
        {t('shipping.portal.addPhoto')}
      </Button>
      <input id={`photo-${shipmentId}`} type="file" accept="image/*" hidden onChange={(e) => e.target.files?.[0] && send.mutate(e.target.files[0])} data-testid="portal-photo-input" />
      {send.isError && <div className="gd-portal-photo-error">{t('shipping.portal.photoFailed')}</div>}
    </div>
  );
}

/** Confirm receipt or report a problem with one shipment; a problem needs words. */
function ReceiptAnswer({ token, orderId, shipment: s }: { token: string; orderId?: string; shipment: PortalShipment }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'confirm' | 'dispute' | null>(null);
  const [form] = Form.useForm<{ contactName?: string; comment?: string }>();
  const confirm = useConfirmReceipt(token, orderId);
  if (s.receipt) {
    return (
      <Alert
        type={s.receipt.disputed ? 'warning' : 'success'}
        showIcon
        data-testid="portal-receipt"
        title={s.receipt.disputed ? t('shipping.portal.disputedAt', { at: formatDateTime(s.receipt.at) }) : t('shipping.portal.confirmedAt', { at: formatDateTime(s.receipt.at) })}
        description={
          <>
            {s.receipt.disputed && <div>{t('shipping.portal.disputedText')}</div>}
            <ReceiptPhoto token={token} shipmentId={s.id} added={!!s.receipt.photoFileId} />
          </>
        }
      />
    );
  }
  if (!answerable.includes(s.status)) return null;
  if (!mode) {
    return (
      <div className="gd-portal-actions">
        <Button type="primary" size="large" icon={<CheckCircleOutlined />} onClick={() => setMode('confirm')} data-testid="portal-confirm-receipt">
          {t('shipping.portal.confirm')}
        </Button>
        <Button size="large" icon={<ExclamationCircleOutlined />} onClick={() => setMode('dispute')} data-testid="portal-dispute">
          {t('shipping.portal.dispute')}
        </Button>
      </div>
    );
  }
  const disputed = mode === 'dispute';
  return (
    <Form form={form} layout="vertical" disabled={confirm.isPending} onFinish={(v) => confirm.mutate({ shipmentId: s.id, disputed, contactName: v.contactName?.trim() || null, comment: v.comment?.trim() || null })}>
      <p>{disputed ? t('shipping.portal.disputeHint') : t('shipping.portal.confirmHint')}</p>
      <Form.Item name="contactName" label={t('portal.contactName')} rules={[{ max: 64 }]}>
        <Input maxLength={64} placeholder={t('portal.contactNamePlaceholder')} autoComplete="name" />
      </Form.Item>
      <Form.Item name="comment" label={t('portal.comment')} rules={[{ required: disputed, whitespace: true, message: t('shipping.portal.commentRequired') }, { max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} placeholder={disputed ? t('shipping.portal.disputePlaceholder') : t('shipping.portal.commentPlaceholder')} data-testid="portal-receipt-comment" />
      </Form.Item>
      {confirm.error ? <ErrorAlert error={confirm.error} style={{ marginBottom: 12 }} /> : null}
      <div className="gd-portal-actions">
        <Button type="primary" danger={disputed} size="large" htmlType="submit" loading={confirm.isPending} data-testid="portal-receipt-submit">
          {disputed ? t('shipping.portal.sendDispute') : t('shipping.portal.confirmSubmit')}
        </Button>
        <Button size="large" onClick={() => setMode(null)}>
          {t('portal.back')}
        </Button>
      </div>
    </Form>
  );
}

/** /c/:token for an order: progress, what is shipped, each shipment's tracking, and proof of delivery. */
export function PortalOrderView({ token, order: o, orderId }: { token: string; order: PortalOrder; orderId?: string }) {
  const { t, i18n } = useTranslation();
  const carrierName = useCarrierName();
  const screens = Grid.useBreakpoint();
  const step = progress(o.status);
  const shippedAll = o.lines.every((l) => l.shippedQty >= l.qty);
  return (
    <>
      <section className="gd-portal-card">
        <div className="gd-portal-meta">
          <span className="gd-mono" data-testid="portal-number">
            {o.number}
          </span>
          <Tag color={step >= 4 ? 'success' : step >= 2 ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="portal-order-status">
            {t(`orders.status.${o.status as 'confirmed'}`, { defaultValue: o.status })}
          </Tag>
        </div>
        <h1>{t('shipping.portal.title')}</h1>
        <div className="gd-portal-meta">
          <span>{t('portal.to', { name: o.customerName })}</span>
          <span>{t('shipping.portal.promised', { date: formatDate(o.promisedDate) })}</span>
        </div>
        <Steps
          style={{ marginTop: 14 }}
          orientation={screens.sm ? 'horizontal' : 'vertical'}
          size="small"
          current={Math.min(step, 3)}
          status={step >= 4 ? 'finish' : 'process'}
          items={[
            { title: t('shipping.portal.step.confirmed') },
            { title: t('shipping.portal.step.preparing') },
            { title: step === 2 ? t('shipping.portal.step.partly') : t('shipping.portal.step.shipped') },
            { title: t('shipping.portal.step.received') },
          ]}
          data-testid="portal-steps"
        />
      </section>
      <section className="gd-portal-card" data-testid="portal-lines">
        <h2>{t('shipping.portal.lines', { count: o.lines.length })}</h2>
        {o.lines.map((l, n) => (
          <div key={n} className="gd-portal-item">
            <div className="gd-portal-item-head">
              <span className="gd-portal-item-desc">
                {n + 1}. {l.name}
              </span>
              <span className="gd-portal-qty">{formatQty(l.qty, l.unit)}</span>
            </div>
            <div className="gd-portal-note">
              {l.sku} · {l.shippedQty >= l.qty ? t('shipping.portal.lineShipped') : t('shipping.portal.lineShippedOf', { shipped: formatQty(l.shippedQty, l.unit), total: formatQty(l.qty, l.unit) })}
            </div>
          </div>
        ))}
        {!shippedAll && o.shipments.length > 0 && <div className="gd-portal-note">{t('shipping.portal.rest')}</div>}
      </section>
      {o.shipments.length === 0 && (
        <section className="gd-portal-card">
          <h2>{t('shipping.portal.noShipments')}</h2>
          <div className="gd-portal-note">{t('shipping.portal.noShipmentsText')}</div>
        </section>
      )}
      {o.shipments.map((s, i) => (
        <section key={s.id} className="gd-portal-card" data-testid="portal-shipment">
          <h2>
            {t('shipping.portal.shipment', { n: i + 1 })} <span className="gd-mono gd-portal-note">{s.number}</span>
          </h2>
          <dl className="gd-portal-fields">
            <dt>{t('shipping.carrier')}</dt>
            <dd>{carrierName(s.carrier)}</dd>
            <dt>{t('shipping.trackingNumber')}</dt>
            <dd className="gd-mono" data-testid="portal-tracking">
              {s.trackingNumber ?? t('common.none')}
            </dd>
            <dt>{t('shipping.eta')}</dt>
            <dd>{s.eta ? formatDate(s.eta) : t('shipping.portal.etaPending')}</dd>
            <dt>{t('shipping.portal.contents')}</dt>
            <dd>{s.lines.map((l) => `${l.name} × ${formatQty(l.qty, l.unit)}`).join(t('common.listSep'))}</dd>
          </dl>
          <div style={{ margin: '16px 0 14px' }}>
            <TrackingTimeline shipment={s} />
          </div>
          <div style={{ marginBottom: 12 }}>
            <Button block icon={<FilePdfOutlined />} href={`/api/portal/${encodeURIComponent(token)}/shipments/${encodeURIComponent(s.id)}/delivery-note.pdf?locale=${i18n.language === 'en-US' ? 'en-US' : 'zh-CN'}`} data-testid="portal-delivery-note">
              {t('shipping.portal.deliveryNote')}
            </Button>
          </div>
          <ReceiptAnswer token={token} orderId={orderId} shipment={s} />
        </section>
      ))}
    </>
  );
}
