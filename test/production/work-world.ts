import assert from 'node:assert/strict';
import type { Session, TestApp } from '../helpers/app.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';
import { makeProduct } from './helpers.ts';

/** A work center through the API. */
export async function makeCenter(t: TestApp, s: Session, hours = 8, code = `WC-${Math.random().toString(36).slice(2, 7)}`) {
  const r = await t.req(s, 'POST', '/api/v1/work-centers', { code, name: `工作中心 ${code}`, capacityHoursPerDay: hours });
  assert.equal(r.statusCode, 201, r.body);
  return r.json() as { id: string; code: string };
}

export async function setRouting(t: TestApp, s: Session, productId: string, operations: { name: string; workCenterId: string; setupMinutes?: number; runMinutesPerUnit: number }[]) {
  const r = await t.req(s, 'PUT', `/api/v1/products/${productId}/routing`, { operations });
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
}

export async function receive(t: TestApp, s: Session, productId: string, warehouseId: string, qty: number) {
  const r = await t.req(s, 'POST', '/api/v1/stock/movements', { type: 'receipt', productId, warehouseId, qty, reason: '期初' });
  assert.equal(r.statusCode, 201, r.body);
}

/** A confirmed order (submitted in one go) of one or more lines; returns the order as the API shows it. */
export async function confirmedOrder(t: TestApp, rep: Session, customerId: string, lines: { productId: string; qty: number; unitPrice?: number }[], opts: { priority?: string; promisedDate?: string } = {}) {
  const r = await t.req(rep, 'POST', '/api/v1/orders', {
    customerId,
    promisedDate: opts.promisedDate ?? inDays(30),
    priority: opts.priority ?? 'normal',
    lines: lines.map((l) => ({ unitPrice: 10_000, ...l })),
    submit: true,
    // Several orders of the same lines are the point of these tests, not duplicates.
    acknowledge: [{ code: 'POSSIBLE_DUPLICATE_ORDER', reason: '排产测试' }],
  });
  assert.equal(r.statusCode, 201, r.body);
  const o = r.json().order;
  assert.equal(o.status, 'confirmed', r.body);
  return o as { id: string; number: string; ownerId: string; lines: { id: string; productId: string; shortQty: number; reservedQty: number; plannedCompletion: string | null; atRisk: boolean }[] };
}

/**
 * Admin, a sales rep (the orders' owner), a planner; a warehouse and a customer; a made
 * product A (BOM: 2 × bought component C) routed over the given centers.
 */
export async function productionWorld(t: TestApp) {
  const admin = (await t.as(['admin'])).session;
  const rep = await t.as(['sales']);
  const planner = await t.as(['planner']);
  const w = await orderWorld(t, admin, rep.session);
  const a = await makeProduct(t, admin, { sku: 'FA', makeOrBuy: 'make' });
  const c = await makeProduct(t, admin, { sku: 'FC' });
  const bom = await t.req(admin, 'PUT', `/api/v1/products/${a.id}/bom`, { lines: [{ componentId: c.id, qtyPer: 2 }] });
  assert.equal(bom.statusCode, 200, bom.body);
  return { admin, rep, planner, warehouseId: w.warehouseId, customerId: w.customerId, boughtId: w.productId, a, c };
}

export const workOrdersOf = async (t: TestApp, s: Session, orderId: string) => (await t.req(s, 'GET', `/api/v1/work-orders?orderId=${orderId}`)).json().items as any[];

/** The next Monday (China) at least `minDays` ahead, as YYYY-MM-DD, and its offset in days. */
export function nextMonday(minDays = 2) {
  for (let d = minDays; ; d++) {
    const date = inDays(d);
    if (new Date(`${date}T12:00:00+08:00`).getUTCDay() === 1) return { date, offset: d };
  }
}

export const stockOf = async (t: TestApp, productId: string) => {
  const rows = await t.db.handle.db.selectFrom('stock').select(['onHand', 'reserved']).where('productId', '=', productId).execute();
  return { onHand: rows.reduce((s, r) => s + Number(r.onHand), 0) / 1000, reserved: rows.reduce((s, r) => s + Number(r.reserved), 0) / 1000 };
};
