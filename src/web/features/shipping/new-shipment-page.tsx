import './shipping.css';
import { Alert, Breadcrumb, Button, Card, Checkbox, Empty, Form, Input, Select, Space, Spin, Typography } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Carrier } from '../../../contracts/shipping.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { api } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useDebounced } from '../../lib/use-debounced.ts';
import { orderKeys, type Order } from '../orders/api.ts';
import { shipmentKeys, useCreateShipment, useDispatchShipment, useShippableOrders, type Shipment } from './api.ts';
import { AddressBlock } from './address-block.tsx';
import { sameAddress } from './dispatch-checks.tsx';
import { DispatchFields, type DispatchValues } from './dispatch-fields.tsx';
import { lineStates, OrderLinesCard } from './order-lines-card.tsx';
import { addressField, serverFieldErrors } from './server-fields.ts';
import { fromValues, ShipToFields, toValues, type AddressValues } from './ship-to-fields.tsx';

interface Values extends DispatchValues {
  qty?: Record<string, Record<string, number | null>>;
  editAddress?: boolean;
  address?: AddressValues;
  reason?: string;
  dispatchNow?: boolean;
  note?: string;
}

/**
 * /shipping/new — one shipment per picked order (all of one customer): quantities per line
 * (proposed: what is still to ship and reserved), the ship-to address from the order or
 * edited with a reason, and optionally carrier and tracking number to dispatch right away.
 */
