import type { z } from 'zod';
import type { delayOrdersQuery, delaysQuery, reportRange } from '../../../contracts/responsibility.ts';
import { stageLabels, stageNames, type StageName } from '../../../contracts/stages.ts';
import type { Locale } from '../../../contracts/errors.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { writeSheet } from '../../platform/xlsx.ts';
import { delayReasons } from './delay-reasons.repository.ts';
import { delayGroups, LEAD_BUCKET_MINUTES, lateStageRows, leadTimeBuckets, namesOf } from './reports.repository.ts';

const round1 = (n: number) => Math.round(n * 10) / 10;
const round3 = (n: number) => Math.round(n * 1000) / 1000;
const EXPORT_MAX = 10_000;

/** Nearest-rank percentile from a sorted histogram, rounded down to its 10-minute bucket. */
function percentile(buckets: { bucket: number; n: number }[], total: number, p: number): number | null {
  if (total === 0) return null;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (const b of buckets) {
    seen += b.n;
    if (seen >= rank) return b.bucket * LEAD_BUCKET_MINUTES;
  }
  return null;
}

/** Late days by stage, owner, customer, reason or month; lead-time percentiles; drill-down; Excel. */
export function createReportsService(db: Db, timeZone: string) {
  const fmt = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const local = (iso: string | null) => (iso ? fmt.format(new Date(iso)) : null);
  async function labels(groupBy: z.infer<typeof delaysQuery>['groupBy'], keys: (string | null)[], locale: Locale) {
    const ids = keys.filter((k): k is string => k !== null);
    if (groupBy === 'owner') return namesOf(db, 'appUser', ids);
    if (groupBy === 'customer') return namesOf(db, 'customer', ids);
    if (groupBy === 'stage') return new Map(stageNames.map((s) => [s, locale === 'en-US' ? stageLabels[s].en : stageLabels[s].zh]));
    if (groupBy === 'reason') return new Map((await delayReasons.list(db)).map((r) => [r.code, locale === 'en-US' ? r.labelEn : r.labelZh]));
    return new Map(ids.map((k) => [k, k]));
  }
  const drill = async (actor: Actor, q: z.infer<typeof delayOrdersQuery>) => {
    const after = decodeCursor(q.cursor) as [string, string, string, string] | null;
    const rows = await lateStageRows(db, actor, q, q.limit + 1, after);
    const page = rows.slice(0, q.limit);
    const items = page.map((r) => ({
      orderId: r.orderId,
      number: r.number,
      customerId: r.customerId,
      customerName: r.customerName ?? null,
      stage: r.stage,
      ownerId: r.ownerId,
      ownerName: r.ownerName ?? null,
      dueAt: r.dueAt,
      completedAt: r.completedAt,
      lateMinutes: Number(r.delayMinutes ?? 0),
      delayReason: r.delayReason,
      delayNote: r.delayNote ?? null,
    }));
    const last = page[page.length - 1];
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.completedDate, last.completedAt, last.orderId, last.stage]) : null };
  };
  return {
    async delays(actor: Actor, q: z.infer<typeof delaysQuery>, locale: Locale) {
      const rows = await delayGroups(db, actor, q.groupBy, q);
      const names = await labels(q.groupBy, rows.map((r) => r.key), locale);
      const total = rows.reduce((s, r) => s + r.lateMinutes, 0);
      rows.sort((a, b) => (q.groupBy === 'month' ? String(a.key).localeCompare(String(b.key)) : q.groupBy === 'stage' ? stageNames.indexOf(a.key as StageName) - stageNames.indexOf(b.key as StageName) : b.lateMinutes - a.lateMinutes || String(a.key).localeCompare(String(b.key))));
      let running = 0;
      const items = rows.map((r) => {
        running += r.lateMinutes;
        return { ...r, label: r.key === null ? null : (names.get(r.key) ?? r.key), lateDays: round1(r.lateMinutes / 1440), share: total ? round3(r.lateMinutes / total) : 0, cumulativeShare: total ? round3(running / total) : 0 };
      });
      return { groupBy: q.groupBy, from: q.from ?? null, to: q.to ?? null, totalLateMinutes: total, items };
    },
    async leadTimes(actor: Actor, q: z.infer<typeof reportRange>) {
      const rows = await leadTimeBuckets(db, actor, q);
      return {
        items: stageNames.map((stage) => {
          const b = rows.filter((r) => r.stage === stage).sort((x, y) => x.bucket - y.bucket);
          const completed = b.reduce((s, r) => s + r.n, 0);
          const onTime = b.reduce((s, r) => s + r.onTime, 0);
          return { stage, completed, onTime, onTimeRate: completed ? Math.round((onTime / completed) * 1000) / 1000 : null, p50Minutes: percentile(b, completed, 0.5), p90Minutes: percentile(b, completed, 0.9) };
        }),
      };
    },
    delayOrders: drill,
    async exportDelayOrders(actor: Actor, q: z.infer<typeof delayOrdersQuery>, locale: Locale) {
      const rows = await lateStageRows(db, actor, q, EXPORT_MAX, null);
      const reasons = new Map((await delayReasons.list(db)).map((r) => [r.code, locale === 'en-US' ? r.labelEn : r.labelZh]));
      const en = locale === 'en-US';
      const headers = en ? ['Order', 'Customer', 'Stage', 'Owner', 'Due', 'Finished', 'Late (days)', 'Reason', 'Note'] : ['订单号', '客户', '环节', '负责人', '应完成', '实际完成', '延误（天）', '延误原因', '说明'];
      return writeSheet(en ? 'Delays' : '延误明细', headers, rows.map((r) => [r.number, r.customerName, en ? stageLabels[r.stage].en : stageLabels[r.stage].zh, r.ownerName ?? null, local(r.dueAt), local(r.completedAt), round1(Number(r.delayMinutes ?? 0) / 1440), r.delayReason ? (reasons.get(r.delayReason) ?? r.delayReason) : en ? 'Not given' : '未填写', r.delayNote ?? null]));
    },
  };
}
export type ReportsService = ReturnType<typeof createReportsService>;
