import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Segmented, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { customerStatuses, customerTiers } from '../../../contracts/customers.ts';
import { provinceOptions } from '../../components/division-cascader.tsx';
import { FilteredList, ListEmpty, rowsOf, SearchFilter } from '../../components/list-page/filtered-list.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { oneOf, text, useUrlFilters } from '../../lib/use-url-filters.ts';
import { useSession } from '../auth/session.ts';
import { useCustomerList } from './api.ts';
import { useCustomerColumns } from './customer-columns.tsx';
import { useOwnerOptions } from './use-owner-options.ts';

const FILTERS = { q: text, tier: oneOf(customerTiers), status: oneOf(customerStatuses), province: text, ownerId: text };

/** 客户: filters kept in the URL (a reload or a shared link shows the same list), dense table. */
export function CustomersPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { filters, filtered, setFilters, clear } = useUrlFilters(FILTERS);
  const list = useCustomerList(filters);
  const owners = useOwnerOptions(rowsOf(list).map((r) => ({ id: r.ownerId, name: r.ownerName })));
  const columns = useCustomerColumns();
  const writable = can('customers:write');

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        subtitle={t('customers.subtitle')}
        extra={
          writable && (
            <>
              <Link to="/customers/import">
                <Button icon={<ImportOutlined />}>{t('customers.import.action')}</Button>
              </Link>
              <Link to="/customers/new">
                <Button type="primary" icon={<PlusOutlined />} data-testid="create-customer">
                  {t('customers.create')}
                </Button>
              </Link>
            </>
          )
        }
      />
      <FilteredList
        list={list}
        columns={columns}
        count={(count) => t('customers.count', { count })}
        rowLink={(c) => `/customers/${c.id}`}
        testId="customer-table"
        filters={
          <>
            <SearchFilter value={filters.q} onSearch={(q) => setFilters({ q })} placeholder={t('customers.searchPlaceholder')} width={280} />
            <Segmented
              value={filters.status}
              onChange={(v) => setFilters({ status: v })}
              options={[{ value: '', label: t('common.all') }, ...customerStatuses.map((s) => ({ value: s, label: t(`customers.status.${s}`) }))]}
            />
            <Select
              value={filters.tier || undefined}
              onChange={(v?: string) => setFilters({ tier: v ?? '' })}
              placeholder={t('customers.tierFilter')}
              allowClear
              options={customerTiers.map((x) => ({ value: x, label: t(`customers.tier.${x}`) }))}
              style={{ width: 130 }}
            />
            <Select
              value={filters.province || undefined}
              onChange={(v?: string) => setFilters({ province: v ?? '' })}
              placeholder={t('customers.provinceFilter')}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={provinceOptions}
              style={{ width: 150 }}
            />
            <Select
              value={filters.ownerId || undefined}
              onChange={(v?: string) => setFilters({ ownerId: v ?? '' })}
              placeholder={t('customers.ownerFilter')}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={owners}
              style={{ width: 150 }}
            />
          </>
        }
        empty={
          <ListEmpty filtered={filtered} onClear={clear} filteredText={t('customers.emptyFiltered')} text={writable ? t('customers.empty') : t('customers.emptyReadOnly')}>
            {writable && (
              <Space wrap>
                <Link to="/customers/new">
                  <Button type="primary">{t('customers.create')}</Button>
                </Link>
                <Link to="/customers/import">
                  <Button>{t('customers.import.action')}</Button>
                </Link>
              </Space>
            )}
          </ListEmpty>
        }
      />
    </>
  );
}
