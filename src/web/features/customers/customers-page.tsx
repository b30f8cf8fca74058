import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Segmented, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { customerStatuses, customerTiers } from '../../../contracts/customers.ts';
import { provinceOptions } from '../../components/division-cascader.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useSession } from '../auth/session.ts';
import { useCustomerList, type CustomerFilters, type CustomerListItem } from './api.ts';
import { useCustomerColumns } from './customer-columns.tsx';
import { useOwnerOptions } from './use-owner-options.ts';

const FILTER_KEYS = ['q', 'tier', 'status', 'province', 'ownerId'] as const;

/** 客户: filters kept in the URL (a reload or a shared link shows the same list), dense table. */
export function CustomersPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const pick = <T extends string>(key: string, allowed: readonly T[]): '' | T => {
    const v = params.get(key) ?? '';
    return (allowed as readonly string[]).includes(v) ? (v as T) : '';
  };
  const filters: CustomerFilters = {
    q: params.get('q') ?? '',
    tier: pick('tier', customerTiers),
    status: pick('status', customerStatuses),
    province: params.get('province') ?? '',
    ownerId: params.get('ownerId') ?? '',
  };
  const filtered = FILTER_KEYS.some((k) => filters[k]);
  const setFilter = (key: keyof CustomerFilters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const clear = () => setParams(new URLSearchParams(), { replace: true });

  const list = useCustomerList(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const owners = useOwnerOptions(rows.map((r) => ({ id: r.ownerId, name: r.ownerName })));
  const columns = useCustomerColumns();
  const writable = can('customers:write');

  const empty = filtered ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.emptyFiltered')}>
      <Button onClick={clear}>{t('common.clearFilters')}</Button>
    </Empty>
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={writable ? t('customers.empty') : t('customers.emptyReadOnly')}>
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
    </Empty>
  );

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
      <Card size="small">
        <div className="gd-filter-bar">
          <Input.Search
            key={filters.q}
            defaultValue={filters.q}
            placeholder={t('customers.searchPlaceholder')}
            allowClear
            onSearch={(v) => setFilter('q', v.trim())}
            style={{ width: 280, maxWidth: '100%' }}
          />
          <Segmented
            value={filters.status}
            onChange={(v) => setFilter('status', v)}
            options={[{ value: '', label: t('common.all') }, ...customerStatuses.map((s) => ({ value: s, label: t(`customers.status.${s}`) }))]}
          />
          <Select
            value={filters.tier || undefined}
            onChange={(v?: string) => setFilter('tier', v ?? '')}
            placeholder={t('customers.tierFilter')}
            allowClear
            options={customerTiers.map((x) => ({ value: x, label: t(`customers.tier.${x}`) }))}
            style={{ width: 130 }}
          />
          <Select
            value={filters.province || undefined}
            onChange={(v?: string) => setFilter('province', v ?? '')}
            placeholder={t('customers.provinceFilter')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={provinceOptions}
            style={{ width: 150 }}
          />
          <Select
            value={filters.ownerId || undefined}
            onChange={(v?: string) => setFilter('ownerId', v ?? '')}
            placeholder={t('customers.ownerFilter')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={owners}
            style={{ width: 150 }}
          />
        </div>
        {list.error && <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
        <Table<CustomerListItem>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage && list.isPlaceholderData)}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(c) => ({ onDoubleClick: () => void navigate(`/customers/${c.id}`) })}
          locale={{ emptyText: empty }}
          data-testid="customer-table"
        />
        <div className="gd-table-foot">
          <span>{t('customers.count', { count: rows.length })}</span>
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
