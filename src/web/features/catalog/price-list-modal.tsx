import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerTiers } from '../../../contracts/customers.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { dateFieldProps } from '../../lib/date-field.ts';
import { applyServerErrors } from '../../lib/form-errors.ts';
import { toFen } from '../../lib/money.ts';
import { useCreatePriceList, useUpdatePriceList, type PriceList, type Product } from './api.ts';
import { ProductSelect } from './product-select.tsx';

interface Values {
  name: string;
  tier?: string;
  validFrom?: string | null;
  validTo?: string | null;
  items: { productId?: string; unitPrice?: number | null }[];
  active?: boolean;
}

/** A new price list, or an existing one to edit: a tier (or all), validity, and a price in yuan per product (the list price to start from). */
export function PriceListModal({ list, onClose }: { list?: PriceList; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreatePriceList();
  const update = useUpdatePriceList();
  const pending = create.isPending || update.isPending;
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: Values) => {
    setError(null);
    try {
      const body = { name: v.name.trim(), tier: (v.tier as (typeof customerTiers)[number]) ?? null, validFrom: v.validFrom ?? null, validTo: v.validTo ?? null, items: v.items.filter((i) => i.productId).map((i) => ({ productId: i.productId!, unitPrice: toFen(i.unitPrice) })) };
      const l = list ? await update.mutateAsync({ id: list.id, patch: { ...body, active: v.active ?? true } }) : await create.mutateAsync(body);
      void message.success(t(list ? 'catalog.priceLists.saved' : 'catalog.priceLists.created', { name: l.name }));
      onClose();
    } catch (err) {
      if (!applyServerErrors(form, err, ['name', 'tier', 'validFrom', 'validTo', 'items', 'active'], {}, { nested: true })) setError(err);
    }
  };
  return (
    <Modal open width={680} title={t(list ? 'catalog.priceLists.edit' : 'catalog.priceLists.create')} okText={t(list ? 'common.save' : 'common.create')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={pending} mask={{ closable: false }}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={list ? { name: list.name, tier: list.tier ?? undefined, validFrom: list.validFrom, validTo: list.validTo, active: list.active, items: list.items.map((i) => ({ productId: i.productId, unitPrice: i.unitPrice / 100 })) } : { items: [{}] }}
        disabled={pending}
      >
        <div className="gd-form-row">
          <Form.Item name="name" label={t('catalog.priceLists.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('catalog.priceLists.name') }) }, { max: 100 }]} className="gd-span-2">
            <Input maxLength={100} placeholder={t('catalog.priceLists.namePlaceholder')} />
          </Form.Item>
          <Form.Item name="tier" label={t('catalog.priceLists.tier')}>
            <Select allowClear placeholder={t('catalog.priceLists.allTiers')} options={customerTiers.map((x) => ({ value: x, label: t('orders.quote.tierOf', { tier: x }) }))} />
          </Form.Item>
        </div>
        <div className="gd-form-row">
          <Form.Item name="validFrom" label={t('catalog.priceLists.validFrom')} {...dateFieldProps()}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="validTo" label={t('catalog.priceLists.validTo')} {...dateFieldProps()}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
        {list && (
          <Form.Item name="active" label={t('catalog.priceLists.active')} valuePropName="checked" extra={t('catalog.priceLists.activeHelp')}>
            <Switch />
          </Form.Item>
        )}
        <Form.List name="items">
          {(rows, { add, remove }) => (
            <div className="gd-spec-opts">
              {rows.map((row) => (
                <div key={row.key} className="gd-spec-opt" style={{ gridTemplateColumns: 'minmax(0, 1fr) 150px 32px' }}>
                  <Form.Item name={[row.name, 'productId']}>
                    <ProductSelect onChange={(_id, p?: Product) => p && form.setFieldValue(['items', row.name, 'unitPrice'], p.listPrice / 100)} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'unitPrice']} rules={[({ getFieldValue }) => ({ validator: async (_r, v) => void (getFieldValue(['items', row.name, 'productId']) && (v === undefined || v === null) ? Promise.reject(new Error(t('orders.line.priceRequired'))) : undefined) })]}>
                    <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} aria-label={t('catalog.priceLists.unitPrice')} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('common.remove')} />
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                {t('catalog.priceLists.addItem')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
      {error ? <ErrorAlert error={error} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}
