import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';

/**
 * Sales figures read from the partial covering index `sales_order_sales_report_idx`
 * (migration 0029): orders that were confirmed and are not cancelled, by order date.
 * The predicate below is the index's, word for word — SQLite uses a partial index only when
 * the query repeats its terms; changing one without the other turns the report into a scan.
 */
const COUNTS_AS_SALE = sql<SqlBool>`confirmed_at is not null and status <> 'cancelled'`;

/** A half-open range of instants (ISO, UTC): `[from, before)`. */
export interface Bounds {
  from: string;
  before: string;
}
/** One calendar month of the company time zone as instants, cut to the report's range. */
export interface MonthBounds extends Bounds {
  month: string;
}

/** SQLite allows 500 terms in one compound SELECT; a month is one term. */
const MONTHS_PER_STATEMENT = 100;

const figures = [sql<number>`count(*)`.as('orders'), sql<number>`coalesce(sum(net), 0)`.as('net'), sql<number>`coalesce(sum(gross), 0)`.as('gross')] as const;
const num = (r: { orders: unknown; net: unknown; gross: unknown }) => ({ orders: Number(r.orders), net: Number(r.net), gross: Number(r.gross) });

function sales(db: Db, actor: Actor, b: Bounds) {
  let qb = db.selectFrom('salesOrder').where(COUNTS_AS_SALE).where('createdAt', '>=', b.from).where('createdAt', '<', b.before);
  if (actor.dataScope !== 'all') qb = qb.where(scopeCondition(actor, 'salesOrder.ownerId'));
  return qb;
}

/** The first order date that counts as a sale in the actor's scope (the report's default start). */
export async function firstSaleAt(db: Db, actor: Actor): Promise<string | null> {
  let qb = db.selectFrom('salesOrder').where(COUNTS_AS_SALE).select(sql<string | null>`min(created_at)`.as('at'));
  if (actor.dataScope !== 'all') qb = qb.where(scopeCondition(actor, 'salesOrder.ownerId'));
  return (await qb.executeTakeFirst())?.at ?? null;
}

/** Sales per customer or per order owner over one range: one GROUP BY. */
export async function salesBy(db: Db, actor: Actor, key: 'customer' | 'owner', b: Bounds) {
  const col = key === 'customer' ? sql<string>`customer_id` : sql<string>`owner_id`;
  const rows = await sales(db, actor, b).select([col.as('key'), ...figures]).groupBy(col).execute();
  return rows.map((r) => ({ key: r.key, ...num(r) }));
}

/**
 * Sales per month (and per customer within each month when `perCustomer`). Each month is its
 * own branch of a UNION ALL with the month's bounds computed in the company time zone, so the
 * database never converts times (no dialect date functions) and each branch is an index range.
 */
export async function salesByMonth(db: Db, actor: Actor, months: MonthBounds[], perCustomer: boolean) {
  const out: { month: string; customerId: string | null; orders: number; net: number; gross: number }[] = [];
  for (let i = 0; i < months.length; i += MONTHS_PER_STATEMENT) {
    const branches = months.slice(i, i + MONTHS_PER_STATEMENT).map((m) => {
      const qb = sales(db, actor, m).select([sql.lit(m.month).as('month'), ...figures]);
      return perCustomer ? qb.select(sql<string | null>`customer_id`.as('customerId')).groupBy(sql`customer_id`) : qb.select(sql<string | null>`null`.as('customerId'));
    });
    const query = branches.slice(1).reduce((all, b) => all.unionAll(b), branches[0]!);
    for (const r of await query.execute()) if (Number(r.orders) > 0) out.push({ month: String(r.month), customerId: r.customerId ?? null, ...num(r) });
  }
  return out;
}
