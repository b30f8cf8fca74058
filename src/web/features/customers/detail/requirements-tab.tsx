import { Button, Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useSession } from '../../auth/session.ts';
import { useRequirementList, type RequirementListItem } from '../../requirements/api.ts';
import { useRequirementColumns } from '../../requirements/requirement-columns.tsx';

/** 需求单 of this customer. */
export function RequirementsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const list = useRequirementList({ q: '', status: '', customerId });
  const columns = useRequirementColumns(false);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const newLink = `/requirements/new?customerId=${customerId}`;
  return (
    <>
      {list.error && <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
      <Table<RequirementListItem>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('requirements.emptyForCustomer')}>
              {can('requirements:write') && (
                <Link to={newLink}>
                  <Button type="primary">{t('requirements.create')}</Button>
                </Link>
              )}
            </Empty>
          ),
        }}
      />
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ marginTop: 12 }}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}
