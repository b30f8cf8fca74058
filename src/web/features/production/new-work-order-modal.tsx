import { App, DatePicker, Form, InputNumber, Modal, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { priorities } from '../../../contracts/orders.ts';
import { api } from '../../lib/api.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { applyServerErrors } from '../../lib/form-errors.ts';
import { ProductSelect } from '../catalog/product-select.tsx';
import type { WorkOrderDetail } from './api.ts';
import { useQueryClient } from '@tanstack/react-query';
import { productionKeys } from './api.ts';

interface Values {
  productId: string;
  qty: number;
  priority: (typeof priorities)[number];
  dueDate?: { format: (f: string) => string } | null;
}

/** A make-to-stock work order (make-to-order ones come from confirmed orders by themselves). */
export function NewWorkOrderModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: Values) => {
    setError(null);
    setBusy(true);
    try {
      const wo = await api.post<WorkOrderDetail>('/api/v1/work-orders', { productId: v.productId, qty: v.qty, priority: v.priority, dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null });
      await qc.invalidateQueries({ queryKey: productionKeys.all });
      void message.success(t('production.workOrders.created', { number: wo.number }));
      onClose();
      void navigate(`/production/work-orders/${wo.id}`);
    } catch (err) {
      if (!applyServerErrors(form, err, ['productId', 'qty', 'priority', 'dueDate'])) setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('production.workOrders.create')} okText={t('common.create')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={busy} okButtonProps={{ 'data-testid': 'work-order-ok' } as ButtonProps}>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ priority: 'normal' }} disabled={busy}>
        <Form.Item name="productId" label={t('production.workOrders.product')} rules={[{ required: true, message: t('validation.required', { field: t('production.workOrders.product') }) }]}>
          <ProductSelect />
        </Form.Item>
        <Form.Item name="qty" label={t('production.workOrders.qty')} rules={[{ required: true, message: t('validation.required', { field: t('production.workOrders.qty') }) }]}>
          <InputNumber min={0.001} max={1e9} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="priority" label={t('production.priority')}>
          <Select options={priorities.map((p) => ({ value: p, label: t(`orders.priority.${p}`) }))} />
        </Form.Item>
        <Form.Item name="dueDate" label={t('production.dueDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
