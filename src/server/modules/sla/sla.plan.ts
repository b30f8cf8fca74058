import { sql } from 'kysely';
import { slaAnchors, type AlertKind, type SlaAnchor, type SlaRule } from '../../../contracts/sla.ts';
import type { StageName } from '../../../contracts/stages.ts';
import type { Tx } from '../../platform/db/database.ts';
import { companyTimeZone, slaConfig, type SlaConfig } from './sla.config.ts';
import { offsetTime, subtractWorkingTime, zonedInstant, type WorkCalendar } from './working-time.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** The end of the promised day in the company time zone: what "promised date" anchors count from. */
export const promisedEnd = (date: string, timeZone = companyTimeZone()) => zonedInstant(date, 24 * 60, timeZone) - 1000;

/** A rule's due time from its anchor's instant. */
export const dueFrom = (rule: Pick<SlaRule, 'due'>, anchorMs: number, cal: WorkCalendar) => offsetTime(anchorMs, rule.due.amount, rule.due.unit, cal);

export interface PlannedAlert {
  kind: AlertKind;
  level: number;
  at: number;
}

/** Every reminder (level = position, 1 first) and escalation of a rule for one due time, earliest first. */
export function alertSchedule(rule: Pick<SlaRule, 'reminders' | 'escalations'>, dueMs: number, cal: WorkCalendar): PlannedAlert[] {
  const out: PlannedAlert[] = [];
  rule.reminders.forEach((r, i) => {
    const at = r.before.unit === 'hours' ? dueMs - r.before.amount * 3_600_000 : subtractWorkingTime(dueMs, r.before.unit === 'working_days' ? { days: r.before.amount } : { hours: r.before.amount }, cal);
    out.push({ kind: 'reminder', level: i + 1, at });
  });
  for (const e of rule.escalations) out.push({ kind: 'escalation', level: e.level, at: offsetTime(dueMs, e.after.amount, e.after.unit, cal) });
  return out.sort((a, b) => a.at - b.at);
}

/**
 * What a scan at `now` must send, and when to look again. A reminder whose deadline has
 * already passed is not sent (the escalation speaks for it); every escalation level that
 * has come is sent, each once.
 */
export function alertsDue(schedule: PlannedAlert[], dueMs: number, now: number): { due: PlannedAlert[]; next: number | null } {
  const due = schedule.filter((a) => a.at <= now && (a.kind === 'escalation' || now < dueMs));
  const later = schedule.filter((a) => a.at > now && (a.kind === 'escalation' || a.at < dueMs));
  return { due, next: later.length ? Math.min(...later.map((a) => a.at)) : null };
}

/**
 * Sets the due time of every open stage whose active rule counts from `anchor`, and marks it
 * for the reminder scan. Called by the stage engine inside the event's transaction.
 */
export async function planDues(tx: Tx, orderId: string, anchor: SlaAnchor, anchorMs: number): Promise<void> {
  const planned = planFrom(await slaConfig(tx), anchor, anchorMs);
  if (!planned.length) return;
  // One statement for every stage counted from this anchor.
  const byStage = (pick: (p: (typeof planned)[number]) => string | null) => sql`case stage ${sql.join(planned.map((p) => sql`when ${p.stage} then ${pick(p)}`), sql` `)} end`;
  await sql`update order_stage set due_at = ${byStage((p) => p.dueAt)}, next_alert_at = ${byStage((p) => p.nextAlertAt)}
    where order_id = ${orderId} and stage in (${sql.join(planned.map((p) => p.stage))}) and completed_at is null and skipped = 0`.execute(tx);
}

/** The due time and first alert of every stage whose active rule counts from `anchor`. */
function planFrom({ rules, calendar }: SlaConfig, anchor: SlaAnchor, anchorMs: number) {
  return [...rules.values()]
    .filter((rule) => rule.active && rule.due.anchor === anchor)
    .map((rule) => {
      const due = dueFrom(rule, anchorMs, calendar);
      const first = alertSchedule(rule, due, calendar)[0];
      return { stage: rule.stage as StageName, dueAt: iso(due), nextAlertAt: first ? iso(first.at) : null };
    });
}

/** The due times an event sets: its own type as an anchor, and the promised date when the event carries one. */
export async function planForEvent(tx: Tx, orderId: string, type: string, at: string, promisedDate: string | null): Promise<void> {
  if ((slaAnchors as readonly string[]).includes(type)) await planDues(tx, orderId, type as SlaAnchor, Date.parse(at));
  if (promisedDate) await planDues(tx, orderId, 'promised_date', promisedEnd(promisedDate));
}

export interface StagePlan {
  ownerId?: string | null;
  ownerRole?: string | null;
  dueAt?: string;
  nextAlertAt?: string | null;
}

/**
 * What the rules give the stages of new orders, to be written with them: owners (the
 * customer's owner stays unless a rule names a role queue or a user — a disabled named user
 * leaves the stage to the rule's queue role) and due times counted from creation and from the
 * promised date. Read once for an import's thousand orders; plans per instant are shared.
 */
export async function newTrackPlanner(tx: Tx): Promise<(order: { at: string; promisedDate: string | null }) => Map<StageName, StagePlan>> {
  const config = await slaConfig(tx);
  const owners = new Map<StageName, StagePlan>();
  for (const rule of config.rules.values()) {
    if (!rule.active || rule.owner.type === 'customer_owner') continue;
    if (rule.owner.type === 'role') owners.set(rule.stage, { ownerId: null, ownerRole: rule.owner.role });
    else {
      const user = await tx.selectFrom('appUser').select('active').where('id', '=', rule.owner.userId).executeTakeFirst();
      owners.set(rule.stage, user?.active === 1 ? { ownerId: rule.owner.userId, ownerRole: null } : { ownerId: null, ownerRole: rule.queueRole });
    }
  }
  const plans = new Map<string, ReturnType<typeof planFrom>>();
  const cached = (anchor: SlaAnchor, anchorMs: number) => {
    const key = `${anchor}@${anchorMs}`;
    let plan = plans.get(key);
    if (!plan) plans.set(key, (plan = planFrom(config, anchor, anchorMs)));
    return plan;
  };
  return ({ at, promisedDate }) => {
    const out = new Map<StageName, StagePlan>([...owners].map(([stage, owner]) => [stage, { ...owner }]));
    const dues = [...cached('order.created', Date.parse(at)), ...(promisedDate ? cached('promised_date', promisedEnd(promisedDate)) : [])];
    for (const { stage, dueAt, nextAlertAt } of dues) out.set(stage, { ...out.get(stage), dueAt, nextAlertAt });
    return out;
  };
}
