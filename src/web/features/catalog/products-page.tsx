import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { makeOrBuyValues } from '../../../contracts/catalog.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatMoney, formatQty } from '../../lib/format.ts';
import { useSession } from '../auth/session.ts';
import { InventoryNav } from '../inventory/inventory-nav.tsx';
import { useProductList, type Product, type ProductFilters } from './api.ts';

/** 产品: the catalog orders are entered from — prices, tax, limits and spec options (filters in the URL). */
export function ProductsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const mob = params.get('makeOrBuy') ?? '';
  const active = params.get('active') ?? '';
  const filters: ProductFilters = {
    q: params.get('q') ?? '',
    category: params.get('category') ?? '',
    makeOrBuy: (makeOrBuyValues as readonly string[]).includes(mob) ? (mob as ProductFilters['makeOrBuy']) : '',
    active: active === 'true' || active === 'false' ? active : '',
  };
  const setFilter = (key: keyof ProductFilters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const list = useProductList(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const categories = [...new Set([...rows.map((p) => p.category).filter((c): c is string => !!c), ...(filters.category ? [filters.category] : [])])].sort();
  const showCost = rows.some((p) => p.cost !== undefined);
  const filtered = !!(filters.q || filters.category || filters.makeOrBuy || filters.active);

  return (
    <>
      <PageHeader
        title={t('catalog.title')}
        subtitle={t('catalog.subtitle')}
        extra={
          can('products:write') && (
            <Link to="/inventory/products/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="create-product">
                {t('catalog.create')}
              </Button>
            </Link>
          )
        }
      />
      <InventoryNav />
      <Card size="small">
        <div className="gd-filter-bar">
          <Input.Search key={filters.q} defaultValue={filters.q} placeholder={t('catalog.productPlaceholder')} allowClear onSearch={(v) => setFilter('q', v.trim())} style={{ width: 240, maxWidth: '100%' }} />
          <Select value={filters.category || undefined} onChange={(v?: string) => setFilter('category', v ?? '')} placeholder={t('catalog.category')} allowClear options={categories.map((c) => ({ value: c, label: c }))} style={{ width: 140 }} />
          <Select value={filters.makeOrBuy || undefined} onChange={(v?: string) => setFilter('makeOrBuy', v ?? '')} placeholder={t('catalog.makeOrBuy')} allowClear options={makeOrBuyValues.map((m) => ({ value: m, label: t(`catalog.makeOrBuyValue.${m}`) }))} style={{ width: 120 }} />
          <Segmented value={filters.active} onChange={(v) => setFilter('active', v)} options={[{ value: '', label: t('common.all') }, { value: 'true', label: t('catalog.activeOnly') }, { value: 'false', label: t('catalog.inactiveOnly') }]} />
        </div>
        {list.error && <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
        <Table<Product>
          size="small"
          rowKey="id"
          dataSource={rows}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(p) => ({ onDoubleClick: () => void navigate(`/inventory/products/${p.id}`) })}
          data-testid="product-table"
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('catalog.emptyFiltered') : t('catalog.empty')}>
                {!filtered && can('products:write') && (
                  <Link to="/inventory/products/new">
                    <Button type="primary">{t('catalog.create')}</Button>
                  </Link>
                )}
              </Empty>
            ),
          }}
          columns={[
            {
              title: t('catalog.product'),
              key: 'product',
              render: (_, p) => (
                <div className="gd-user-cell">
                  <Link to={`/inventory/products/${p.id}`}>{p.name}</Link>
                  <Typography.Text type="secondary" className="gd-mono">
                    {p.sku}
                    {p.spec ? ` · ${p.spec}` : ''}
                  </Typography.Text>
                </div>
              ),
            },
            { title: t('catalog.category'), dataIndex: 'category', responsive: ['md'], render: (v: string | null) => v ?? t('common.none') },
            { title: t('catalog.listPrice'), dataIndex: 'listPrice', align: 'right', render: (v: number, p) => <span className="gd-num">{formatMoney(v)} / {p.unit}</span> },
            { title: t('catalog.floorPrice'), dataIndex: 'floorPrice', align: 'right', responsive: ['md'], render: (v: number) => <span className="gd-num">{formatMoney(v)}</span> },
            ...(showCost ? [{ title: t('catalog.cost'), dataIndex: 'cost', align: 'right' as const, responsive: ['lg' as const], render: (v: number | undefined) => (v === undefined ? t('common.none') : <span className="gd-num">{formatMoney(v)}</span>) }] : []),
            { title: t('catalog.taxRate'), dataIndex: 'taxRate', align: 'right', responsive: ['lg'], render: (v: number) => `${v}%` },
            { title: t('catalog.makeOrBuy'), dataIndex: 'makeOrBuy', responsive: ['lg'], render: (v: Product['makeOrBuy']) => t(`catalog.makeOrBuyValue.${v}`) },
            { title: t('catalog.limits'), key: 'limits', responsive: ['xl'], render: (_, p) => (p.minQty || p.maxQty ? `${formatQty(p.minQty ?? 0)} – ${p.maxQty ? formatQty(p.maxQty) : '∞'} ${p.unit}` : t('common.none')) },
            { title: t('catalog.leadTimeDays'), dataIndex: 'leadTimeDays', align: 'right', responsive: ['xl'], render: (v: number) => (v ? t('catalog.days', { count: v }) : t('common.none')) },
            { title: t('common.status'), dataIndex: 'active', render: (v: boolean) => (v ? <Tag color="success">{t('catalog.activeTag')}</Tag> : <Tag>{t('catalog.inactiveTag')}</Tag>) },
          ]}
        />
        <div className="gd-table-foot">
          <span>{t('catalog.count', { count: rows.length })}</span>
          {list.hasNextPage && (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          )}
        </div>
      </Card>
    </>
  );
}
