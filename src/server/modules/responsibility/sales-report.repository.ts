import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { tableVia } from '../../platform/db/index-hint.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';

/**
 * Sales figures read from the partial covering index `sales_order_sales_report_idx`
 * (migration 0029): orders that were confirmed and are not cancelled, by order date.
 * The predicate below is the index's, word for word — SQLite uses a partial index only when
 * the query repeats its terms; changing one without the other turns the report into a scan.
 * Raw (parameterized) SQL because SQLite must be told the index (`tableVia`).
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

interface Figures {
  orders: unknown;
  net: unknown;
  gross: unknown;
}
const figures = sql`count(*) as orders, coalesce(sum(net), 0) as net, coalesce(sum(gross), 0) as gross`;
const num = (r: Figures) => ({ orders: Number(r.orders), net: Number(r.net), gross: Number(r.gross) });

/** `from <sales index> where <sale> and <range> and <scope>`, ready for a select list in front. */
function sales(db: Db, actor: Actor, b: Bounds | null): RawBuilder<unknown> {
  const range = b ? sql` and created_at >= ${b.from} and created_at < ${b.before}` : sql``;
  const scope = actor.dataScope === 'all' ? sql`` : sql` and ${scopeCondition(actor, 'owner_id')}`;
  return sql`from ${tableVia(db, 'sales_order', 'sales_order_sales_report_idx')} where ${COUNTS_AS_SALE}${range}${scope}`;
}

/** The first order date that counts as a sale in the actor's scope (the report's default start). */
export async function firstSaleAt(db: Db, actor: Actor): Promise<string | null> {
  const r = await sql<{ at: string | null }>`select min(created_at) as at ${sales(db, actor, null)}`.execute(db);
  return r.rows[0]?.at ?? null;
}

/** Sales per customer or per order owner over one range: one GROUP BY. */
export async function salesBy(db: Db, actor: Actor, key: 'customer' | 'owner', b: Bounds) {
  const col = sql.raw(key === 'customer' ? 'customer_id' : 'owner_id');
  const r = await sql<Figures & { key: string }>`select ${col} as key, ${figures} ${sales(db, actor, b)} group by ${col}`.execute(db);
  return r.rows.map((x) => ({ key: x.key, ...num(x) }));
}

/**
 * Sales per month (and per customer within each month when `perCustomer`). Each month is its
 * own branch of a UNION ALL with the month's bounds computed in the company time zone, so the
 * database never converts times (no dialect date functions) and each branch is an index range.
 */
export async function salesByMonth(db: Db, actor: Actor, months: MonthBounds[], perCustomer: boolean) {
  const out: { month: string; customerId: string | null; orders: number; net: number; gross: number }[] = [];
  for (let i = 0; i < months.length; i += MONTHS_PER_STATEMENT) {
    const branches = months
      .slice(i, i + MONTHS_PER_STATEMENT)
      .map((m) => (perCustomer ? sql`select ${sql.lit(m.month)} as month, customer_id as cid, ${figures} ${sales(db, actor, m)} group by customer_id` : sql`select ${sql.lit(m.month)} as month, null as cid, ${figures} ${sales(db, actor, m)}`));
    const r = await sql<Figures & { month: string; cid: string | null }>`${sql.join(branches, sql` union all `)}`.execute(db);
    for (const x of r.rows) if (Number(x.orders) > 0) out.push({ month: String(x.month), customerId: x.cid ?? null, ...num(x) });
  }
  return out;
}
