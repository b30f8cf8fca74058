import { DatePicker, Form, Input, Select, Switch, Typography, type FormInstance } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { orderCreateBody, priorities } from '../../../../contracts/orders.ts';
import { dateFieldProps, dayjs } from '../../../lib/date-field.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import type { Customer } from '../../customers/api.ts';
import { CustomerSelect } from '../../customers/customer-select.tsx';
import type { Order } from '../api.ts';
import { formatAddress } from '../address-text.ts';
import { CURRENT_ADDRESS, type OrderFormValues } from './form-values.ts';

const shape = orderCreateBody.shape;

/** 基本信息: customer, where it goes, by when, how urgent, the customer's PO and the non-standard flag. */
export function HeaderFields({ form, order, customer }: { form: FormInstance<OrderFormValues>; order?: Order; customer?: Customer }) {
  const { t } = useTranslation();
  const nonStandard = Form.useWatch('nonStandard', form);
  const shipTo = Form.useWatch('shipToAddressId', form);

  // A new customer: their default address, unless one of theirs is already chosen.
  useEffect(() => {
    if (!customer || order) return;
    const current = form.getFieldValue('shipToAddressId') as string | undefined;
    if (current && customer.addresses.some((a) => a.id === current)) return;
    form.setFieldValue('shipToAddressId', (customer.addresses.find((a) => a.isDefault) ?? customer.addresses[0])?.id);
  }, [customer, order, form]);

  const addressOptions = [
    ...(order?.shipToAddress ? [{ value: CURRENT_ADDRESS, label: t('orders.form.currentAddress', { address: formatAddress(order.shipToAddress) }) }] : []),
    ...(customer?.addresses ?? []).map((a) => ({ value: a.id, label: `${a.label ? `【${a.label}】` : ''}${formatAddress(a)}` })),
  ];

  return (
    <>
      <div className="gd-form-row">
        <Form.Item name="customerId" label={t('orders.customer')} rules={[{ required: true, message: t('orders.form.customerRequired') }]} className="gd-span-2">
          <CustomerSelect disabled={!!order} />
        </Form.Item>
        <Form.Item name="promisedDate" label={t('orders.promisedDate')} extra={t('orders.form.promisedHelp')} rules={[{ required: true, message: t('orders.form.promisedRequired') }, zodRule(shape.promisedDate)]} {...dateFieldProps()}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} data-testid="promised-date" />
        </Form.Item>
      </div>
      <Form.Item
        name="shipToAddressId"
        label={t('orders.shipTo')}
        rules={[{ required: true, message: t('orders.form.shipToRequired') }]}
        extra={customer && customer.addresses.length === 0 ? t('orders.form.noAddresses') : undefined}
      >
        <Select options={addressOptions} placeholder={customer ? t('orders.form.shipToPlaceholder') : t('orders.form.customerFirst')} disabled={!customer && !order} data-testid="ship-to" />
      </Form.Item>
      {shipTo === CURRENT_ADDRESS && order?.shipToAddress && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
          {t('orders.form.currentAddressHint')}
        </Typography.Paragraph>
      )}
      <div className="gd-form-row">
        <Form.Item name="priority" label={t('orders.priorityLabel')}>
          <Select options={priorities.map((p) => ({ value: p, label: t(`orders.priority.${p}`) }))} />
        </Form.Item>
        <Form.Item name="customerPo" label={t('orders.customerPo')} rules={[zodRule(shape.customerPo.unwrap().unwrap())]}>
          <Input maxLength={64} placeholder={t('orders.form.poPlaceholder')} />
        </Form.Item>
        <Form.Item name="nonStandard" label={t('orders.nonStandard')} valuePropName="checked" extra={t('orders.form.nonStandardHelp')}>
          <Switch data-testid="non-standard" />
        </Form.Item>
      </div>
      {nonStandard && (
        <Form.Item name="nonStandardReason" label={t('orders.nonStandardReason')} rules={[{ required: true, whitespace: true, message: t('orders.form.nonStandardReasonRequired') }, { max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('orders.form.nonStandardReasonPlaceholder')} />
        </Form.Item>
      )}
    </>
  );
}
