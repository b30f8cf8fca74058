import { App, Form, Input, Modal, Switch, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { warehousePatchBody } from '../../../contracts/inventory.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { applyServerErrors } from '../../lib/form-errors.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import { useUpdateWarehouse, type Warehouse } from './api.ts';

interface Values {
  name: string;
  address?: string;
  active: boolean;
}
const shape = warehousePatchBody.shape;

/** Edit a warehouse: name, address, active. The code is shown but fixed; the server refuses to deactivate one that holds stock. */
export function WarehouseEditModal({ warehouse: w, onClose }: { warehouse: Warehouse; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateWarehouse();
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: Values) => {
    setError(null);
    try {
      const saved = await update.mutateAsync({ id: w.id, patch: { name: v.name.trim(), address: v.address?.trim() || null, active: v.active } });
      void message.success(t('inventory.warehouses.updated', { name: saved.name }));
      onClose();
    } catch (err) {
      if (!applyServerErrors(form, err, ['name', 'address', 'active'])) setError(err);
    }
  };
  return (
    <Modal open title={t('inventory.warehouses.edit', { code: w.code })} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={update.isPending} mask={{ closable: false }} okButtonProps={{ 'data-testid': 'warehouse-edit-ok' } as ButtonProps}>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ name: w.name, address: w.address ?? '', active: w.active }} disabled={update.isPending}>
        <Form.Item label={t('inventory.warehouses.code')} extra={t('inventory.warehouses.codeFixed')}>
          <Input value={w.code} disabled className="gd-mono" />
        </Form.Item>
        <Form.Item name="name" label={t('inventory.warehouses.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('inventory.warehouses.name') }) }, zodRule(shape.name)]}>
          <Input maxLength={100} data-testid="warehouse-edit-name" />
        </Form.Item>
        <Form.Item name="address" label={t('inventory.warehouses.address')} rules={[zodRule(shape.address)]}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
        <Form.Item name="active" label={t('inventory.warehouses.active')} valuePropName="checked" extra={t('inventory.warehouses.activeHelp')}>
          <Switch data-testid="warehouse-edit-active" />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
