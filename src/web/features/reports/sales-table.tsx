import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { SalesRow } from '../../../contracts/sales-report.ts';
import { formatMoney } from '../../lib/format.ts';
import type { SalesGroupBy, SalesReply } from './sales-api.ts';

export type Measure = 'gross' | 'net';

/**
 * Customer × month: a row per customer, a column per month of the range with the chosen amount
 * (含税 or 不含税), the customer's total and order count, and a totals row per month. The other
 * groupings: one row per customer, owner or month with orders, net and gross.
 */
export function SalesTable({ data, groupBy, measure, loading }: { data: SalesReply | undefined; groupBy: SalesGroupBy; measure: Measure; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const money = (fen: number) => formatMoney(fen, 'CNY', i18n.language === 'en-US' ? 'en-US' : 'zh-CN');
  const months = data?.months ?? [];
  const keyTitle = t(`salesReport.key.${groupBy}`);
  const amount = { title: measure === 'gross' ? t('salesReport.col.gross') : t('salesReport.col.net'), key: 'amount', align: 'right' as const, width: 150, render: (_: unknown, r: SalesRow) => <Typography.Text strong>{money(r[measure])}</Typography.Text> };
  const orders = { title: t('salesReport.col.orders'), dataIndex: 'orders', align: 'right' as const, width: 90 };
  const columns: ColumnsType<SalesRow> =
    groupBy === 'customer_month'
      ? [
          { title: keyTitle, dataIndex: 'label', fixed: 'left', width: 200, ellipsis: true },
          ...months.map((m) => ({
            title: m,
            key: m,
            align: 'right' as const,
            width: 130,
            render: (_: unknown, r: SalesRow) => {
              const cell = r.months?.find((x) => x.month === m);
              return cell ? money(cell[measure]) : <Typography.Text type="secondary">—</Typography.Text>;
            },
          })),
          { ...amount, title: t('salesReport.col.total'), fixed: 'right' },
          { ...orders, fixed: 'right' },
        ]
      : [
          { title: keyTitle, dataIndex: 'label', ellipsis: true },
          orders,
          { title: t('salesReport.col.net'), dataIndex: 'net', align: 'right', width: 150, render: (v: number) => money(v) },
          { title: t('salesReport.col.gross'), dataIndex: 'gross', align: 'right', width: 150, render: (v: number) => money(v) },
        ];
  const totals = data?.totals;
  return (
    <Table<SalesRow>
      rowKey="key"
      size="small"
      loading={loading}
      dataSource={data?.items ?? []}
      columns={columns}
      pagination={{ defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
      scroll={{ x: groupBy === 'customer_month' ? 200 + months.length * 130 + 240 : 640 }}
      locale={{ emptyText: t('salesReport.empty') }}
      data-testid="sales-table"
      summary={() =>
        totals && (data?.items.length ?? 0) > 0 ? (
          <Table.Summary fixed="bottom">
            <Table.Summary.Row className="gd-sales-total">
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('salesReport.total')}</Typography.Text>
              </Table.Summary.Cell>
              {groupBy === 'customer_month' ? (
                <>
                  {totals.months.map((m, i) => (
                    <Table.Summary.Cell key={m.month} index={i + 1} align="right">
                      {m.orders ? money(m[measure]) : <Typography.Text type="secondary">—</Typography.Text>}
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={months.length + 1} align="right">
                    <Typography.Text strong>{money(totals[measure])}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={months.length + 2} align="right">
                    {totals.orders}
                  </Table.Summary.Cell>
                </>
              ) : (
                <>
                  <Table.Summary.Cell index={1} align="right">
                    {totals.orders}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    {money(totals.net)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    <Typography.Text strong>{money(totals.gross)}</Typography.Text>
                  </Table.Summary.Cell>
                </>
              )}
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
