import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { nextMonth } from '../../platform/dates.ts';
import { dialectOf } from '../../platform/db/dialect.ts';
import { tableVia } from '../../platform/db/index-hint.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';

/**
 * Sales figures (orders that were confirmed and are not cancelled, by order date) read from the
 * running monthly sums of `sales_month` (migration 0031) for whole UTC months, and from the
 * partial covering index `sales_order_sales_report_idx` (migration 0029) for the hours between.
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

interface Figures {
  orders: unknown;
  net: unknown;
  gross: unknown;
}
const figures = sql`count(*) as orders, coalesce(sum(net), 0) as net, coalesce(sum(gross), 0) as gross`;

/**
 * `from <sales index> where <sale> and <scope>`, ready for a select list in front; `inRange`
 * keeps to the range `v.a`–`v.b` of a ranges table `v (p, a, b)`, and `joinRanges` joins it.
 */
function sales(db: Db, actor: Actor, opts: { inRange?: boolean; joinRanges?: boolean } = {}): RawBuilder<unknown> {
  const scope = actor.dataScope === 'all' ? sql`` : sql` and ${scopeCondition(actor, 'owner_id')}`;
  const index = tableVia(db, 'sales_order', 'sales_order_sales_report_idx');
  const within = opts.inRange ? sql` and created_at >= v.a and created_at < v.b` : sql``;
  return sql`from ${opts.joinRanges ? sql`v, ${index}` : index} where ${COUNTS_AS_SALE}${within}${scope}`;
}

/** The first order date that counts as a sale in the actor's scope (the report's default start). */
export async function firstSaleAt(db: Db, actor: Actor): Promise<string | null> {
  const r = await sql<{ at: string | null }>`select min(created_at) as at ${sales(db, actor)}`.execute(db);
  return r.rows[0]?.at ?? null;
}

/** Three parameters a range: well under SQLite's and PostgreSQL's limits. */
const RANGES_PER_STATEMENT = 500;

const utcMonthStart = (month: string) => `${month}-01T00:00:00.000Z`;
const span = (b: Bounds) => Date.parse(b.before) - Date.parse(b.from);

type Sign = 1 | -1;
/** How one range is read: whole UTC months of `sales_month` plus or minus ranges of the index at its ends. */
export interface Plan {
  months: { month: string; sign: Sign }[];
  ranges: (Bounds & { sign: Sign })[];
}

/**
 * A range of instants as whole UTC months of the summary (migration 0031) and the index for the
 * rest. Each end either adds the part of its month inside the range from the index, or takes
 * the month from the summary and subtracts the part outside — whichever reads fewer hours. A
 * month of China time is thus its UTC month, plus 8 hours of the month before, minus its own
 * last 8 hours.
 */
export function plan(b: Bounds): Plan {
  if (span(b) <= 0) return { months: [], ranges: [] };
  const first = b.from.slice(0, 7);
  const last = new Date(Date.parse(b.before) - 1).toISOString().slice(0, 7);
  const head = { from: utcMonthStart(first), before: b.from };
  const tail = { from: b.before, before: utcMonthStart(nextMonth(last)) };
  const out: Plan = { months: [], ranges: [] };
  if (first === last) {
    if (span(b) <= span(head) + span(tail)) out.ranges.push({ ...b, sign: 1 });
    else out.months.push({ month: first, sign: 1 }), out.ranges.push({ ...head, sign: -1 }, { ...tail, sign: -1 });
  } else {
    const headInside = { from: b.from, before: utcMonthStart(nextMonth(first)) };
    const tailInside = { from: utcMonthStart(last), before: b.before };
    if (span(headInside) < span(head)) out.ranges.push({ ...headInside, sign: 1 });
    else out.months.push({ month: first, sign: 1 }), out.ranges.push({ ...head, sign: -1 });
    for (let m = nextMonth(first); m < last; m = nextMonth(m)) out.months.push({ month: m, sign: 1 });
    if (span(tailInside) < span(tail)) out.ranges.push({ ...tailInside, sign: 1 });
    else out.months.push({ month: last, sign: 1 }), out.ranges.push({ ...tail, sign: -1 });
  }
  out.ranges = out.ranges.filter((r) => span(r) > 0);
  return out;
}

