import { sql, type Insertable } from 'kysely';
import type { StageName } from '../../../contracts/stages.ts';
import type { StageAlertTable } from '../../db/schema.ts';
import type { DbHandle } from '../../platform/db/database.ts';
import { forUpdateSkipLocked } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueMany } from '../../platform/outbox/outbox.ts';
import { slaConfig } from './sla.config.ts';
import { alertSchedule, alertsDue } from './sla.plan.ts';

type NewAlert = Insertable<StageAlertTable>;

export interface ScanOptions {
  /** The scan's clock: tests drive a simulated week through it. */
  now?: number;
  batchSize?: number;
  /** Stop after this many batches (tests: a worker that dies half-way). */
  maxBatches?: number;
  /** Runs inside each batch's transaction once its stages are claimed (tests: hold two workers' batches open together). */
  claimed?: (stages: number) => Promise<void>;
}

export interface ScanResult {
  stages: number;
  alerts: number;
  batches: number;
}

/** The outbox channel that turns a recorded alert into notifications, reading the owner at send time. */
export const STAGE_ALERT_CHANNEL = 'stage_alert';

/**
 * Finds stages whose next reminder or escalation has come (index on `next_alert_at`), records
 * each due alert in `stage_alert` and queues its delivery in the same transaction, then moves
 * the stage's `next_alert_at` on. The unique key (order, stage, kind, level, due time) makes
 * a second worker, a restarted one or a clock set back record nothing twice; SKIP LOCKED on
 * PostgreSQL keeps concurrent workers on different stages. A crash mid-batch rolls the batch
 * back, so the next scan finds the same stages again: nothing is lost.
 */
export async function scanStageAlerts(handle: DbHandle, opts: ScanOptions = {}): Promise<ScanResult> {
  const now = opts.now ?? Date.now();
  const nowIso = new Date(now).toISOString();
  const batchSize = opts.batchSize ?? 500;
  const { rules, calendar } = await slaConfig(handle.db, { fresh: true });
  const result: ScanResult = { stages: 0, alerts: 0, batches: 0 };
  for (;;) {
    if (opts.maxBatches !== undefined && result.batches >= opts.maxBatches) break;
    const claimed = await inTransaction(handle.db, async (tx) => {
      const rows = await forUpdateSkipLocked(
        handle.dialect,
        tx
          .selectFrom('orderStage')
          .select(['orderId', 'stage', 'dueAt', 'completedAt', 'skipped'])
          .where('nextAlertAt', '<=', nowIso)
          .orderBy('nextAlertAt')
          .limit(batchSize),
      ).execute();
      await opts.claimed?.(rows.length);
      const alerts: NewAlert[] = [];
      const moves = new Map<StageName, { orderId: string; next: string | null }[]>();
      for (const s of rows) {
        const rule = rules.get(s.stage);
        let next: number | null = null;
        if (rule?.active && s.dueAt && !s.completedAt && !s.skipped) {
          const dueMs = Date.parse(s.dueAt);
          const plan = alertsDue(alertSchedule(rule, dueMs, calendar), dueMs, now);
          next = plan.next;
          // Reminders the worker missed (it was down) are superseded by the latest one: one
          // "due soon" is enough. Each escalation level goes to other people, so all are sent.
          const latestReminder = plan.due.filter((a) => a.kind === 'reminder').at(-1);
          for (const a of plan.due) {
            const superseded = a.kind === 'reminder' && a !== latestReminder;
            alerts.push({ id: newId(), orderId: s.orderId, stage: s.stage, kind: a.kind, level: a.level, dueAt: s.dueAt, fireAt: new Date(a.at).toISOString(), createdAt: nowIso, state: superseded ? 'dropped' : 'queued', sentAt: superseded ? nowIso : null, recipients: '[]', note: superseded ? 'superseded' : null });
          }
        }
        const list = moves.get(s.stage) ?? [];
        list.push({ orderId: s.orderId, next: next === null ? null : new Date(next).toISOString() });
        moves.set(s.stage, list);
      }
      // Few statements per batch: the alerts and their outbox rows in multi-row inserts (the
      // unique key drops what another worker or an earlier run already recorded), the stages'
      // next times in one CASE update per stage name.
      for (let i = 0; i < alerts.length; i += 200) {
        const inserted = await tx
          .insertInto('stageAlert')
          .values(alerts.slice(i, i + 200))
          .onConflict((oc) => oc.columns(['orderId', 'stage', 'kind', 'level', 'dueAt']).doNothing())
          .returning(['id', 'kind', 'state'])
          .execute();
        const queued = inserted.filter((a) => a.state === 'queued');
        await enqueueMany(tx, queued.map((a) => ({ channel: STAGE_ALERT_CHANNEL, topic: `stage.${a.kind}`, payload: { alertId: a.id }, dedupeKey: `stage_alert:${a.id}` })));
        result.alerts += queued.length;
      }
      for (const [stage, list] of moves) {
        for (let i = 0; i < list.length; i += 500) {
          const part = list.slice(i, i + 500);
          const next = sql<string | null>`case ${sql.ref('order_id')} ${sql.join(
            part.map((m) => sql`when ${m.orderId} then ${m.next === null ? sql`null` : sql`${m.next}`}`),
            sql` `,
          )} end`;
          await tx
            .updateTable('orderStage')
            .set({ nextAlertAt: next })
            .where('stage', '=', stage)
            .where(
              'orderId',
              'in',
              part.map((m) => m.orderId),
            )
            .execute();
        }
      }
      return rows.length;
    });
    result.batches++;
    result.stages += claimed;
    if (claimed < batchSize) break;
  }
  return result;
}
