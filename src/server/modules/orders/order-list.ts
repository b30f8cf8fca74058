import type { Writable } from 'node:stream';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { ORDER_EXPORT_MAX_ROWS, orderExportColumns, orderStatusLabels, priorityLabels, type OrderCounts, type OrderFilterQuery } from '../../../contracts/order-list.ts';
import { orderStatuses, type orderListQuery } from '../../../contracts/orders.ts';
import type { Locale } from '../../../contracts/errors.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { localDate, nextDay, startOfLocalDay } from '../../platform/dates.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { streamSheet } from '../../platform/xlsx-stream.ts';
import { toOrder } from './order.mapper.ts';
import { countOrdersByStatus, orderLines, selectOrderExportRows, selectOrders, textCandidates, type OrderFilter } from './orders.repository.ts';

const BATCH = 500;


/** Query params as the API takes them → the repository's filter: `from`/`to` are days in the company time zone, both inclusive. */
export function resolveFilter(q: OrderFilterQuery, timeZone: string, withStatus = true): OrderFilter {
  return {
    q: q.q?.trim() || undefined,
    status: withStatus ? q.status : undefined,
    customerId: q.customerId,
    ownerId: q.ownerId,
    priority: q.priority,
    createdFrom: q.from ? startOfLocalDay(q.from, timeZone) : undefined,
    createdBefore: q.to ? startOfLocalDay(nextDay(q.to), timeZone) : undefined,
    overdueOn: q.overdue === 'true' ? localDate(new Date(), timeZone) : undefined,
    hasWarnings: q.hasWarnings === 'true',
  };
}

/** Text that looks like (part of) an order or PO number: letters and digits joined by dashes, with a digit. */
const NUMBER_LIKE = /^(?=.*\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]*)*$/;
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A number search the indexes answer (migration 0026): the order number by its start
 * ("SO-2026112") or its end ("0042", "1127-0042", through the reversed number), or the PO
 * number by its start. Each range is checked again with LIKE, so whatever the collation no
 * other row slips in. Free text (a customer name) keeps the repository's substring search.
 */
function numberSearch(text: string) {
  const up = text.toUpperCase();
  const rev = [...up].reverse().join('');
  const startsWith = (col: Expression<string | null>, v: string) => (eb: ExpressionBuilder<any, any>) =>
    eb.and([eb(col, '>=', v), eb(col, '<', `${v}\uffff`), eb(col, 'like', sql<string>`${`${likeLiteral(v)}%`} escape '\\'`)]);
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> =>
    eb.or([
      startsWith(sql.ref<string>('salesOrder.number'), up)(eb),
      eb.and([startsWith(sql.ref<string>('salesOrder.numberRev'), rev)(eb), eb(sql.ref<string>('salesOrder.number'), 'like', sql<string>`${`%${likeLiteral(up)}`} escape '\\'`)]),
      startsWith(sql.ref<string | null>('salesOrder.customerPo'), text)(eb),
    ]);
}

/** More candidates than this and a free-text search scans instead (the text is common). */
const TEXT_CANDIDATES_MAX = 2000;

/**
 * How the filter's text is searched: a number through its indexes (`match`, the text taken out
 * of the filter); free text through the trigram indexes' candidates (`ids`), each checked again
 * by the repository's substring match; or, for a short or common text, by that match alone.
 */
export async function splitSearch(db: Db, filter: OrderFilter): Promise<{ filter: OrderFilter; match: ReturnType<typeof numberSearch> | null }> {
  if (!filter.q) return { filter, match: null };
  if (NUMBER_LIKE.test(filter.q)) return { filter: { ...filter, q: undefined }, match: numberSearch(filter.q) };
  const ids = await textCandidates(db, filter.q, TEXT_CANDIDATES_MAX);
  return { filter: ids ? { ...filter, ids } : filter, match: null };
}

