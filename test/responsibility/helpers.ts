import type { Session, TestApp } from '../helpers/app.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';

export { inDays };

/** A rep with a customer, stock and a confirmed order (review done, preparation running). */
export async function confirmedOrder(t: TestApp, admin: Session, rep: Session, opts: { qty?: number; stock?: number; promised?: number } = {}) {
  const w = await orderWorld(t, admin, rep, { stock: opts.stock ?? 10 });
  const r = await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(opts.promised ?? 20), lines: [{ productId: w.productId, qty: opts.qty ?? 1, unitPrice: 100_000 }], submit: true, acknowledge: [{ code: 'POSSIBLE_DUPLICATE_ORDER', reason: 'test' }] });
  if (r.statusCode !== 201) throw new Error(r.body);
  return { ...w, order: r.json().order as { id: string; number: string; lines: { id: string; qty: number }[] } };
}

/** Moves a stage's due time into the past (as if the plan had been missed by `minutes`). */
export async function dueAgo(t: TestApp, orderId: string, stage: string, minutes: number) {
  await t.db.handle.db
    .updateTable('orderStage')
    .set({ dueAt: new Date(Date.now() - minutes * 60_000).toISOString() })
    .where('orderId', '=', orderId)
    .where('stage', '=', stage as never)
    .execute();
}

/** Creates and dispatches a shipment of the whole order: finishes preparation and (all shipped) shipping. */
export async function ship(t: TestApp, who: Session, order: { id: string; lines: { id: string; qty: number }[] }) {
  const sh = await t.req(who, 'POST', '/api/v1/shipments', { orderId: order.id, lines: order.lines.map((l) => ({ orderLineId: l.id, qty: l.qty })) });
  if (sh.statusCode !== 201) throw new Error(sh.body);
  return t.req(who, 'POST', `/api/v1/shipments/${sh.json().id}/dispatch`, { carrier: 'manual', trackingNumber: `NB-${Math.random().toString(36).slice(2, 8)}` });
}

export async function stagesOf(t: TestApp, who: Session, orderId: string) {
  const r = await t.req(who, 'GET', `/api/v1/orders/${orderId}`);
  return Object.fromEntries(r.json().stages.map((s: any) => [s.stage, s]));
}

export const row = (t: TestApp, orderId: string, stage: string) => t.db.handle.db.selectFrom('orderStage').selectAll().where('orderId', '=', orderId).where('stage', '=', stage as never).executeTakeFirstOrThrow();
