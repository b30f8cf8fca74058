import { Alert, App, DatePicker, Form, Modal, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { orderCreateBody, priorities } from '../../../contracts/orders.ts';
import type { Requirement } from '../../../contracts/requirements.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ApiError } from '../../lib/api.ts';
import { dateFieldProps, dayjs, today } from '../../lib/date-field.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import { useCustomer } from '../customers/api.ts';
import { ProductSelect } from '../catalog/product-select.tsx';
import { formatQty } from '../../lib/format.ts';
import { formatAddress } from './address-text.ts';
import { useConvertRequirement, type Priority } from './api.ts';

interface Values {
  promisedDate?: string;
  priority: Priority;
  shipToAddressId?: string;
}

/**
 * 转为订单: a draft order from the version the customer confirmed — lines, spec and fields
 * carried over, priced at the customer's tier or list price; asked here: the product for
 * each line (required where the customer wrote free text, changeable where one is
 * suggested), the date, priority and address. The draft opens for review before it is submitted.
 */
export function ConvertModal({ requirement: r, onClose }: { requirement: Requirement; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const convert = useConvertRequirement(r.id);
  const customer = useCustomer(r.customerId);
  const [error, setError] = useState<unknown>(null);
  // The product per requirement line (by index), starting from the one the line names.
  const [chosen, setChosen] = useState<(string | null)[]>(() => r.items.map((it) => it.productId ?? null));
  const addresses = customer.data?.addresses ?? [];
  const defaultAddress = (addresses.find((a) => a.isDefault) ?? addresses[0])?.id;

  const submit = async (v: Values) => {
    setError(null);
    try {
      const items = chosen.flatMap((productId, itemIndex) => (productId && productId !== r.items[itemIndex].productId ? [{ itemIndex, productId }] : []));
      const o = await convert.mutateAsync({ promisedDate: v.promisedDate!, priority: v.priority, shipToAddressId: v.shipToAddressId ?? null, items });
      void message.success(t('orders.convert.done'));
      onClose();
      void navigate(`/orders/${o.id}`);
    } catch (err) {
      setError(err);
    }
  };
  // Every line needs a catalog product; say which do not before the server refuses.
  const unlinked = chosen.flatMap((p, i) => (p ? [] : [i + 1]));
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
  const itemError = (i: number) => fieldErrors.some((f) => f.path === `items.${i}.productId`);
  const fieldProblems = fieldErrors.map((f) => f.message);

  return (
    <Modal open title={t('orders.convert.title', { number: r.number })} okText={t('orders.convert.ok')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={convert.isPending} mask={{ closable: false }} okButtonProps={{ 'data-testid': 'convert-ok', disabled: unlinked.length > 0 } as ButtonProps}>
      <p>{t('orders.convert.hint')}</p>
      <div className="gd-stack" style={{ marginBottom: 12 }} data-testid="convert-items">
        <strong>{t('convertItems.title')}</strong>
        <span style={{ color: 'rgba(0,0,0,0.55)' }}>{t('convertItems.hint')}</span>
        {r.items.map((it, i) => (
          <div key={i} data-testid={`convert-item-${i}`}>
            <div>
              {i + 1}. {it.description}
              <span style={{ color: 'rgba(0,0,0,0.55)' }}>
                {' · '}
                {t('convertItems.qty', { qty: formatQty(it.qty, it.unit) })}
                {Object.entries(it.spec).map(([k, v]) => ` · ${k}=${v}`)}
              </span>
            </div>
            <ProductSelect
              value={chosen[i] ?? undefined}
              onChange={(id) => setChosen((c) => c.map((x, k) => (k === i ? id || null : x)))}
              status={!chosen[i] || itemError(i) ? 'error' : undefined}
              placeholder={t('convertItems.pick')}
              aria-label={`${t('convertItems.product')} ${i + 1}`}
              disabled={convert.isPending}
            />
          </div>
        ))}
        {unlinked.length > 0 && <Alert type="warning" showIcon title={t('convertItems.missing', { lines: unlinked.join(t('common.listSep')) })} />}
      </div>
      <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={convert.isPending} initialValues={{ priority: 'normal', promisedDate: r.dueDate && r.dueDate >= today() ? r.dueDate : undefined }}>
        <Form.Item name="promisedDate" label={t('orders.promisedDate')} rules={[{ required: true, message: t('orders.form.promisedRequired') }, zodRule(orderCreateBody.shape.promisedDate)]} {...dateFieldProps()}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} data-testid="convert-date" />
        </Form.Item>
        <Form.Item name="priority" label={t('orders.priorityLabel')}>
          <Select options={priorities.map((p) => ({ value: p, label: t(`orders.priority.${p}`) }))} />
        </Form.Item>
        {customer.data && (
          <Form.Item name="shipToAddressId" label={t('orders.shipTo')} initialValue={defaultAddress} rules={[{ required: addresses.length > 0, message: t('orders.form.shipToRequired') }]} extra={addresses.length === 0 ? t('orders.form.noAddresses') : undefined}>
            <Select options={addresses.map((a) => ({ value: a.id, label: `${a.label ? `【${a.label}】` : ''}${formatAddress(a)}` }))} />
          </Form.Item>
        )}
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
      {fieldProblems.length > 0 && (
        <ul className="gd-dup-list">
          {fieldProblems.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
