import { z } from 'zod';
import { orderListQuery, orderStatuses, priorities, type OrderStatus } from './orders.ts';

/** The order list's filters without paging: shared by the list, the tab counts, the export and saved views. */
export const orderFilterQuery = orderListQuery.omit({ limit: true, cursor: true });
export type OrderFilterQuery = z.infer<typeof orderFilterQuery>;

/** `GET /orders/counts`: orders per status under the same filters (status itself ignored), in the caller's scope. */
export const orderCountsReply = z.object({
  byStatus: z.record(z.enum(orderStatuses), z.number()),
  total: z.number(),
});
export type OrderCounts = z.infer<typeof orderCountsReply>;

/** At most this many rows go into one export; the reply says when more matched. */
export const ORDER_EXPORT_MAX_ROWS = 50_000;

/** Status and priority words in exported files (the web app's i18n has the same words; a test keeps them equal). */
export const orderStatusLabels: Record<OrderStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  pending_approval: { zh: '待审批', en: 'Pending approval' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  in_fulfilment: { zh: '履约中', en: 'In fulfilment' },
  partially_shipped: { zh: '部分发货', en: 'Partly shipped' },
  shipped: { zh: '已发货', en: 'Shipped' },
  delivered: { zh: '已签收', en: 'Delivered' },
  completed: { zh: '已完成', en: 'Completed' },
  on_hold: { zh: '已暂停', en: 'On hold' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};
export const priorityLabels: Record<(typeof priorities)[number], { zh: string; en: string }> = {
  low: { zh: '低', en: 'Low' },
  normal: { zh: '普通', en: 'Normal' },
  high: { zh: '高', en: 'High' },
  urgent: { zh: '紧急', en: 'Urgent' },
};

/** Export columns in order; amounts in yuan, times in the company time zone. */
export const orderExportColumns = [
  { key: 'number', zh: '订单号', en: 'Order number', width: 20 },
  { key: 'customer', zh: '客户', en: 'Customer', width: 28 },
  { key: 'status', zh: '状态', en: 'Status', width: 12 },
  { key: 'priority', zh: '优先级', en: 'Priority', width: 10 },
  { key: 'promisedDate', zh: '承诺交期', en: 'Promised date', width: 14 },
  { key: 'gross', zh: '含税金额（元）', en: 'Amount incl. tax (CNY)', width: 18 },
  { key: 'owner', zh: '负责人', en: 'Owner', width: 12 },
  { key: 'createdAt', zh: '创建时间', en: 'Created at', width: 18 },
  { key: 'customerPo', zh: '客户 PO 号', en: 'Customer PO', width: 18 },
  /** Margin at submit; only for roles that may see margins (field rule `order.margin`). */
  { key: 'marginPct', zh: '毛利率（%）', en: 'Margin (%)', width: 12, field: 'order.margin' },
] as const;
