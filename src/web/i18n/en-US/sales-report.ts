import type { Messages } from '../messages.ts';

/** Sales analysis (by customer × month, customer, month, owner), in English. */
export const salesReport: Messages['salesReport'] = {
  tab: 'Sales',
  delaysTab: 'Responsibility',
  title: 'Sales analysis',
  subtitle: 'Sales of confirmed orders by customer and month, with and without VAT, exportable to Excel.',
  range: 'Order date',
  exportFile: 'sales-{{date}}.xlsx',
  groupBy: { customer_month: 'Customer × month', customer: 'By customer', month: 'By month', owner: 'By owner' },
  key: { customer_month: 'Customer', customer: 'Customer', month: 'Month', owner: 'Owner' },
  col: { gross: 'Gross (incl. VAT)', net: 'Net (excl. VAT)', orders: 'Orders', total: 'Total' },
  total: 'Total',
  summary: { orders: '{{count}} orders', gross: 'Gross {{amount}}', net: 'Net {{amount}}' },
  note: 'Confirmed orders that were not cancelled (no drafts, pending or rejected ones), by order date (China time); amounts in CNY.',
  empty: 'No confirmed orders in this period — try a wider order-date range',
};
