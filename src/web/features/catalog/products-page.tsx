import { PlusOutlined } from '@ant-design/icons';
import { Button, Segmented, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { makeOrBuyValues } from '../../../contracts/catalog.ts';
import { FilteredList, ListEmpty, rowsOf, SearchFilter } from '../../components/list-page/filtered-list.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatMoney, formatQty } from '../../lib/format.ts';
import { oneOf, text, useUrlFilters, yesNo } from '../../lib/use-url-filters.ts';
import { useSession } from '../auth/session.ts';
import { InventoryNav } from '../inventory/inventory-nav.tsx';
import { useProductList, type Product } from './api.ts';

const FILTERS = { q: text, category: text, makeOrBuy: oneOf(makeOrBuyValues), active: yesNo };

/** 产品: the catalog orders are entered from — prices, tax, limits and spec options (filters in the URL). */
export function ProductsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { filters, filtered, setFilters, clear } = useUrlFilters(FILTERS);
  const list = useProductList(filters);
  const rows = rowsOf(list);
  const categories = [...new Set([...rows.map((p) => p.category).filter((c): c is string => !!c), ...(filters.category ? [filters.category] : [])])].sort();
  const showCost = rows.some((p) => p.cost !== undefined);

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
      <FilteredList
        list={list}
        count={(count) => t('catalog.count', { count })}
        rowLink={(p) => `/inventory/products/${p.id}`}
        testId="product-table"
        filters={
          <>
            <SearchFilter value={filters.q} onSearch={(q) => setFilters({ q })} placeholder={t('catalog.productPlaceholder')} width={240} />
            <Select value={filters.category || undefined} onChange={(v?: string) => setFilters({ category: v ?? '' })} placeholder={t('catalog.category')} allowClear options={categories.map((c) => ({ value: c, label: c }))} style={{ width: 140 }} />
            <Select value={filters.makeOrBuy || undefined} onChange={(v?: string) => setFilters({ makeOrBuy: v ?? '' })} placeholder={t('catalog.makeOrBuy')} allowClear options={makeOrBuyValues.map((m) => ({ value: m, label: t(`catalog.makeOrBuyValue.${m}`) }))} style={{ width: 120 }} />
            <Segmented value={filters.active} onChange={(v) => setFilters({ active: v })} options={[{ value: '', label: t('common.all') }, { value: 'true', label: t('catalog.activeOnly') }, { value: 'false', label: t('catalog.inactiveOnly') }]} />
          </>
        }
        empty={
          <ListEmpty filtered={filtered} onClear={clear} filteredText={t('catalog.emptyFiltered')} text={t('catalog.empty')}>
            {can('products:write') && (
              <Link to="/inventory/products/new">
                <Button type="primary">{t('catalog.create')}</Button>
              </Link>
            )}
          </ListEmpty>
        }
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
    </>
  );
}
