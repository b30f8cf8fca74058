import type { SalesFigures, SalesQuery, SalesReply, SalesRow } from '../../../contracts/sales-report.ts';
import type { Locale } from '../../../contracts/errors.ts';
import type { Db } from '../../platform/db/database.ts';
import { localDate, nextDay, nextMonth, startOfLocalDay } from '../../platform/dates.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { writeSheet } from '../../platform/xlsx.ts';
import { namesOf } from './reports.repository.ts';
import { firstSaleAt, salesOf, type Bounds } from './sales-report.repository.ts';

/** The local calendar months from `from` to `to` (both days inclusive) as instants, each cut to the range. */
export function monthBounds(from: string, to: string, timeZone: string): (Bounds & { label: string })[] {
  const out: (Bounds & { label: string })[] = [];
  const end = nextDay(to);
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = nextMonth(month)) {
    const lo = `${month}-01` < from ? from : `${month}-01`;
    const hi = `${nextMonth(month)}-01` > end ? end : `${nextMonth(month)}-01`;
    out.push({ label: month, from: startOfLocalDay(lo, timeZone), before: startOfLocalDay(hi, timeZone) });
  }
  return out;
}

const zero = (): SalesFigures => ({ orders: 0, net: 0, gross: 0 });
const add = (a: SalesFigures, b: SalesFigures) => {
  a.orders += b.orders;
  a.net += b.net;
  a.gross += b.gross;
};
const yuan = (fen: number) => Math.round(fen) / 100;

/**
 * Sales by customer × month, customer, month or owner for confirmed, not cancelled orders whose
 * order date lies in the range, in the actor's data scope (a rep: own orders, a manager: the
 * team's, admin/finance: all — the same scope as every order read). Sums are integer fen.
 */
export function createSalesReportService(db: Db, timeZone: string) {
  async function report(actor: Actor, q: SalesQuery, locale: Locale): Promise<SalesReply> {
    const today = localDate(new Date(), timeZone);
    const first = q.from ? null : await firstSaleAt(db, actor);
    const from = q.from ?? (first ? localDate(new Date(first), timeZone) : null);
    const to = q.to ?? (from && from > today ? from : today);
    const base = { groupBy: q.groupBy, currency: 'CNY' as const };
    if (!from || to < from) return { ...base, from, to, months: [], items: [], totals: { ...zero(), months: [] } };
    const months = monthBounds(from, to, timeZone);
    const totalsByMonth = new Map<string, SalesFigures>(months.map((m) => [m.label, zero()]));
    const totals = zero();
    let items: SalesRow[];

    if (q.groupBy === 'customer' || q.groupBy === 'owner') {
      const rows = await salesOf(db, actor, [{ label: 'all', from: months[0]!.from, before: months[months.length - 1]!.before }], q.groupBy);
      const names = await namesOf(db, q.groupBy === 'customer' ? 'customer' : 'appUser', rows.map((r) => r.key!));
      items = rows.map(({ key, orders, net, gross }) => ({ key: key!, orders, net, gross, label: names.get(key!) ?? key! }));
      for (const r of rows) add(totals, r);
    } else {
      const rows = await salesOf(db, actor, months, q.groupBy === 'customer_month' ? 'customer' : null);
      for (const r of rows) {
        add(totalsByMonth.get(r.label)!, r);
        add(totals, r);
      }
      if (q.groupBy === 'month') {
        items = months.map((m) => ({ key: m.label, label: m.label, ...totalsByMonth.get(m.label)! }));
      } else {
        const byCustomer = new Map<string, SalesRow & { months: NonNullable<SalesRow['months']> }>();
        for (const r of rows) {
          const id = r.key!;
          let row = byCustomer.get(id);
          if (!row) byCustomer.set(id, (row = { key: id, label: id, ...zero(), months: [] }));
          add(row, r);
          row.months.push({ month: r.label, orders: r.orders, net: r.net, gross: r.gross });
        }
        const names = await namesOf(db, 'customer', [...byCustomer.keys()]);
        items = [...byCustomer.values()].map((r) => ({ ...r, label: names.get(r.key) ?? r.key, months: r.months.sort((a, b) => a.month.localeCompare(b.month)) }));
      }
    }
    if (q.groupBy !== 'month') items.sort((a, b) => b.gross - a.gross || a.label.localeCompare(b.label, locale));
    return { ...base, from, to, months: months.map((m) => m.label), items, totals: { ...totals, months: months.map((m) => ({ month: m.label, ...totalsByMonth.get(m.label)! })) } };
  }

  return {
    report,
    /** The report as a sheet in yuan: customer × month puts gross sales per month in columns, then the totals. */
    async exportXlsx(actor: Actor, q: SalesQuery, locale: Locale): Promise<Buffer> {
      const r = await report(actor, q, locale);
      const en = locale === 'en-US';
      const keyHeader = { customer_month: en ? 'Customer' : '客户', customer: en ? 'Customer' : '客户', owner: en ? 'Owner' : '负责人', month: en ? 'Month' : '月份' }[r.groupBy];
      const tail = en ? ['Orders', 'Net (CNY)', 'Gross (CNY)'] : ['订单数', '不含税金额（元）', '含税金额（元）'];
      const figures = (f: SalesFigures) => [f.orders, yuan(f.net), yuan(f.gross)];
      const totalLabel = en ? 'Total' : '合计';
      if (r.groupBy !== 'customer_month') {
        return writeSheet(en ? 'Sales' : '销售分析', [keyHeader, ...tail], [...r.items.map((i) => [i.label, ...figures(i)]), [totalLabel, ...figures(r.totals)]]);
      }
      const monthHeaders = r.months.map((m) => (en ? `${m} gross (CNY)` : `${m} 含税（元）`));
      const rows = r.items.map((i) => {
        const by = new Map((i.months ?? []).map((m) => [m.month, m.gross]));
        return [i.label, ...r.months.map((m) => (by.has(m) ? yuan(by.get(m)!) : null)), ...figures(i)];
      });
      rows.push([totalLabel, ...r.totals.months.map((m) => yuan(m.gross)), ...figures(r.totals)]);
      return writeSheet(en ? 'Sales' : '销售分析', [keyHeader, ...monthHeaders, ...tail], rows);
    },
  };
}
export type SalesReportService = ReturnType<typeof createSalesReportService>;
