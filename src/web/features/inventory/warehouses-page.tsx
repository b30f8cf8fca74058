import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Modal, Switch, Table, Tag, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { warehouseCreateBody } from '../../../contracts/inventory.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { applyServerErrors } from '../../lib/form-errors.ts';
import { formatDate } from '../../lib/format.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import { useSession } from '../auth/session.ts';
import { useCreateWarehouse, useWarehouses, type Warehouse, type WarehouseCreate } from './api.ts';
import { InventoryNav } from './inventory-nav.tsx';
import { WarehouseEditModal } from './warehouse-edit-modal.tsx';

const shape = warehouseCreateBody.shape;

/** 仓库: where stock is kept; the default warehouse is where orders reserve when a line names none. */
export function WarehousesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const warehouses = useWarehouses();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Warehouse | null>(null);
  const writable = can('inventory:write');
  return (
    <>
      <PageHeader
        title={t('inventory.warehouses.title')}
        subtitle={t('inventory.warehouses.subtitle')}
        extra={
          writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="create-warehouse">
              {t('inventory.warehouses.create')}
            </Button>
          )
        }
      />
      <InventoryNav />
      <Card size="small">
        {warehouses.error && <ErrorAlert error={warehouses.error} />}
        <Table<Warehouse>
          size="small"
          rowKey="id"
          dataSource={warehouses.data}
          loading={warehouses.isPending}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inventory.noWarehouses')} /> }}
          columns={[
            { title: t('inventory.warehouses.code'), dataIndex: 'code', render: (v: string) => <span className="gd-mono">{v}</span> },
            { title: t('inventory.warehouses.name'), dataIndex: 'name', render: (v: string, w) => (
              <span>
                {v} {w.isDefault && <Tag color="blue">{t('inventory.warehouses.default')}</Tag>}
              </span>
            ) },
            { title: t('common.status'), dataIndex: 'active', render: (v: boolean) => (v ? <Tag color="success">{t('common.enable')}</Tag> : <Tag>{t('common.disable')}</Tag>) },
            { title: t('inventory.warehouses.address'), dataIndex: 'address', responsive: ['md'], render: (v: string | null) => v ?? t('common.none') },
            { title: t('common.createdAt'), dataIndex: 'createdAt', responsive: ['sm'], render: (v: string) => formatDate(v) },
            ...(writable
              ? [{ title: t('common.actions'), key: 'actions', width: 80, render: (_: unknown, w: Warehouse) => <Button size="small" type="link" onClick={() => setEditing(w)} data-testid={`edit-warehouse-${w.code}`}>{t('common.edit')}</Button> }]
              : []),
          ]}
        />
      </Card>
      {adding && <WarehouseModal onClose={() => setAdding(false)} />}
      {editing && <WarehouseEditModal warehouse={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function WarehouseModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WarehouseCreate>();
  const create = useCreateWarehouse();
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: WarehouseCreate) => {
    setError(null);
    try {
      const w = await create.mutateAsync({ ...v, code: v.code.trim(), name: v.name.trim() });
      void message.success(t('inventory.warehouses.created', { name: w.name }));
      onClose();
    } catch (err) {
      if (!applyServerErrors(form, err, ['code', 'name'], { CODE_TAKEN: 'code', NAME_TAKEN: 'name' })) setError(err);
    }
  };
  return (
    <Modal open title={t('inventory.warehouses.create')} okText={t('common.create')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={create.isPending} mask={{ closable: false }} okButtonProps={{ 'data-testid': 'warehouse-ok' } as ButtonProps}>
      <Form<WarehouseCreate> form={form} layout="vertical" onFinish={submit} initialValues={{ isDefault: false }} disabled={create.isPending}>
        <Form.Item name="code" label={t('inventory.warehouses.code')} extra={t('inventory.warehouses.codeHelp')} rules={[{ required: true, message: t('validation.required', { field: t('inventory.warehouses.code') }) }, zodRule(shape.code, 'codeChars')]}>
          <Input maxLength={32} className="gd-mono" data-testid="warehouse-code" />
        </Form.Item>
        <Form.Item name="name" label={t('inventory.warehouses.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('inventory.warehouses.name') }) }, zodRule(shape.name)]}>
          <Input maxLength={100} data-testid="warehouse-name" />
        </Form.Item>
        <Form.Item name="isDefault" label={t('inventory.warehouses.default')} valuePropName="checked" extra={t('inventory.warehouses.defaultHelp')}>
          <Switch />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
