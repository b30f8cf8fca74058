import type { StageName } from '../../../contracts/stages.ts';
import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useDelayReasons } from '../workbench/api.ts';
import { durationText } from '../workbench/duration.ts';
import { useDelayOrders, type DelayOrderRow, type Drill, type Range } from './api.ts';

/** The late stages behind a report row: order, stage, owner, due vs finished, reason. */
export function DelayOrders({ range, drill }: { range: Range; drill: Drill }) {
  const { t } = useTranslation();
  const list = useDelayOrders(range, drill);
  const reasons = useDelayReasons();
  const en = currentLanguage() === 'en-US';
  const reasonLabel = (code: string | null) => {
    if (!code) return t('reports.unattributed');
    const r = reasons.data?.find((x) => x.code === code);
    return r ? (en ? r.labelEn : r.labelZh) : code;
  };
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Table<DelayOrderRow>
        rowKey={(r) => `${r.orderId}:${r.stage}`}
        size="small"
        loading={list.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: t('reports.empty') }}
        data-testid="delay-orders"
        columns={[
          { title: t('reports.drill.order'), key: 'order', render: (_, r) => <Link to={`/orders/${r.orderId}`}>{r.number ?? r.orderId}</Link> },
          { title: t('reports.drill.customer'), dataIndex: 'customerName', ellipsis: true },
          { title: t('reports.drill.stage'), dataIndex: 'stage', render: (s: StageName) => t(`orders.stage.${s}`) },
          { title: t('reports.drill.owner'), dataIndex: 'ownerName' },
          { title: t('reports.drill.due'), dataIndex: 'dueAt', render: formatDateTime },
          { title: t('reports.drill.completed'), dataIndex: 'completedAt', render: formatDateTime },
          { title: t('reports.drill.late'), dataIndex: 'lateMinutes', align: 'right', render: (m: number) => durationText(t, 'reports', m) },
          { title: t('reports.drill.reason'), dataIndex: 'delayReason', render: reasonLabel },
          { title: t('reports.drill.note'), dataIndex: 'delayNote', ellipsis: true },
        ]}
      />
      {list.hasNextPage && (
        <Button style={{ marginTop: 8 }} onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}
