import { createNotificationHandlers } from '../../src/server/modules/notifications/index.ts';
import { createStageAlertHandler, planDues, promisedEnd, STAGE_ALERT_CHANNEL } from '../../src/server/modules/sla/index.ts';
import type { DbHandle } from '../../src/server/platform/db/database.ts';
import { inTransaction } from '../../src/server/platform/db/transaction.ts';
import { OutboxWorker } from '../../src/server/platform/outbox/worker.ts';
import type { Session, TestApp } from '../helpers/app.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';

/** China wall-clock time → instant, and back for readable assertions. */
export const cn = (s: string) => Date.parse(`${s}+08:00`);
export const show = (ms: number | string) => new Date((typeof ms === 'string' ? Date.parse(ms) : ms) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The shipping rule of the simulated week: due one working day before the promised day;
 * reminders one working day and four working hours before; escalation to the owner's
 * manager when due, then to the sales managers a working day later.
 */
export const shippingRule = {
  name: '发货',
  owner: { type: 'customer_owner' },
  queueRole: 'coordinator',
  due: { anchor: 'promised_date', amount: -1, unit: 'working_days' },
  reminders: [
    { before: { amount: 1, unit: 'working_days' }, channels: ['inapp', 'email'] },
    { before: { amount: 4, unit: 'working_hours' }, channels: ['inapp'] },
  ],
  escalations: [
    { level: 1, after: { amount: 0, unit: 'working_hours' }, to: { type: 'manager' }, channels: ['inapp'] },
    { level: 2, after: { amount: 1, unit: 'working_days' }, to: { type: 'role', role: 'sales_manager' }, channels: ['inapp', 'email'] },
  ],
  active: true,
};

/** A rep with a manager, a sales manager, a coordinator; only the shipping rule active. */
export async function slaWorld(t: TestApp) {
  const admin = (await t.as(['admin'])).session;
  const lead = await t.user(['sales']);
  const boss = await t.user(['sales_manager']);
  const coord = await t.user(['coordinator']);
  const rep = await t.as(['sales'], { managerId: lead.id });
  const rules = (await t.req(admin, 'GET', '/api/v1/admin/sla-rules')).json().items as { id: string; stage: string }[];
  for (const r of rules) {
    const body = r.stage === 'shipping' ? shippingRule : { active: false };
    const res = await t.req(admin, 'PATCH', `/api/v1/admin/sla-rules/${r.id}`, body);
    if (res.statusCode !== 200) throw new Error(res.body);
  }
  const w = await orderWorld(t, admin, rep.session, { stock: 1000 });
  const order = async (session: Session = rep.session) => {
    const r = await t.req(session, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }], submit: true, acknowledge: [{ code: 'POSSIBLE_DUPLICATE_ORDER', reason: 'test' }] });
    if (r.statusCode !== 201) throw new Error(r.body);
    return r.json().order as { id: string; number: string };
  };
  return { admin, lead, boss, coord, rep, order, ruleId: rules.find((r) => r.stage === 'shipping')!.id };
}

/** Moves an order's promised date into the simulated past: the planning the stage engine does for a revised promised date. */
export async function replan(t: TestApp, orderId: string, promisedDate: string) {
  await inTransaction(t.db.handle.db, (tx) => planDues(tx, orderId, 'promised_date', promisedEnd(promisedDate)));
}

/** A worker with the real channels (in-app, email, webhook, stage alerts). */
export function worker(t: TestApp, handle: DbHandle = t.db.handle, opts: { webhooks?: boolean } = {}) {
  const { webhook, ...channels } = createNotificationHandlers(t.ctx);
  // Without `webhooks`, webhook rows stay queued for the test to read instead of being posted.
  const handlers = { ...channels, ...(opts.webhooks ? { webhook } : {}), [STAGE_ALERT_CHANNEL]: createStageAlertHandler(handle, t.config) };
  return new OutboxWorker(handle, { handlers, backoffMs: 20, pollMs: 50, batchSize: 10 });
}

/** Delivers everything queued (alerts first queue notifications, which the next round delivers). */
export async function deliverAll(w: OutboxWorker) {
  while ((await w.runOnce()) > 0);
}

export async function stageNotes(t: TestApp) {
  return t.db.handle.db.selectFrom('notification').select(['userId', 'kind', 'title', 'createdAt']).where('kind', 'like', 'stage.%').orderBy('createdAt').orderBy('id').execute();
}
