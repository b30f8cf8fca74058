import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { StageName } from '../../../contracts/stages.ts';
import type { DelayGroup, DelaysReply, Drill, GroupBy } from './api.ts';

const pct = (n: number) => `${Math.round(n * 1000) / 10}%`;

/** What a group row means for the drill-down (`none`: delays nobody explained). */
export function drillOf(groupBy: GroupBy, g: DelayGroup): Drill {
  if (groupBy === 'stage') return { stage: g.key as StageName };
  if (groupBy === 'owner') return g.key ? { ownerId: g.key } : {};
  if (groupBy === 'customer') return g.key ? { customerId: g.key } : {};
  if (groupBy === 'reason') return { reason: g.key ?? 'none' };
  return g.key ? { month: g.key } : {};
}

/** Late time per group as a table with plain bars; for reasons, the Pareto line (cumulative share). */
export function DelayGroups({ data, groupBy, loading, onDrill }: { data: DelaysReply | undefined; groupBy: GroupBy; loading: boolean; onDrill: (d: Drill, label: string) => void }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...(data?.items ?? []).map((i) => i.lateMinutes));
  const label = (g: DelayGroup) => (groupBy === 'stage' && g.key ? t(`orders.stage.${g.key as StageName}`) : g.key === null ? (groupBy === 'reason' ? t('reports.unattributed') : t('common.none')) : (g.label ?? g.key));
  const columns: ColumnsType<DelayGroup> = [
    { title: t('reports.col.group'), key: 'group', render: (_, g) => <Typography.Link onClick={() => onDrill(drillOf(groupBy, g), label(g))}>{label(g)}</Typography.Link> },
    { title: t('reports.col.stages'), dataIndex: 'stages', align: 'right', width: 110 },
    { title: t('reports.col.lateStages'), dataIndex: 'lateStages', align: 'right', width: 110 },
    { title: t('reports.col.lateDays'), dataIndex: 'lateDays', align: 'right', width: 110 },
    {
      title: t('reports.col.bar'),
      key: 'bar',
      render: (_, g) => (
        <div className="gd-report-bar-wrap">
          <div className="gd-report-bar" style={{ width: `${(g.lateMinutes / max) * 100}%` }} />
        </div>
      ),
    },
    { title: t('reports.col.share'), dataIndex: 'share', align: 'right', width: 90, render: pct },
    ...(groupBy === 'reason' ? [{ title: t('reports.col.cumulative'), dataIndex: 'cumulativeShare', align: 'right' as const, width: 100, render: pct }] : []),
  ];
  return (
    <>
      {groupBy === 'reason' && <Typography.Paragraph type="secondary">{t('reports.pareto')}</Typography.Paragraph>}
      <Table<DelayGroup>
        rowKey={(g) => g.key ?? '∅'}
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 700 }}
        locale={{ emptyText: t('reports.empty') }}
        data-testid="delay-groups"
      />
    </>
  );
}
