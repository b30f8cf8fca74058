import type { CalendarConfig } from '../../../contracts/calendar.ts';
import type { SlaRule } from '../../../contracts/sla.ts';
import type { StageName } from '../../../contracts/stages.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { buildCalendar, type WorkCalendar } from './working-time.ts';

/**
 * Rules and calendar are read on every order event that sets a due time and change rarely:
 * cached per database for a few seconds; a change in this process drops the cache at once,
 * other processes see it within the TTL.
 */
const TTL_MS = 5_000;

export interface SlaConfig {
  rules: Map<StageName, SlaRule>;
  years: Map<number, CalendarConfig>;
  calendar: WorkCalendar;
}

let timeZone = 'Asia/Shanghai';
/** The company time zone (config `GENDAN_TIME_ZONE`): working hours and promised days are local to it. */
export function setCompanyTimeZone(tz: string): void {
  timeZone = tz;
}
export const companyTimeZone = () => timeZone;

type Row = { id: string; stage: string; name: string; owner: string; queueRole: string; due: string; reminders: string; escalations: string; active: number; version: number; updatedAt: string };
export const ruleFromRow = (r: Row): SlaRule => ({
  id: r.id,
  stage: r.stage as StageName,
  name: r.name,
  owner: json.read(r.owner, { type: 'customer_owner' }),
  queueRole: r.queueRole,
  due: json.read(r.due, null as never),
  reminders: json.read(r.reminders, []),
  escalations: json.read(r.escalations, []),
  active: r.active === 1,
  version: r.version,
  updatedAt: r.updatedAt,
});

const caches = new WeakMap<object, { at: number; value: SlaConfig }>();
const keyOf = (q: Db | Tx) => q.getExecutor().adapter;

export async function loadYears(q: Db | Tx): Promise<Map<number, CalendarConfig>> {
  const rows = await q.selectFrom('workCalendar').select(['year', 'config']).execute();
  return new Map(rows.map((r) => [r.year, json.read<CalendarConfig>(r.config, null as never)]));
}

/** Active and inactive rules by stage, the stored calendar years and the calendar built from them. */
export async function slaConfig(q: Db | Tx, opts: { fresh?: boolean } = {}): Promise<SlaConfig> {
  const hit = caches.get(keyOf(q));
  if (!opts.fresh && hit && Date.now() - hit.at < TTL_MS && hit.value.calendar.timeZone === timeZone) return hit.value;
  const rules = new Map((await q.selectFrom('slaRule').selectAll().execute()).map((r) => [r.stage as StageName, ruleFromRow(r)]));
  const years = await loadYears(q);
  const value = { rules, years, calendar: buildCalendar(years, timeZone) };
  caches.set(keyOf(q), { at: Date.now(), value });
  return value;
}

/**
 * The `next_alert_at` that hands a stage back to the scan: the epoch, so the next scan takes
 * it whatever its clock says (a worker's clock may lag the API server's).
 */
export const RESCAN_NOW = new Date(0).toISOString();

export function invalidateSlaConfig(q: Db | Tx): void {
  caches.delete(keyOf(q));
}
