import { z } from 'zod';

/**
 * Sales report (issue 8): net and gross sales and order count of confirmed orders that were not
 * cancelled, by customer × month, customer, month or owner. Months and the `from`/`to` range
 * are calendar days of the order date (created at) in the company time zone. Money in fen (CNY).
 */
export const salesGroupBys = ['customer_month', 'customer', 'month', 'owner'] as const;
export type SalesGroupBy = (typeof salesGroupBys)[number];

/** A calendar day between 2000 and 2099 (a range is at most 1,200 months: a bounded number of index reads). */
const date = z.string().refine((v) => /^20\d{2}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v, { message: 'invalid_date', params: { reason: 'invalid_date' } });

export const salesQuery = z
  .strictObject({ from: date.optional(), to: date.optional(), groupBy: z.enum(salesGroupBys).default('customer_month') })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], params: { reason: 'before_valid_from' }, message: 'before_valid_from' });
  });
export type SalesQuery = z.infer<typeof salesQuery>;

export const salesFigures = z.object({ orders: z.number(), net: z.number(), gross: z.number() });
export type SalesFigures = z.infer<typeof salesFigures>;
export const salesMonth = salesFigures.extend({ month: z.string() });

export const salesRow = salesFigures.extend({
  /** Customer or owner id, or the month (`YYYY-MM`). */
  key: z.string(),
  label: z.string(),
  /** customer_month: the months with sales, oldest first. */
  months: z.array(salesMonth).optional(),
});
export type SalesRow = z.infer<typeof salesRow>;

export const salesReply = z.object({
  groupBy: z.enum(salesGroupBys),
  /** The range the figures cover (a missing `from` starts at the first sale, a missing `to` is today). */
  from: z.string().nullable(),
  to: z.string().nullable(),
  currency: z.literal('CNY'),
  /** Every month of the range, oldest first (the columns of customer × month). */
  months: z.array(z.string()),
  items: z.array(salesRow),
  totals: salesFigures.extend({ months: z.array(salesMonth) }),
});
export type SalesReply = z.infer<typeof salesReply>;
