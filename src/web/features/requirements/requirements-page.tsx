import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Table, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { requirementStatuses } from '../../../contracts/requirements.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useSession } from '../auth/session.ts';
import { CustomerSelect } from '../customers/customer-select.tsx';
import { useRequirementList, type RequirementFilters, type RequirementListItem } from './api.ts';
import { useRequirementColumns } from './requirement-columns.tsx';

/** 需求: status tabs, search and customer filter (all in the URL), newest first. */
export function RequirementsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const filters: RequirementFilters = {
    q: params.get('q') ?? '',
    status: (requirementStatuses as readonly string[]).includes(status) ? (status as RequirementFilters['status']) : '',
    customerId: params.get('customerId') ?? '',
  };
  const setFilter = (key: keyof RequirementFilters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const list = useRequirementList(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns = useRequirementColumns();
  const filtered = !!(filters.q || filters.status || filters.customerId);
  const writable = can('requirements:write');

  return (
    <>
      <PageHeader
        title={t('requirements.title')}
        subtitle={t('requirements.subtitle')}
        extra={
          writable && (
            <Link to={filters.customerId ? `/requirements/new?customerId=${filters.customerId}` : '/requirements/new'}>
              <Button type="primary" icon={<PlusOutlined />} data-testid="create-requirement">
                {t('requirements.create')}
              </Button>
            </Link>
          )
        }
      />
      <Card size="small">
        <Tabs
          activeKey={filters.status || 'all'}
          onChange={(k) => setFilter('status', k === 'all' ? '' : k)}
          items={[{ key: 'all', label: t('common.all') }, ...requirementStatuses.map((s) => ({ key: s, label: t(`requirements.status.${s}`) }))]}
          size="small"
        />
        <div className="gd-filter-bar">
          <Input.Search key={filters.q} defaultValue={filters.q} placeholder={t('requirements.searchPlaceholder')} allowClear onSearch={(v) => setFilter('q', v.trim())} style={{ width: 260, maxWidth: '100%' }} />
          <div style={{ width: 260, maxWidth: '100%' }}>
            <CustomerSelect value={filters.customerId || undefined} onChange={(v) => setFilter('customerId', v)} allowClear placeholder={t('requirements.customerFilter')} />
          </div>
        </div>
        {list.error && <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
        <Table<RequirementListItem>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage && list.isPlaceholderData)}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: filtered ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('requirements.emptyFiltered')}>
                <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>{t('common.clearFilters')}</Button>
              </Empty>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('requirements.empty')}>
                {writable && (
                  <Link to="/requirements/new">
                    <Button type="primary">{t('requirements.create')}</Button>
                  </Link>
                )}
              </Empty>
            ),
          }}
        />
        <div className="gd-table-foot">
          <span>{t('requirements.count', { count: rows.length })}</span>
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