export function NewShipmentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [orderIds, setOrderIds] = useState<string[]>(() => (params.get('orderId') ? [params.get('orderId')!] : []));
  const [search, setSearch] = useState('');
  const [created, setCreated] = useState<Record<string, Shipment>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const create = useCreateShipment();
  const dispatch = useDispatchShipment();

  const details = useQueries({
    queries: orderIds.flatMap((id) => [
      { queryKey: orderKeys.detail(id), queryFn: () => api.get<Order>(`/api/v1/orders/${encodeURIComponent(id)}`) },
      { queryKey: shipmentKeys.list({ orderId: id }), queryFn: () => api.get<{ items: Shipment[] }>('/api/v1/shipments', { orderId: id, limit: 200 }) },
    ]),
  });
  const loading = details.some((q) => q.isPending);
  const loadError = details.find((q) => q.error)?.error;
  const orders = orderIds.flatMap((id, i) => {
    const o = details[i * 2]?.data as Order | undefined;
    const s = details[i * 2 + 1]?.data as { items: Shipment[] } | undefined;
    return o && s ? [{ order: o, states: lineStates(o, s.items) }] : [];
  });
  const customerId = orders[0]?.order.customerId ?? '';
  const picker = useShippableOrders(useDebounced(search.trim(), 300), customerId);
  const confirmed = orders[0]?.order.shipToAddress ?? null;

  // Propose quantities and the address once per order as it arrives; never overwrite what the user typed.
  useEffect(() => {
    for (const { order, states } of orders) {
      if (form.getFieldValue(['qty', order.id]) !== undefined) continue;
      form.setFieldValue(['qty', order.id], Object.fromEntries(states.map((s) => [s.line.id, s.suggested])));
    }
    if (orders.length && form.getFieldValue('address') === undefined) form.setFieldValue('address', toValues(confirmed));
  }, [orders, form, confirmed]);

  const editAddress = Form.useWatch('editAddress', form);
  const address = Form.useWatch('address', form);
  const dispatchNow = Form.useWatch('dispatchNow', form);
  const carrier = Form.useWatch('carrier', form) as Carrier | undefined;
  const shipTo = editAddress ? fromValues(address, confirmed?.label ?? null) : null;
  const changed = !!shipTo && orders.some(({ order }) => !sameAddress(shipTo, order.shipToAddress));
  const locked = Object.keys(created).length > 0;

  const showErrors = (err: unknown, orderId?: string, lineIds: string[] = []) => {
    const fields = serverFieldErrors(err).flatMap((e): { name: string | (string | number)[]; errors: string[] }[] => {
      const line = /^lines\.(\d+)\.qty$/.exec(e.path);
      if (line && orderId) return [{ name: ['qty', orderId, lineIds[Number(line[1])]], errors: [e.text] }];
      const a = addressField(e.path);
      if (a) return [{ name: ['address', a], errors: [e.text] }];
      if (e.path === 'trackingNumber' || e.path === 'carrier' || e.path === 'eta') return [{ name: e.path, errors: [e.text] }];
      return [];
    });
    const code = (err as { code?: string }).code;
    if (code === 'ADDRESS_CHANGED') fields.push({ name: 'reason', errors: [(err as Error).message] });
    if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
    if ((code === 'ADDRESS_INVALID' || code === 'ADDRESS_CHANGED') && !form.getFieldValue('editAddress')) form.setFieldValue('editAddress', true);
    setError(err);
  };

  const submit = async (v: Values) => {
    setError(null);
    setBusy(true);
    const done = { ...created };
    try {
      for (const { order, states } of orders) {
        if (done[order.id]) continue;
        const lines = states.map((s) => ({ orderLineId: s.line.id, qty: Number(v.qty?.[order.id]?.[s.line.id] ?? 0) })).filter((l) => l.qty > 0);
        if (!lines.length) continue;
        try {
          done[order.id] = await create.mutateAsync({ orderId: order.id, lines, shipToAddress: shipTo && !sameAddress(shipTo, order.shipToAddress) ? shipTo : null, note: v.note?.trim() || null });
        } catch (err) {
          showErrors(err, order.id, lines.map((l) => l.orderLineId));
          return;
        } finally {
          setCreated({ ...done });
        }
      }
      const made = Object.values(done);
      if (!made.length) {
        setError(new Error(t('shipping.new.nothingToShip')));
        return;
      }
      if (v.dispatchNow) {
        for (const s of made.filter((x) => x.status === 'draft')) {
          try {
            done[s.orderId] = await dispatch.mutateAsync({ id: s.id, body: { carrier: v.carrier!, trackingNumber: v.trackingNumber!.trim(), eta: v.eta || null, addressChangeReason: v.reason?.trim() || null } });
          } catch (err) {
            showErrors(err);
            return;
          } finally {
            setCreated({ ...done });
          }
        }
      }
      void navigate(made.length === 1 ? `/shipping/${made[0].id}` : `/shipping?customerId=${encodeURIComponent(customerId)}`);
    } finally {
      setBusy(false);
    }
  };

  const pickOptions = (picker.data ?? []).map((o) => ({ value: o.id, label: `${o.number ?? ''} · ${o.customerName ?? ''} · ${formatDate(o.promisedDate)}` }));

  return (
    <div className="gd-stack">
      <Breadcrumb items={[{ title: <Link to="/shipping">{t('nav.shipping')}</Link> }, { title: t('shipping.create') }]} />
      <PageHeader title={t('shipping.create')} subtitle={t('shipping.new.subtitle')} />
      <Card size="small">
        <Typography.Text strong>{t('shipping.new.orders')}</Typography.Text>
        <Select
          mode="multiple"
          value={orderIds}
          onChange={(ids: string[]) => !locked && setOrderIds(ids)}
          disabled={locked}
          showSearch={{ filterOption: false, onSearch: setSearch }}
          options={[...pickOptions, ...orders.filter(({ order }) => !pickOptions.some((p) => p.value === order.id)).map(({ order }) => ({ value: order.id, label: order.number ?? order.id }))]}
          loading={picker.isFetching}
          placeholder={t('shipping.new.pickOrders')}
          notFoundContent={picker.isFetching ? undefined : t('shipping.new.noOrders')}
          style={{ width: '100%', marginTop: 6 }}
          data-testid="order-pick"
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {customerId ? t('shipping.new.sameCustomer', { name: orders[0]?.order.customerName ?? '' }) : t('shipping.new.pickHint')}
        </Typography.Text>
      </Card>
      {loadError && <ErrorAlert error={loadError} />}
      {loading && <Spin />}
      {!orderIds.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('shipping.new.empty')} />}
      {orders.length > 0 && (
        <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={busy} scrollToFirstError initialValues={{ dispatchNow: true }}>
          <div className="gd-stack">
            {locked && (
              <Alert
                type="info"
                showIcon
                title={t('shipping.new.draftsMade')}
                description={
                  <Space wrap>
                    {Object.values(created).map((s) => (
                      <Link key={s.id} to={`/shipping/${s.id}`} className="gd-mono">
                        {s.number}
                      </Link>
                    ))}
                  </Space>
                }
              />
            )}
            {orders.map(({ order, states }) => (
              <OrderLinesCard key={order.id} order={order} states={states} locked={locked} />
            ))}
            <Card size="small" title={t('shipping.shipTo')}>
              <AddressBlock address={confirmed} />
              <Form.Item name="editAddress" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox disabled={locked} data-testid="edit-address">
                  {t('shipping.new.editAddress')}
                </Checkbox>
              </Form.Item>
              {editAddress && !locked && <ShipToFields />}
              {changed && <Alert type="warning" showIcon title={t('shipping.new.addressChanged')} style={{ marginBottom: 12 }} />}
              {(changed || form.getFieldError('reason').length > 0) && (
                <Form.Item name="reason" label={t('shipping.changeReason')} rules={[{ required: changed && !!dispatchNow, whitespace: true, message: t('shipping.changeReasonRequired') }, { max: 500 }]}>
                  <Input.TextArea rows={2} maxLength={500} placeholder={t('shipping.changeReasonPlaceholder')} data-testid="change-reason" />
                </Form.Item>
              )}
            </Card>
            <Card size="small" title={t('shipping.new.dispatchTitle')}>
              <Form.Item name="dispatchNow" valuePropName="checked" extra={t('shipping.new.dispatchHelp')}>
                <Checkbox data-testid="dispatch-now">{t('shipping.new.dispatchNow')}</Checkbox>
              </Form.Item>
              {dispatchNow && <DispatchFields carrier={carrier} />}
              <Form.Item name="note" label={t('shipping.note')} rules={[{ max: 1000 }]}>
                <Input.TextArea rows={2} maxLength={1000} disabled={locked} />
              </Form.Item>
            </Card>
            {error ? <ErrorAlert error={error} /> : null}
            <div className="gd-ship-actions">
              <Link to="/shipping">
                <Button>{t('common.cancel')}</Button>
              </Link>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="save-shipment">
                {dispatchNow ? (locked ? t('shipping.dispatch') : t('shipping.new.createDispatch')) : t('shipping.new.createDraft')}
              </Button>
            </div>
          </div>
        </Form>
      )}
    </div>
  );
}