type Cell = { label: string; key: string | null; orders: number; net: number; gross: number };

/**
 * Sales of each labelled range (a month, or the whole report range), per customer or owner
 * (`by`) or in total: the summary's whole UTC months and the index ranges at the ends, read at
 * the same time (two connections on PostgreSQL) and added up with their signs. Only cells with
 * orders are returned.
 */
export async function salesOf(db: Db, actor: Actor, parts: (Bounds & { label: string })[], by: 'customer' | 'owner' | null): Promise<Cell[]> {
  const col = by ? sql.raw(by === 'customer' ? 'customer_id' : 'owner_id') : sql`null`;
  const scope = actor.dataScope === 'all' ? sql`` : sql` and ${scopeCondition(actor, 'owner_id')}`;
  const plans = parts.map((p) => ({ label: p.label, ...plan(p) }));
  const byMonth = new Map<string, { label: string; sign: Sign }[]>();
  for (const p of plans) for (const m of p.months) byMonth.set(m.month, [...(byMonth.get(m.month) ?? []), { label: p.label, sign: m.sign }]);
  const ranges = plans.flatMap((p) => p.ranges.map((r) => ({ ...r, label: p.label })));

  const readMonths = async () => {
    if (!byMonth.size) return [];
    // Per customer or owner the summary's rows are about as many as the groups: summed below, not
    // by a GROUP BY that spills to disk on PostgreSQL and hands back numerics to parse.
    const months = sql.join([...byMonth.keys()]);
    const r = by
      ? await sql<Figures & { month: string; key: string }>`select month, ${col} as key, orders, net, gross from sales_month where month in (${months})${scope}`.execute(db)
      : await sql<Figures & { month: string; key: null }>`select month, null as key, sum(orders) as orders, sum(net) as net, sum(gross) as gross from sales_month where month in (${months})${scope} group by month`.execute(db);
    return r.rows;
  };
  // The ranges as a table, each read as one range of the index, in one statement (a UNION ALL of
  // them made PostgreSQL start parallel workers that cost more than the reads). PostgreSQL is
  // told to read range by range with LATERAL: joined plainly, it guesses each range holds
  // thousands of rows and walks a rep's orders, or the whole index, instead.
  const group = by ? sql` group by ${col}` : sql``;
  const perRange =
    dialectOf(db) === 'postgres'
      ? sql`select v.p as p, x.key, x.orders, x.net, x.gross from v cross join lateral (select ${col} as key, ${figures} ${sales(db, actor, { inRange: true })}${group}) x`
      : sql`select v.p as p, ${col} as key, ${figures} ${sales(db, actor, { inRange: true, joinRanges: true })} group by v.p${by ? sql`, ${col}` : sql``}`;
  const readRanges = async () => {
    const out: (Figures & { p: number; key: string | null })[] = [];
    for (let i = 0; i < ranges.length; i += RANGES_PER_STATEMENT) {
      const values = sql.join(ranges.slice(i, i + RANGES_PER_STATEMENT).map((r, j) => sql`(${sql.lit(i + j)}, ${r.from}, ${r.before})`));
      out.push(...(await sql<Figures & { p: number; key: string | null }>`with v (p, a, b) as (values ${values}) ${perRange}`.execute(db)).rows);
    }
    return out;
  };
  const [summary, ends] = await Promise.all([readMonths(), readRanges()]);

  const cells = new Map<string, Map<string | null, Cell>>();
  const add = (label: string, sign: Sign, x: Figures & { key: string | null }) => {
    let byKey = cells.get(label);
    if (!byKey) cells.set(label, (byKey = new Map()));
    let c = byKey.get(x.key);
    if (!c) byKey.set(x.key, (c = { label, key: x.key, orders: 0, net: 0, gross: 0 }));
    c.orders += sign * Number(x.orders);
    c.net += sign * Number(x.net);
    c.gross += sign * Number(x.gross);
  };
  for (const x of summary) for (const t of byMonth.get(x.month)!) add(t.label, t.sign, x);
  for (const x of ends) add(ranges[Number(x.p)]!.label, ranges[Number(x.p)]!.sign, x);
  return [...cells.values()].flatMap((byKey) => [...byKey.values()]).filter((c) => c.orders !== 0);
}