/** The order list, its tab counts and its Excel export — one filter, one data scope. `maxRows` caps exports (tests lower it). */
export function createOrderList(db: Db, config: Pick<Config, 'timeZone'>, limits: { maxRows: number } = { maxRows: ORDER_EXPORT_MAX_ROWS }) {
  const { maxRows } = limits;
  const timeFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: config.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

  /** Orders per status: the repository's GROUP BY, or the same over the list's builder for a number search. */
  const countByStatus = async (actor: Actor, f: OrderFilter) => {
    const { filter, match } = await splitSearch(db, f);
    if (!match) return countOrdersByStatus(db, actor, filter);
    const rows = await selectOrders(db, actor, filter)
      .where(match)
      .clearSelect()
      .select((eb) => ['salesOrder.status', eb.fn.countAll<number>().as('n')])
      .groupBy('salesOrder.status')
      .execute();
    return new Map(rows.map((r) => [r.status, Number(r.n)]));
  };

  return {
    async list(actor: Actor, q: z.infer<typeof orderListQuery>) {
      const after = decodeCursor(q.cursor);
      const { filter, match } = await splitSearch(db, resolveFilter(q, config.timeZone));
      // A priority with a created-at range is walked by created_at (then id), newest first like
      // the id order (ids are time-sorted): the index (priority, created_at) is then read backwards
      // and stops after one page. By id, PostgreSQL walked the primary key back from the newest
      // order to the range (bench/lists.bench.ts). Without a priority no index leads with
      // created_at, so the id order stays.
      const byCreated = !!(filter.priority && (filter.createdFrom || filter.createdBefore));
      let qb = selectOrders(db, actor, filter).limit(q.limit + 1);
      qb = byCreated ? qb.orderBy('salesOrder.createdAt', 'desc').orderBy('salesOrder.id', 'desc') : qb.orderBy('salesOrder.id', 'desc');
      if (match) qb = qb.where(match);
      if (after && byCreated && after.length === 2) {
        const [at, id] = after.map(String) as [string, string];
        // The plain `<=` bounds the index range; the OR breaks ties on the same instant by id.
        qb = qb.where('salesOrder.createdAt', '<=', at).where((eb) => eb.or([eb('salesOrder.createdAt', '<', at), eb('salesOrder.id', '<', id)]));
      } else if (after) qb = qb.where('salesOrder.id', '<', String(after[after.length - 1]));
      const page = toPage(await qb.execute(), q.limit, (r) => (byCreated ? [r.createdAt, r.id] : [r.id]));
      const counts = new Map<string, number>();
      for (const l of await orderLines.of(db, page.items.map((r) => r.id))) counts.set(l.orderId, (counts.get(l.orderId) ?? 0) + 1);
      return {
        items: page.items.map((r) => {
          const { lines: _l, shipToAddress: _s, customFields: _c, note: _n, ...rest } = toOrder(r, []);
          return { ...rest, lineCount: counts.get(r.id) ?? 0 };
        }),
        nextCursor: page.nextCursor,
      };
    },

    /** Orders per status under the list's other filters (the status tab itself is ignored), every status present. */
    async counts(actor: Actor, q: OrderFilterQuery): Promise<OrderCounts> {
      const found = await countByStatus(actor, resolveFilter(q, config.timeZone, false));
      const byStatus = Object.fromEntries(orderStatuses.map((s) => [s, found.get(s) ?? 0])) as OrderCounts['byStatus'];
      return { byStatus, total: [...found.values()].reduce((a, b) => a + b, 0) };
    },

    /** How many orders an export with these filters would hold, and whether the cap cuts it. */
    async exportSize(actor: Actor, q: OrderFilterQuery) {
      const found = await countByStatus(actor, resolveFilter(q, config.timeZone));
      const total = [...found.values()].reduce((a, b) => a + b, 0);
      return { total, rows: Math.min(total, maxRows), truncated: total > maxRows };
    },

    /**
     * Writes the filtered orders as .xlsx to `out`, newest first, at most `maxRows` (streamed,
     * memory flat). Columns follow the caller's field rules: a hidden field has no column at all.
     */
    async exportXlsx(actor: Actor, q: OrderFilterQuery, locale: Locale, out: Writable): Promise<void> {
      const { filter, match } = await splitSearch(db, resolveFilter(q, config.timeZone));
      await streamSheet(out, locale, {
        sheet: { zh: '订单', en: 'Orders' },
        columns: orderExportColumns.filter((c) => !('field' in c) || !actor.hiddenFields.has(c.field)),
        numFmt: { gross: '#,##0.00', marginPct: '0.00' },
        maxRows,
        batch: BATCH,
        page: (before, limit) => {
          let qb = selectOrderExportRows(db, actor, filter).orderBy('salesOrder.id', 'desc').limit(limit);
          if (match) qb = qb.where(match);
          return (before ? qb.where('salesOrder.id', '<', before) : qb).execute();
        },
        values: (r, en) => ({
          number: r.number,
          customer: r.customerName ?? null,
          status: en ? orderStatusLabels[r.status].en : orderStatusLabels[r.status].zh,
          priority: en ? priorityLabels[r.priority].en : priorityLabels[r.priority].zh,
          promisedDate: r.promisedDate,
          gross: Math.round(Number(r.gross)) / 100,
          owner: r.ownerName ?? null,
          createdAt: timeFormat.format(new Date(r.createdAt)),
          customerPo: r.customerPo,
          marginPct: json.read<{ marginPct?: number }>(r.facts, {}).marginPct ?? null,
        }),
      });
    },
  };
}

export type OrderList = ReturnType<typeof createOrderList>;
