import type { StageName } from '../../../contracts/stages.ts';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { durationText } from '../workbench/duration.ts';
import type { LeadTimeRow } from './api.ts';

/** p50/p90 lead time and on-time rate per stage. */
export function LeadTimes({ rows, loading }: { rows: LeadTimeRow[]; loading: boolean }) {
  const { t } = useTranslation();
  const dur = (m: number | null) => (m === null ? t('common.none') : durationText(t, 'reports', m));
  return (
    <Table<LeadTimeRow>
      rowKey="stage"
      size="small"
      loading={loading}
      dataSource={rows.filter((r) => r.completed > 0)}
      pagination={false}
      scroll={{ x: 560 }}
      locale={{ emptyText: t('reports.empty') }}
      columns={[
        { title: t('reports.leadTimes.stage'), dataIndex: 'stage', render: (s: StageName) => t(`orders.stage.${s}`) },
        { title: t('reports.leadTimes.completed'), dataIndex: 'completed', align: 'right' },
        { title: t('reports.leadTimes.p50'), dataIndex: 'p50Minutes', align: 'right', render: dur },
        { title: t('reports.leadTimes.p90'), dataIndex: 'p90Minutes', align: 'right', render: dur },
        { title: t('reports.leadTimes.onTime'), dataIndex: 'onTimeRate', align: 'right', render: (r: number | null) => (r === null ? t('common.none') : `${Math.round(r * 1000) / 10}%`) },
      ]}
    />
  );
}
