import { App, Card, DatePicker, Segmented, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { salesGroupBys } from '../../../contracts/sales-report.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ExportButton } from '../../components/list-page/export-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { dayjs } from '../../lib/date-field.ts';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { isoDate, oneOf, useUrlFilters } from '../../lib/use-url-filters.ts';
import { exportSales, useSalesReport, type SalesGroupBy } from './sales-api.ts';
import { SalesTable, type Measure } from './sales-table.tsx';


/** The last twelve months up to today (China dates): the range the page opens with. */
function defaultRange() {
  const today = formatDate(new Date().toISOString());
  return { from: `${dayjs(today).subtract(11, 'month').format('YYYY-MM')}-01`, to: today };
}

/**
 * 销售分析: net/gross sales of confirmed orders by customer × month (or customer, month, owner)
 * over an order-date range, with totals and an Excel export; range, grouping and amount in the URL.
 */
export function SalesReport({ tabs }: { tabs: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { filters, setFilters: set } = useUrlFilters({ groupBy: oneOf(salesGroupBys), amount: oneOf(['net'] as const), from: isoDate, to: isoDate });
  const groupBy: SalesGroupBy = filters.groupBy || 'customer_month';
  const measure: Measure = filters.amount || 'gross';
  const fallback = defaultRange();
  const range = { from: filters.from || fallback.from, to: filters.to || fallback.to };
  const report = useSalesReport(groupBy, range);
  const money = (fen: number) => formatMoney(fen, 'CNY', i18n.language === 'en-US' ? 'en-US' : 'zh-CN');
  const runExport = async () => {
    await exportSales(groupBy, range, t('salesReport.exportFile', { date: formatDate(new Date().toISOString()) }));
    void message.success(t('reports.exportDone'));
  };
  return (
    <div className="gd-page" data-testid="sales-report">
      <PageHeader
        title={t('salesReport.title')}
        subtitle={t('salesReport.subtitle')}
        extra={
          <ExportButton run={runExport} label={t('reports.export')} />
        }
      />
      {tabs}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text>{t('salesReport.range')}</Typography.Text>
          <DatePicker.RangePicker
            value={[dayjs(range.from), dayjs(range.to)]}
            onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD') ?? '', to: r?.[1]?.format('YYYY-MM-DD') ?? '' })}
            allowClear={false}
            style={{ width: 250, maxWidth: '100%' }}
          />
          <Segmented<SalesGroupBy> value={groupBy} onChange={(g) => set({ groupBy: g === 'customer_month' ? '' : g })} options={salesGroupBys.map((g) => ({ value: g, label: t(`salesReport.groupBy.${g}`) }))} />
          {groupBy === 'customer_month' && (
            <Segmented<Measure>
              value={measure}
              onChange={(m) => set({ amount: m === 'gross' ? '' : m })}
              options={[
                { value: 'gross', label: t('salesReport.col.gross') },
                { value: 'net', label: t('salesReport.col.net') },
              ]}
            />
          )}
        </Space>
        {report.data && (
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color="blue">{t('salesReport.summary.orders', { count: report.data.totals.orders })}</Tag>
            <Tag color="green">{t('salesReport.summary.gross', { amount: money(report.data.totals.gross) })}</Tag>
            <Tag>{t('salesReport.summary.net', { amount: money(report.data.totals.net) })}</Tag>
          </Space>
        )}
        {report.error && <ErrorAlert error={report.error} />}
        <SalesTable data={report.data} groupBy={groupBy} measure={measure} loading={report.isLoading} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('salesReport.note')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
