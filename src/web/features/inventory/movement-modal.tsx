import { App, Form, Input, InputNumber, Modal, Segmented, Select, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { movementInputTypes } from '../../../contracts/inventory.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { applyServerErrors } from '../../lib/form-errors.ts';
import { formatQty } from '../../lib/format.ts';
import { useProduct } from '../catalog/api.ts';
import { ProductSelect } from '../catalog/product-select.tsx';
import { useCreateMovement, useStockLevels, useWarehouses, type MovementInput } from './api.ts';

type InputType = (typeof movementInputTypes)[number];
interface Values {
  type: InputType;
  productId?: string;
  warehouseId?: string;
  toWarehouseId?: string;
  qty?: number;
  reason?: string;
}

/**
 * 入库 / 出库 / 调整 / 调拨: one movement on the ledger. Shows the level it changes; an issue
 * or transfer beyond what is available is refused by the server and named on the quantity.
 */
export function MovementModal({ initial, onClose }: { initial: Partial<Values>; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateMovement();
  const warehouses = useWarehouses();
  const [error, setError] = useState<unknown>(null);
  const type = (Form.useWatch('type', form) ?? initial.type ?? 'receipt') as InputType;
  const productId = Form.useWatch('productId', form) as string | undefined;
  const warehouseId = Form.useWatch('warehouseId', form) as string | undefined;
  const product = useProduct(productId);
  const level = useStockLevels({ q: '', productId: productId ?? '', warehouseId: warehouseId ?? '' });
  const current = productId && warehouseId ? level.data?.pages[0]?.items.find((l) => l.productId === productId && l.warehouseId === warehouseId) : undefined;
  const unit = product.data?.unit;
  const warehouseOptions = (warehouses.data ?? []).filter((w) => w.active).map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }));
  const defaultWarehouse = warehouses.data?.find((w) => w.isDefault)?.id;

  const submit = async (v: Values) => {
    setError(null);
    const body: MovementInput = { type: v.type, productId: v.productId!, warehouseId: v.warehouseId!, qty: v.qty!, reason: v.reason?.trim() || null, ...(v.type === 'transfer' ? { toWarehouseId: v.toWarehouseId! } : {}) };
    try {
      const r = await create.mutateAsync(body);
      if ('pending' in r) void message.info(t('inventory.adjust.pending'));
      else void message.success(t('inventory.movement.saved', { type: t(`inventory.movementInput.${v.type}`) }));
      onClose();
    } catch (err) {
      if (!applyServerErrors(form, err, ['productId', 'warehouseId', 'toWarehouseId', 'qty', 'reason'], { INSUFFICIENT_STOCK: 'qty', NO_WAREHOUSE: 'warehouseId' })) setError(err);
    }
  };

  return (
    <Modal open title={t('inventory.movement.title')} okText={t('inventory.movement.ok')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={create.isPending} mask={{ closable: false }} okButtonProps={{ 'data-testid': 'movement-ok' } as ButtonProps}>
      <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={create.isPending} initialValues={{ type: 'receipt', warehouseId: defaultWarehouse, ...initial }} data-testid="movement-form">
        <Form.Item name="type">
          <Segmented block options={movementInputTypes.map((m) => ({ value: m, label: t(`inventory.movementInput.${m}`) }))} />
        </Form.Item>
        <Form.Item name="productId" label={t('inventory.product')} rules={[{ required: true, message: t('inventory.movement.productRequired') }]}>
          <ProductSelect />
        </Form.Item>
        <div className="gd-form-row">
          <Form.Item name="warehouseId" label={type === 'transfer' ? t('inventory.movement.from') : t('inventory.warehouse')} rules={[{ required: true, message: t('inventory.movement.warehouseRequired') }]}>
            <Select options={warehouseOptions} placeholder={t('inventory.movement.warehousePlaceholder')} />
          </Form.Item>
          {type === 'transfer' && (
            <Form.Item name="toWarehouseId" label={t('inventory.movement.to')} dependencies={['warehouseId']} rules={[{ required: true, message: t('inventory.movement.warehouseRequired') }, ({ getFieldValue }) => ({ validator: async (_r, v) => void (v && v === getFieldValue('warehouseId') ? Promise.reject(new Error(t('inventory.movement.sameWarehouse'))) : undefined) })]}>
              <Select options={warehouseOptions} placeholder={t('inventory.movement.warehousePlaceholder')} />
            </Form.Item>
          )}
        </div>
        {current && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }} data-testid="movement-level">
            {t('inventory.movement.level', { onHand: formatQty(current.onHand, unit), reserved: formatQty(current.reserved, unit), available: formatQty(current.available, unit) })}
          </Typography.Paragraph>
        )}
        <Form.Item
          name="qty"
          label={t('inventory.qty')}
          extra={type === 'adjustment' ? t('inventory.movement.adjustHelp') : undefined}
          rules={[{ required: true, message: t('inventory.movement.qtyRequired') }, { validator: async (_r, v: number | undefined) => void (v !== undefined && v !== null && (type === 'adjustment' ? v === 0 : v <= 0) ? Promise.reject(new Error(t(type === 'adjustment' ? 'inventory.movement.notZero' : 'inventory.movement.positive'))) : undefined) }]}
        >
          <InputNumber min={type === 'adjustment' ? undefined : 0} suffix={unit} style={{ width: '100%' }} data-testid="movement-qty" />
        </Form.Item>
        <Form.Item name="reason" label={t('inventory.reason')} rules={[{ required: type === 'adjustment', whitespace: true, message: t('inventory.movement.reasonRequired') }, { max: 500 }]}>
          <Input maxLength={500} placeholder={t(`inventory.movement.reasonPlaceholder.${type}`)} />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
