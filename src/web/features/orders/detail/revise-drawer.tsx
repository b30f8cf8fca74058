import { Alert, App, Button, DatePicker, Drawer, Form, Grid, Input, Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { priorities, revisionBody } from '../../../../contracts/orders.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { ApiError } from '../../../lib/api.ts';
import { dateFieldProps, dayjs } from '../../../lib/date-field.ts';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { useProducts } from '../../catalog/api.ts';
import { useCustomer } from '../../customers/api.ts';
import { formatAddress } from '../address-text.ts';
import { useQuote, useReviseOrder, type Order, type RevisionImpact, type RevisionInput } from '../api.ts';
import { CURRENT_ADDRESS, fromOrder, isStarted, toLines, type LineValues, type OrderFormValues } from '../entry/form-values.ts';
import { LineGrid } from '../entry/line-grid.tsx';
import { ImpactView } from './impact-view.tsx';

type Values = Pick<OrderFormValues, 'lines' | 'promisedDate' | 'priority' | 'customerPo' | 'shipToAddressId' | 'note'> & { reason: string };
const HEADER = ['promisedDate', 'priority', 'customerPo', 'note'] as const;

/** Only what changed, so the impact and the revision name exactly the edit. */
function toBody(o: Order, v: Values): RevisionInput {
  const was = fromOrder(o);
  const body: RevisionInput = { reason: v.reason.trim(), version: o.version };
  const lines = toLines(v).lines;
  if (JSON.stringify(lines) !== JSON.stringify(toLines(was).lines)) body.lines = lines;
  for (const k of HEADER) {
    const now = typeof v[k] === 'string' ? (v[k] as string).trim() || null : v[k];
    const before = typeof was[k] === 'string' ? (was[k] as string).trim() || null : was[k];
    if (now !== before) Object.assign(body, { [k]: now });
  }
  if (v.shipToAddressId && v.shipToAddressId !== CURRENT_ADDRESS) body.shipToAddressId = v.shipToAddressId;
  return body;
}

/**
 * 修订: change a confirmed order. The impact (amount, stock to reserve or release, date,
 * approval needed) is previewed from the server first; applying sends the same change.
 */
export function ReviseDrawer({ order, onClose }: { order: Order; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const revise = useReviseOrder(order.id);
  const [impact, setImpact] = useState<RevisionImpact | null>(null);
  const [error, setError] = useState<unknown>(null);
  const impactRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (impact) impactRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [impact]);
  const customer = useCustomer(order.customerId);
  const lines = (Form.useWatch('lines', form) as LineValues[] | undefined) ?? [];
  const ids = lines.filter(isStarted).map((l) => l.productId!);
  const products = useProducts(ids);
  const quotes = useQuote(order.customerId, ids);

  const run = async (preview: boolean) => {
    setError(null);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const body = toBody(order, v);
    if (!body.lines && Object.keys(body).length <= 2 && !body.shipToAddressId) {
      setError(new Error(t('orders.revise.nothingChanged')));
      return;
    }
    try {
      const r = await revise.mutateAsync({ ...body, preview });
      if (preview) return setImpact(r.impact);
      void message.success(r.impact.needsApproval ? t('orders.revise.sentForApproval', { n: r.revision?.revisionNo ?? '' }) : t('orders.revise.applied', { n: r.revision?.revisionNo ?? '' }));
      onClose();
    } catch (err) {
      const map = toLines(v).formIndex;
      const alias = (p: string) => p.replace(/^lines\.(\d+)/, (_m, i: string) => `lines.${map[Number(i)] ?? i}`);
      if (!applyServerErrors(form, err, ['reason', 'lines', ...HEADER, 'shipToAddressId'], {}, { nested: true, alias }) || (err instanceof ApiError && err.code !== 'VALIDATION_FAILED')) setError(err);
    }
  };

  const addressOptions = [
    ...(order.shipToAddress ? [{ value: CURRENT_ADDRESS, label: t('orders.form.currentAddress', { address: formatAddress(order.shipToAddress) }) }] : []),
    ...(customer.data?.addresses ?? []).map((a) => ({ value: a.id, label: `${a.label ? `【${a.label}】` : ''}${formatAddress(a)}` })),
  ];

  return (
    <Drawer
      open
      title={t('orders.revise.title', { number: order.number })}
      size={screens.lg ? 1000 : '100%'}
      onClose={onClose}
      mask={{ closable: false }}
      footer={
        <div className="gd-stack">
          {error ? <ErrorAlert error={error} /> : null}
          <div className="gd-form-buttons">
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button onClick={() => void run(true)} loading={revise.isPending && !impact} data-testid="preview-revision">
              {t('orders.revise.preview')}
            </Button>
            <Button type="primary" disabled={!impact} onClick={() => void run(false)} loading={revise.isPending && !!impact} data-testid="apply-revision">
              {impact?.needsApproval ? t('orders.revise.submitForApproval') : t('orders.revise.apply')}
            </Button>
          </div>
        </div>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ ...fromOrder(order), reason: '' }}
        onValuesChange={() => setImpact(null)}
        disabled={revise.isPending}
        className="gd-stack gd-order-form"
        data-testid="revise-form"
      >
        <Alert type="info" showIcon title={t('orders.revise.hint')} />
        <Form.Item name="reason" label={t('orders.revise.reason')} rules={[{ required: true, whitespace: true, message: t('orders.revise.reasonRequired') }, zodRule(revisionBody.shape.reason)]}>
          <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('orders.revise.reasonPlaceholder')} data-testid="revision-reason" />
        </Form.Item>
        <div className="gd-form-row">
          <Form.Item name="promisedDate" label={t('orders.promisedDate')} {...dateFieldProps()}>
            <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
          </Form.Item>
          <Form.Item name="priority" label={t('orders.priorityLabel')}>
            <Select options={priorities.map((p) => ({ value: p, label: t(`orders.priority.${p}`) }))} />
          </Form.Item>
          <Form.Item name="customerPo" label={t('orders.customerPo')}>
            <Input maxLength={64} />
          </Form.Item>
        </div>
        <Form.Item name="shipToAddressId" label={t('orders.shipTo')}>
          <Select options={addressOptions} />
        </Form.Item>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('orders.section.lines')}
        </Typography.Title>
        <LineGrid form={form} customerId={order.customerId} customerTier={customer.data?.tier} products={products} quotes={quotes.data} checksByLine={new Map()} />
        <Form.Item name="note" label={t('orders.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      {impact && (
        <div className="gd-stack" style={{ marginTop: 12 }} ref={impactRef}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('orders.revise.impactTitle')}
          </Typography.Title>
          <ImpactView impact={impact} units={new Map([...products.values()].map((p) => [p.id, p.unit]))} />
        </div>
      )}
    </Drawer>
  );
}
