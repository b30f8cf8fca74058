import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { daysUntil, formatDate, formatMoney } from '../../lib/format.ts';
import { useSession } from '../auth/session.ts';
import { InventoryNav } from '../inventory/inventory-nav.tsx';
import { usePriceLists, type PriceList } from './api.ts';
import { PriceListModal } from './price-list-modal.tsx';

/** 价目表: tier prices (A–D) with validity; order entry offers the customer's tier price from the newest list in force. */
export function PriceListsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const lists = usePriceLists();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<PriceList | null>(null);
  const inForce = (l: PriceList) => l.active && (!l.validFrom || daysUntil(l.validFrom) <= 0) && (!l.validTo || daysUntil(l.validTo) >= 0);
  return (
    <>
      <PageHeader
        title={t('catalog.priceLists.title')}
        subtitle={t('catalog.priceLists.subtitle')}
        extra={
          can('products:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('catalog.priceLists.create')}
            </Button>
          )
        }
      />
      <InventoryNav />
      <Card size="small">
        {lists.error && <ErrorAlert error={lists.error} />}
        <Table<PriceList>
          size="small"
          rowKey="id"
          dataSource={lists.data}
          loading={lists.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.priceLists.empty')} /> }}
          expandable={{
            expandedRowRender: (l) => (
              <Table
                size="small"
                rowKey="productId"
                dataSource={l.items}
                pagination={false}
                columns={[
                  { title: 'SKU', dataIndex: 'sku', render: (v: string) => <span className="gd-mono">{v}</span> },
                  { title: t('catalog.name'), dataIndex: 'name' },
                  { title: t('catalog.priceLists.unitPrice'), dataIndex: 'unitPrice', align: 'right', render: (v: number) => <span className="gd-num">{formatMoney(v)}</span> },
                ]}
              />
            ),
          }}
          columns={[
            { title: t('catalog.priceLists.name'), dataIndex: 'name' },
            { title: t('catalog.priceLists.tier'), dataIndex: 'tier', render: (v: string | null) => (v ? <Tag>{t('orders.quote.tierOf', { tier: v })}</Tag> : t('catalog.priceLists.allTiers')) },
            { title: t('catalog.priceLists.validity'), key: 'validity', render: (_, l) => `${l.validFrom ? formatDate(l.validFrom) : '…'} ~ ${l.validTo ? formatDate(l.validTo) : '…'}` },
            { title: t('catalog.priceLists.items'), key: 'items', align: 'right', render: (_, l) => l.items.length },
            { title: t('common.status'), key: 'state', render: (_, l) => (inForce(l) ? <Tag color="success">{t('catalog.priceLists.inForce')}</Tag> : <Typography.Text type="secondary">{t('catalog.priceLists.notInForce')}</Typography.Text>) },
            ...(can('products:write')
              ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, l: PriceList) => <Button size="small" type="link" onClick={() => setEditing(l)}>{t('common.edit')}</Button> }]
              : []),
          ]}
        />
      </Card>
      {adding && <PriceListModal onClose={() => setAdding(false)} />}
      {editing && <PriceListModal list={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
