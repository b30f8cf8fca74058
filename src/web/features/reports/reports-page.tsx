import { App, Card, DatePicker, Segmented, Space, Tabs, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { reportGroupBys } from '../../../contracts/responsibility.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ExportButton } from '../../components/list-page/export-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { dayjs } from '../../lib/date-field.ts';
import { formatDate } from '../../lib/format.ts';
import { isoDate, oneOf, useUrlFilters } from '../../lib/use-url-filters.ts';
import '../workbench/workbench.css';
import { exportDelays, useDelays, useLeadTimes, type Drill, type GroupBy } from './api.ts';
import { DelayGroups } from './delay-groups.tsx';
import { DelayOrders } from './delay-orders.tsx';
import { LeadTimes } from './lead-times.tsx';
import { SalesReport } from './sales-report.tsx';


/** 报表: 责任报表 (delays) and 销售分析 (sales) as tabs; `view=sales` in the URL opens the sales one. */
export function ReportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'sales' ? 'sales' : 'delays';
  // Each tab has its own range meaning (finished vs ordered) and groupings: switching starts clean.
  const tabs = <Tabs activeKey={view} onChange={(k) => setParams(k === 'sales' ? { view: 'sales' } : {}, { replace: true })} items={[{ key: 'delays', label: t('salesReport.delaysTab') }, { key: 'sales', label: t('salesReport.tab') }]} />;
  return view === 'sales' ? <SalesReport tabs={tabs} /> : <DelaysReport tabs={tabs} />;
}

/**
 * 责任报表: late days by stage, owner, customer, reason (Pareto) or month for stages finished in
 * the range; lead-time percentiles and on-time rate; a click on a row lists its late stages;
 * Excel export of that list. Range and grouping live in the URL.
 */
function DelaysReport({ tabs }: { tabs: ReactNode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { filters, setFilters: set } = useUrlFilters({ groupBy: oneOf(reportGroupBys), from: isoDate, to: isoDate });
  const groupBy: GroupBy = filters.groupBy || 'stage';
  const range = { from: filters.from, to: filters.to };
  const [drill, setDrill] = useState<{ filter: Drill; label: string } | null>(null);
  const delays = useDelays(groupBy, range);
  const leadTimes = useLeadTimes(range);
  const runExport = async () => {
    await exportDelays(range, drill?.filter ?? {}, t('reports.exportFile', { date: formatDate(new Date().toISOString()) }));
    void message.success(t('reports.exportDone'));
  };
  return (
    <div className="gd-page" data-testid="reports-page">
      <PageHeader
        title={t('reports.title')}
        subtitle={t('reports.subtitle')}
        extra={
          <ExportButton run={runExport} label={t('reports.export')} />
        }
      />
      {tabs}
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small">
          <Space wrap style={{ marginBottom: 12 }}>
            <Typography.Text>{t('reports.range')}</Typography.Text>
            <DatePicker.RangePicker
              value={range.from || range.to ? [range.from ? dayjs(range.from) : null, range.to ? dayjs(range.to) : null] : null}
              onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD') ?? '', to: r?.[1]?.format('YYYY-MM-DD') ?? '' })}
              allowEmpty={[true, true]}
              style={{ width: 250, maxWidth: '100%' }}
            />
            <Segmented<GroupBy>
              value={groupBy}
              onChange={(g) => {
                set({ groupBy: g === 'stage' ? '' : g });
                setDrill(null);
              }}
              options={reportGroupBys.map((g) => ({ value: g, label: t(`reports.groupBy.${g}`) }))}
            />
            {delays.data && <Tag color="volcano">{t('reports.total', { days: Math.round((delays.data.totalLateMinutes / 1440) * 10) / 10 })}</Tag>}
          </Space>
          {delays.error && <ErrorAlert error={delays.error} />}
          <DelayGroups data={delays.data} groupBy={groupBy} loading={delays.isLoading} onDrill={(filter, label) => setDrill({ filter, label })} />
        </Card>
        <Card size="small" title={t('reports.leadTimes.title')}>
          {leadTimes.error && <ErrorAlert error={leadTimes.error} />}
          <LeadTimes rows={leadTimes.data ?? []} loading={leadTimes.isLoading} />
        </Card>
        <Card
          size="small"
          title={t('reports.drill.title')}
          extra={
            drill ? (
              <Tag closable onClose={() => setDrill(null)} aria-label={t('reports.drill.clear')}>
                {t('reports.drill.filter', { label: drill.label })}
              </Tag>
            ) : (
              <Typography.Text type="secondary">{t('reports.drill.hint')}</Typography.Text>
            )
          }
        >
          <DelayOrders range={range} drill={drill?.filter ?? {}} />
        </Card>
      </Space>
    </div>
  );
}
