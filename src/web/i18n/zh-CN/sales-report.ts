/** 销售分析 (sales by customer × month, customer, month, owner), in Simplified Chinese. */
export const salesReport = {
  tab: '销售分析',
  delaysTab: '责任报表',
  title: '销售分析',
  subtitle: '已确认订单的销售额：按客户和月份汇总，含税与不含税，可导出 Excel。',
  range: '下单日期',
  exportFile: '销售分析-{{date}}.xlsx',
  groupBy: { customer_month: '客户 × 月份', customer: '按客户', month: '按月份', owner: '按负责人' },
  key: { customer_month: '客户', customer: '客户', month: '月份', owner: '负责人' },
  col: { gross: '含税金额', net: '不含税金额', orders: '订单数', total: '合计' },
  total: '合计',
  summary: { orders: '{{count}} 个订单', gross: '含税合计 {{amount}}', net: '不含税 {{amount}}' },
  note: '统计已确认且未取消的订单（不含草稿、待审批、已驳回），按下单日期（北京时间）归月；金额为人民币。',
  empty: '所选期间没有已确认的订单 — 调整下单日期范围试试',
};
