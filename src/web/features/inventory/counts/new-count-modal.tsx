import { App, Form, Input, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { ProductSelect } from '../../catalog/product-select.tsx';
import { useWarehouses } from '../api.ts';
import { useCreateCount } from './api.ts';

/** 新建盘点: a warehouse, optionally the products to count, a note; opens the count's entry page. */
export function NewCountModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const warehouses = useWarehouses();
  const create = useCreateCount();
  // The default warehouse until one is chosen — also when the list arrives after the dialog opened.
  const [chosen, setWarehouseId] = useState<string>();
  const warehouseId = chosen ?? warehouses.data?.find((w) => w.isDefault && w.active)?.id;
  const [products, setProducts] = useState<{ id: string; label: string }[]>([]);
  const [note, setNote] = useState('');
  const submit = async () => {
    if (!warehouseId) return;
    const c = await create.mutateAsync({ warehouseId, productIds: products.length ? products.map((p) => p.id) : undefined, note: note.trim() || null });
    void message.success(t('inventory.counts.created', { number: c.number }));
    onClose();
    void navigate(`/inventory/counts/${c.id}`);
  };
  return (
    <Modal open title={t('inventory.counts.createTitle')} okText={t('inventory.counts.create')} onOk={() => void submit().catch(() => {})} okButtonProps={{ disabled: !warehouseId, loading: create.isPending, ...({ 'data-testid': 'create-count' } as Record<string, string>) }} onCancel={onClose} destroyOnHidden>
      <Form layout="vertical">
        <Form.Item label={t('inventory.counts.warehouse')} required>
          <Select value={warehouseId} onChange={setWarehouseId} options={(warehouses.data ?? []).filter((w) => w.active).map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))} data-testid="count-warehouse" />
        </Form.Item>
        <Form.Item label={t('inventory.counts.products')} extra={t('inventory.counts.productsHelp')}>
          <ProductSelect key={products.length} onChange={(id, p) => id && !products.some((x) => x.id === id) && setProducts([...products, { id, label: p ? `${p.sku} ${p.name}` : id }])} />
          <div style={{ marginTop: 8, display: 'flex', flexWrap: 'wrap', gap: 4 }}>
            {products.map((p) => (
              <Tag key={p.id} closable onClose={() => setProducts(products.filter((x) => x.id !== p.id))}>
                {p.label}
              </Tag>
            ))}
          </div>
        </Form.Item>
        <Form.Item label={t('inventory.counts.note')}>
          <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} placeholder={t('inventory.counts.notePlaceholder')} />
        </Form.Item>
      </Form>
      {create.error && <ErrorAlert error={create.error} />}
    </Modal>
  );
}
