import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from './helpers.ts';

for (const d of await dialects()) {
  describe(`orders: hold and release [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: Session;
    let finance: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = (await t.as(['sales'])).session;
      finance = (await t.as(['finance'])).session;
    });
    after(() => t?.close());

    const confirmed = async () => {
      const w = await orderWorld(t, admin, rep, { stock: 10 });
      const o = (await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty: 4, unitPrice: 100_000 }], submit: true })).json().order;
      assert.equal(o.status, 'confirmed');
      return o;
    };

    test('finance holds a confirmed order with a reason: nothing ships; release returns it as it was; both on the timeline', async () => {
      const o = await confirmed();
      assert.equal((await t.req(rep, 'POST', `/api/v1/orders/${o.id}/hold`, { reason: '逾期未付' })).statusCode, 403, 'a sales rep cannot hold');
      const held = await t.req(finance, 'POST', `/api/v1/orders/${o.id}/hold`, { reason: '客户信用冻结，待回款' });
      assert.equal(held.statusCode, 200, held.body);
      assert.equal(held.json().status, 'on_hold');
      assert.equal(held.json().lines[0].reservedQty, 4, 'the reservation stays while on hold');
      const ship = await t.req(admin, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 1 }] });
      assert.ok(ship.statusCode >= 400, `a held order must not ship (got ${ship.statusCode})`);
      assert.equal((await t.req(finance, 'POST', `/api/v1/orders/${o.id}/hold`, { reason: 'again' })).statusCode, 409, 'already on hold');
      const released = await t.req(finance, 'POST', `/api/v1/orders/${o.id}/release`, { reason: '已回款' });
      assert.equal(released.json().status, 'confirmed');
      const types = (await t.req(rep, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items.map((e: any) => [e.type, e.data.reason ?? null]);
      assert.deepEqual(types.filter(([ty]: string[]) => ty === 'order.held' || ty === 'order.released'), [['order.held', '客户信用冻结，待回款'], ['order.released', '已回款']]);
    });

    test('a partially shipped order held and released goes back to partially shipped', async () => {
      const o = await confirmed();
      const s = (await t.req(admin, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 1 }] })).json();
      assert.equal((await t.req(admin, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'manual', trackingNumber: 'HOLD-1' })).statusCode, 200);
      await t.req(finance, 'POST', `/api/v1/orders/${o.id}/hold`, { reason: '客户要求暂缓发货' });
      assert.equal((await t.req(finance, 'POST', `/api/v1/orders/${o.id}/release`, { reason: '客户确认' })).json().status, 'partially_shipped');
    });

    test('bad input and wrong states: no reason → 400; a draft cannot be held; an order not on hold cannot be released', async () => {
      const o = await confirmed();
      const noReason = await t.req(finance, 'POST', `/api/v1/orders/${o.id}/hold`, { reason: ' ' });
      assert.equal(noReason.statusCode, 400);
      assert.equal(noReason.json().details[0].path, 'reason');
      assert.equal((await t.req(finance, 'POST', `/api/v1/orders/${o.id}/release`, { reason: 'x' })).statusCode, 409);
      const w = await orderWorld(t, admin, rep);
      const draft = (await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }] })).json().order;
      assert.equal((await t.req(finance, 'POST', `/api/v1/orders/${draft.id}/hold`, { reason: 'x' })).statusCode, 409);
    });
  });
}
