import { sql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { delayOrdersQuery, reportGroupBys } from '../../../contracts/responsibility.ts';
import type { Db } from '../../platform/db/database.ts';
import { addMonths, nextDay, nextMonth } from '../../platform/dates.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';

/**
 * Responsibility reports read the attribution frozen on each finished stage (late minutes,
 * lead minutes, China completion date): integer sums over the covering index
 * `order_stage_report_idx`, the same SQL on both dialects. The order is joined only when the
 * actor's data scope or the grouping needs it.
 */
export interface Range {
  from?: string;
  to?: string;
}

function finished(db: Db, actor: Actor, range: Range, needOrder: boolean) {
  // Only the attribution engine sets completed_date, and only on stages it saw finish (never
  // skipped ones): the one condition keeps the scan inside the covering index.
  let qb = db.selectFrom('orderStage as s').where('s.completedDate', 'is not', null);
  if (range.from) qb = qb.where('s.completedDate', '>=', range.from);
  if (range.to) qb = qb.where('s.completedDate', '<=', range.to);
  if (needOrder || actor.dataScope !== 'all') {
    const joined = qb.innerJoin('salesOrder as o', 'o.id', 's.orderId');
    return actor.dataScope === 'all' ? joined : joined.where(scopeCondition(actor, 'o.ownerId'));
  }
  return qb as unknown as ReturnType<typeof qb.innerJoin<'salesOrder as o', 'o.id', 's.orderId'>>;
}

const lateCount = sql<number>`sum(case when s.delay_minutes > 0 then 1 else 0 end)`;
const lateSum = sql<number>`coalesce(sum(s.delay_minutes), 0)`;

const prevMonth = (month: string) => addMonths(month, -1);

/** Whole months `first`–`last` (either open) of `stage_month`. */
interface Months {
  first?: string;
  last?: string;
}

/**
 * A range of China days as the whole months inside it (read from `stage_month`, migration 0033)
 * and the days at its ends outside them (read from the indexes); `months` is null when no
 * whole month lies inside. Upper day bounds may be `yyyy-mm-31`: dates compare as text.
 */
export function monthSplit(r: Range): { months: Months | null; days: Range[] } {
  const first = r.from && (r.from.endsWith('-01') ? r.from.slice(0, 7) : nextMonth(r.from.slice(0, 7)));
  const last = r.to && (nextDay(r.to).endsWith('-01') ? r.to.slice(0, 7) : prevMonth(r.to.slice(0, 7)));
  if (first && last && first > last) return { months: null, days: [r] };
  const days: Range[] = [];
  if (r.from && first && r.from < `${first}-01`) days.push({ from: r.from, to: `${prevMonth(first)}-31` });
  if (r.to && last && r.to > `${last}-31`) days.push({ from: `${nextMonth(last)}-01`, to: r.to });
  return { months: { first, last }, days };
}

function summary(db: Db, table: 'stageMonth' | 'stageOwnerMonth', m: Months) {
  let qb = db.selectFrom(table);
  if (m.first) qb = qb.where('month', '>=', m.first);
  if (m.last) qb = qb.where('month', '<=', m.last);
  return qb;
}

/** Rows of several reads added up by `keyOf`, summing the `fields`. */
function merged<T extends Record<string, unknown>>(parts: T[][], keyOf: (r: T) => string, fields: (keyof T)[]): T[] {
  const out = new Map<string, T>();
  for (const r of parts.flat()) {
    const k = keyOf(r);
    const seen = out.get(k);
    if (!seen) out.set(k, { ...r });
    else for (const f of fields) (seen as Record<keyof T, unknown>)[f] = Number(seen[f]) + Number(r[f]);
  }
  return [...out.values()];
}

/** Rows read from the summary's whole months (when `summarized`) and the indexes' days, added up by key. */
async function monthsAndDays<T extends Record<string, unknown>>(range: Range, summarized: boolean, read: { months: (m: Months) => Promise<T[]>; days: (d: Range) => Promise<T[]> }, keyOf: (r: T) => string, fields: (keyof T)[]): Promise<T[]> {
  const split = summarized ? monthSplit(range) : { months: null, days: [range] };
  return merged(await Promise.all([...(split.months ? [read.months(split.months)] : []), ...split.days.map(read.days)]), keyOf, fields);
}

type DelayGroup = { key: string | null; stages: number; lateStages: number; lateMinutes: number };

/** The summary column each grouping reads in the whole company's scope (customer: none, too many keys). */
const summaryKey = { stage: ['stageMonth', 'stage'], month: ['stageMonth', 'month'], owner: ['stageOwnerMonth', 'ownerId'], reason: ['stageOwnerMonth', 'reason'] } as const;

export async function delayGroups(db: Db, actor: Actor, groupBy: (typeof reportGroupBys)[number], range: Range): Promise<DelayGroup[]> {
  const source = groupBy === 'customer' || actor.dataScope !== 'all' ? null : summaryKey[groupBy];
  const months = async (m: Months) => {
    const [table, column] = source!;
    const key = sql.ref<string>(column);
    const rows = await summary(db, table, m)
      .select([key.as('key'), (eb) => eb.fn.sum<number>('stages').as('stages'), (eb) => eb.fn.sum<number>('late').as('late'), (eb) => eb.fn.sum<number>('lateMinutes').as('minutes')])
      .groupBy(key)
      .execute();
    // '' is the summary's "none"; reasons explain delays, so only late stages count there.
    return rows.map((r) => ({ key: r.key === '' ? null : r.key, stages: Number(groupBy === 'reason' ? r.late : r.stages), lateStages: Number(r.late), lateMinutes: Number(r.minutes) }));
  };
  const rows = await monthsAndDays(range, !!source, { months, days: (d) => delayGroupsOfDays(db, actor, groupBy, d) }, (r) => r.key ?? '', ['stages', 'lateStages', 'lateMinutes']);
  return rows.filter((r) => r.stages !== 0);
}

async function delayGroupsOfDays(db: Db, actor: Actor, groupBy: (typeof reportGroupBys)[number], range: Range): Promise<DelayGroup[]> {
  const key = {
    stage: sql<string>`s.stage`,
    owner: sql<string>`s.owner_id`,
    reason: sql<string>`s.delay_reason`,
    month: sql<string>`substr(s.completed_date, 1, 7)`,
    customer: sql<string>`s.customer_id`,
  }[groupBy];
  let qb = finished(db, actor, range, false).select([key.as('key'), sql<number>`count(*)`.as('stages'), lateCount.as('late'), lateSum.as('minutes')]).groupBy(key);
  // Reasons explain delays: only late stages count there.
  if (groupBy === 'reason') qb = qb.where('s.delayMinutes', '>', 0);
  const rows = await qb.execute();
  return rows.map((r) => ({ key: r.key ?? null, stages: Number(r.stages), lateStages: Number(r.late), lateMinutes: Number(r.minutes) }));
}

/** The bucket width of the lead-time histogram; `stage_month` (0033) buckets by the same. */
export const LEAD_BUCKET_MINUTES = 10;
type LeadBucket = { stage: string; bucket: number; n: number; onTime: number };

/**
 * Lead-time histogram per stage (10-minute buckets) with on-time counts: percentiles come from it.
 * In the whole company's scope whole months come from `stage_month` and the days at the range's
 * ends from the date index; in a narrower scope every finished stage in it is read.
 */
export async function leadTimeBuckets(db: Db, actor: Actor, range: Range): Promise<LeadBucket[]> {
  const months = async (m: Months) => {
    const rows = await summary(db, 'stageMonth', m)
      .where('bucket', '>=', 0)
      .select(['stage', 'bucket', (eb) => eb.fn.sum<number>('stages').as('n'), (eb) => eb.fn.sum<number>('late').as('late')])
      .groupBy(['stage', 'bucket'])
      .execute();
    return rows.map((r) => ({ stage: r.stage, bucket: Number(r.bucket), n: Number(r.n), onTime: Number(r.n) - Number(r.late) }));
  };
  const rows = await monthsAndDays(range, actor.dataScope === 'all', { months, days: (d) => leadBucketsOfDays(db, actor, d) }, (r) => `${r.stage}:${r.bucket}`, ['n', 'onTime']);
  return rows.filter((r) => r.n !== 0);
}

/**
 * Over the whole history it is grouped by the minute and bucketed here, so SQLite groups while it
 * walks `order_stage_lead_idx` (0032) instead of sorting every finished stage by its bucket; a
 * date range is read from the date index and grouped by bucket there.
 */
async function leadBucketsOfDays(db: Db, actor: Actor, range: Range): Promise<LeadBucket[]> {
  const byMinute = !range.from && !range.to;
  const unit = byMinute ? sql<number>`s.lead_minutes` : sql<number>`s.lead_minutes / ${sql.lit(LEAD_BUCKET_MINUTES)}`;
  const rows = await finished(db, actor, range, false)
    .where('s.leadMinutes', 'is not', null)
    .select(['s.stage', unit.as('unit'), sql<number>`count(*)`.as('n'), sql<number>`sum(case when s.delay_minutes > 0 then 0 else 1 end)`.as('onTime')])
    .groupBy(['s.stage', unit])
    .execute();
  const buckets = rows.map((r) => ({ stage: r.stage, bucket: byMinute ? Math.trunc(Number(r.unit) / LEAD_BUCKET_MINUTES) : Number(r.unit), n: Number(r.n), onTime: Number(r.onTime) }));
  return merged([buckets], (r) => `${r.stage}:${r.bucket}`, ['n', 'onTime']);
}

type DrillQuery = Omit<z.infer<typeof delayOrdersQuery>, 'limit' | 'cursor'>;
export async function lateStageRows(db: Db, actor: Actor, q: DrillQuery, limit: number, after: [string, string, string, string] | null) {
  let qb = finished(db, actor, q, true)
    .innerJoin('customer as c', 'c.id', 'o.customerId')
    .leftJoin('appUser as u', 'u.id', 's.ownerId')
    .select(['s.orderId', 's.stage', 's.ownerId', 's.dueAt', 's.completedAt', 's.delayMinutes', 's.delayReason', 's.delayNote', 'o.number', 'o.customerId', 'c.name as customerName', 'u.displayName as ownerName'])
    .where('s.delayMinutes', '>', 0);
  if (q.stage) qb = qb.where('s.stage', '=', q.stage);
  if (q.ownerId) qb = qb.where('s.ownerId', '=', q.ownerId);
  if (q.customerId) qb = qb.where('s.customerId', '=', q.customerId);
  if (q.reason) qb = q.reason === 'none' ? qb.where('s.delayReason', 'is', null) : qb.where('s.delayReason', '=', q.reason);
  if (q.month) qb = qb.where('s.completedDate', '>=', `${q.month}-01`).where('s.completedDate', '<=', `${q.month}-31`);
  if (after) qb = qb.where((eb) => eb(eb.refTuple('s.completedDate', 's.completedAt', 's.orderId', 's.stage'), '<', eb.tuple(after[0], after[1], after[2], after[3] as never)) as unknown as ReturnType<typeof eb.and> & SqlBool);
  // Newest first, led by the indexed completion date: the index is walked backwards and only
  // the rows of the days on the page are sorted by time.
  return qb.select('s.completedDate').orderBy('s.completedDate', 'desc').orderBy('s.completedAt', 'desc').orderBy('s.orderId', 'desc').orderBy('s.stage', 'desc').limit(limit).execute();
}

export async function namesOf(db: Db, table: 'appUser' | 'customer', ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = table === 'appUser' ? await db.selectFrom('appUser').select(['id', 'displayName as name']).where('id', 'in', ids).execute() : await db.selectFrom('customer').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
