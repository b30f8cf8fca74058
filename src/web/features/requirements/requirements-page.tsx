import { PlusOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { requirementStatuses } from '../../../contracts/requirements.ts';
import { FilteredList, ListEmpty, SearchFilter } from '../../components/list-page/filtered-list.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { oneOf, text, useUrlFilters } from '../../lib/use-url-filters.ts';
import { useSession } from '../auth/session.ts';
import { CustomerSelect } from '../customers/customer-select.tsx';
import { useRequirementList } from './api.ts';
import { useRequirementColumns } from './requirement-columns.tsx';

const FILTERS = { q: text, status: oneOf(requirementStatuses), customerId: text };

/** 需求: status tabs, search and customer filter (all in the URL), newest first. */
export function RequirementsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { filters, filtered, setFilters, clear } = useUrlFilters(FILTERS);
  const list = useRequirementList(filters);
  const columns = useRequirementColumns();
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
      <FilteredList
        list={list}
        columns={columns}
        count={(count) => t('requirements.count', { count })}
        head={
          <Tabs
            activeKey={filters.status || 'all'}
            onChange={(k) => setFilters({ status: k === 'all' ? '' : k })}
            items={[{ key: 'all', label: t('common.all') }, ...requirementStatuses.map((s) => ({ key: s, label: t(`requirements.status.${s}`) }))]}
            size="small"
          />
        }
        filters={
          <>
            <SearchFilter value={filters.q} onSearch={(q) => setFilters({ q })} placeholder={t('requirements.searchPlaceholder')} width={260} />
            <div style={{ width: 260, maxWidth: '100%' }}>
              <CustomerSelect value={filters.customerId || undefined} onChange={(v) => setFilters({ customerId: v })} allowClear placeholder={t('requirements.customerFilter')} />
            </div>
          </>
        }
        empty={
          <ListEmpty filtered={filtered} onClear={clear} filteredText={t('requirements.emptyFiltered')} text={t('requirements.empty')}>
            {writable && (
              <Link to="/requirements/new">
                <Button type="primary">{t('requirements.create')}</Button>
              </Link>
            )}
          </ListEmpty>
        }
      />
    </>
  );
}
