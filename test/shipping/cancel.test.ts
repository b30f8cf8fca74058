import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { shipmentStatuses, type ShipmentStatus } from '../../src/contracts/shipping.ts';
import { checkLedger } from '../../src/server/modules/inventory/index.ts';
import { shipmentMachine as m } from '../../src/server/modules/shipping/shipment.machine.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';

test('shipment machine: every status reachable from draft, delivered and cancelled are terminal', () => {
  const actions = Object.keys(m.transitions) as (keyof typeof m.transitions)[];
  const seen = new Set<ShipmentStatus>(['draft']);
  const queue: ShipmentStatus[] = ['draft'];
  while (queue.length) {
    const s = queue.shift()!;
    for (const a of actions) {
      if (!m.can(s, a)) continue;
      const to = m.next(s, a);
      if (!seen.has(to)) queue.push(to), seen.add(to);
    }
  }
  assert.deepEqual([...seen].sort(), [...shipmentStatuses].sort());
  for (const s of m.terminal) for (const a of actions) assert.equal(m.can(s, a), false, `${s} --${a}`);
});

for (const d of await dialects()) {
  describe(`shipment cancel [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: { user: { id: string }; session: Session };
    let wh: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = await t.as(['sales']);
      wh = (await t.as(['warehouse'])).session;
    });
    after(() => t?.close());

    async function confirmedOrder(stock: number, qty: number) {
      const w = await orderWorld(t, admin, rep.session, { stock });
      const o = (await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty, unitPrice: 100_000 }], submit: true })).json().order;
      assert.equal(o.status, 'confirmed');
      return { w, o };
    }
    const level = async (productId: string) => {
      const l = (await t.req(admin, 'GET', `/api/v1/stock?productId=${productId}`)).json().items[0];
      return [l.onHand, l.reserved];
    };
    const orderOf = async (id: string) => (await t.req(rep.session, 'GET', `/api/v1/orders/${id}`)).json();
    const ship = async (orderId: string, orderLineId: string, qty: number, tn: string) => {
      const s = await t.req(wh, 'POST', '/api/v1/shipments', { orderId, lines: [{ orderLineId, qty }] });
      assert.equal(s.statusCode, 201, s.body);
      const r = await t.req(wh, 'POST', `/api/v1/shipments/${s.json().id}/dispatch`, { carrier: 'manual', trackingNumber: tn });
      assert.equal(r.statusCode, 200, r.body);
      return r.json();
    };

    test('a draft is cancelled freely: no reason needed, stock untouched, on the timeline; cancelling again is a conflict', async () => {
      const { w, o } = await confirmedOrder(10, 4);
      const s = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 4 }] })).json();
      const r = await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/cancel`, {});
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().status, 'cancelled');
      assert.ok(r.json().cancelledAt);
      assert.deepEqual(await level(w.productId), [10, 4]);
      assert.equal((await orderOf(o.id)).status, 'confirmed');
      const again = await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/cancel`, { reason: 'x' });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().code, 'INVALID_STATE');
      const types = (await t.req(rep.session, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items.map((e: any) => e.type);
      assert.ok(types.includes('shipment.cancelled'));
      assert.equal((await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'manual', trackingNumber: 'NB-C0' })).statusCode, 409, 'a cancelled shipment never dispatches');
    });

    test('a dispatched shipment needs a reason; cancelling it brings the stock and reservation back and the order steps back', async () => {
      const { w, o } = await confirmedOrder(10, 6);
      const s1 = await ship(o.id, o.lines[0].id, 2, 'NB-C1');
      const s2 = await ship(o.id, o.lines[0].id, 4, 'NB-C2');
      assert.equal((await orderOf(o.id)).status, 'shipped');
      assert.deepEqual(await level(w.productId), [4, 0]);

      const noReason = await t.req(wh, 'POST', `/api/v1/shipments/${s2.id}/cancel`, { reason: '  ' }, { 'accept-language': 'en-US' });
      assert.equal(noReason.statusCode, 400);
      assert.equal(noReason.json().details[0].path, 'reason');
      assert.match(noReason.json().details[0].message, /required/);
      const zh = await t.req(wh, 'POST', `/api/v1/shipments/${s2.id}/cancel`, {}, { 'accept-language': 'zh-CN' });
      assert.match(zh.json().details[0].message, /必填/);
      assert.equal((await t.req(wh, 'GET', `/api/v1/shipments/${s2.id}`)).json().status, 'dispatched', 'a refused cancel changes nothing');
      assert.deepEqual(await level(w.productId), [4, 0]);

      const r = await t.req(wh, 'POST', `/api/v1/shipments/${s2.id}/cancel`, { reason: '承运商未揽收，货物退回仓库' });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().status, 'cancelled');
      assert.equal(r.json().cancelReason, '承运商未揽收，货物退回仓库');
      assert.deepEqual(await level(w.productId), [8, 4], 'on hand and reserved both rise by the cancelled 4');
      let order = await orderOf(o.id);
      assert.equal(order.status, 'partially_shipped');
      assert.equal(order.lines[0].reservedQty, 4);

      const moves = (await t.req(admin, 'GET', `/api/v1/stock/movements?productId=${w.productId}`)).json().items;
      assert.ok(moves.some((mv: any) => mv.type === 'receipt' && mv.qty === 4 && mv.refId === s2.id), 'a compensating receipt, the issue stays in the ledger');
      assert.ok(moves.some((mv: any) => mv.type === 'issue' && mv.qty === -4 && mv.refId === s2.id));

      assert.equal((await t.req(wh, 'POST', `/api/v1/shipments/${s1.id}/cancel`, { reason: '客户拒收' })).statusCode, 200);
      order = await orderOf(o.id);
      assert.equal(order.status, 'confirmed', 'nothing shipped remains');
      assert.deepEqual(await level(w.productId), [10, 6]);

      const told = await t.db.handle.db.selectFrom('outbox').select('payload').where('topic', '=', 'shipment.cancelled').execute();
      assert.ok(told.filter((n) => JSON.parse(n.payload).userId === rep.user.id).length >= 2, 'the order owner is told of each');
      const timeline = (await t.req(rep.session, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items;
      const cancelled = timeline.filter((e: any) => e.type === 'shipment.cancelled');
      assert.equal(cancelled.length, 2);
      assert.ok(timeline.some((e: any) => e.type === 'stock.returned'));
      assert.ok(timeline.some((e: any) => e.type === 'order.shipment_reversed'));

      // The quantities are open again: they ship anew.
      await ship(o.id, o.lines[0].id, 6, 'NB-C3');
      assert.equal((await orderOf(o.id)).status, 'shipped');
      assert.deepEqual((await checkLedger(t.db.handle.db)).violations, []);
    });

    test('a delivered shipment cannot be cancelled (409) and nothing changes', async () => {
      const { w, o } = await confirmedOrder(5, 2);
      const s = await ship(o.id, o.lines[0].id, 2, 'NB-C4');
      await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/tracking-events`, { at: new Date().toISOString(), status: 'delivered', description: '已签收' });
      const r = await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/cancel`, { reason: '误操作' });
      assert.equal(r.statusCode, 409);
      assert.equal(r.json().code, 'INVALID_STATE');
      assert.equal((await t.req(wh, 'GET', `/api/v1/shipments/${s.id}`)).json().status, 'delivered');
      assert.deepEqual(await level(w.productId), [3, 0]);
      assert.equal((await orderOf(o.id)).status, 'delivered');
    });

    test('two cancels at once: one wins, the stock comes back once', async () => {
      const { w, o } = await confirmedOrder(5, 3);
      const s = await ship(o.id, o.lines[0].id, 3, 'NB-C5');
      const rs = await Promise.all([0, 1, 2].map(() => t.req(wh, 'POST', `/api/v1/shipments/${s.id}/cancel`, { reason: '重复点击' })));
      assert.deepEqual(rs.map((r) => r.statusCode).sort(), [200, 409, 409]);
      assert.deepEqual(await level(w.productId), [5, 3]);
      assert.deepEqual((await checkLedger(t.db.handle.db)).violations, []);
    });

    test('cancelling needs the shipping write permission', async () => {
      const { o } = await confirmedOrder(5, 1);
      const s = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 1 }] })).json();
      const r = await t.req(rep.session, 'POST', `/api/v1/shipments/${s.id}/cancel`, {});
      assert.equal(r.statusCode, 403);
      assert.equal((await t.req(wh, 'GET', `/api/v1/shipments/${s.id}`)).json().status, 'draft');
    });
  });
}

for (const d of await dialects()) {
  describe(`after a shipment is cancelled [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: Session;
    let wh: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = (await t.as(['sales'])).session;
      wh = (await t.as(['warehouse'])).session;
    });
    after(() => t?.close());

    const stages = async (orderId: string) => Object.fromEntries(((await t.req(rep, 'GET', `/api/v1/orders/${orderId}`)).json().stages as { stage: string; startedAt: string | null; completedAt: string | null }[]).map((s) => [s.stage, [!!s.startedAt, !!s.completedAt]]));

    test('its open exceptions close as shipment_cancelled on the timeline, and the stage track steps back with the order', async () => {
      const w = await orderWorld(t, admin, rep, { stock: 10 });
      // Promised tomorrow, ETA in five days: dispatch opens a late-ETA exception.
      const o = (await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(1), lines: [{ productId: w.productId, qty: 4, unitPrice: 100_000 }], submit: true })).json().order;
      const dispatch = async (qty: number, tn: string) => {
        const s = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty }] })).json();
        const r = await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'manual', trackingNumber: tn, eta: inDays(5) });
        assert.equal(r.statusCode, 200, r.body);
        return s.id as string;
      };
      const a = await dispatch(1, 'NB-X1');
      const b = await dispatch(3, 'NB-X2');
      assert.deepEqual([(await stages(o.id)).preparation, (await stages(o.id)).shipping, (await stages(o.id)).delivery], [[true, true], [true, true], [true, false]], 'fully shipped');
      const exOf = async (shipmentId: string) => (await t.req(rep, 'GET', `/api/v1/exceptions?orderId=${o.id}`)).json().items.filter((e: { entityId: string }) => e.entityId === shipmentId);
      assert.equal((await exOf(b))[0].state, 'open');

      assert.equal((await t.req(wh, 'POST', `/api/v1/shipments/${b}/cancel`, { reason: '客户改期' })).statusCode, 200);
      const closed = (await exOf(b))[0];
      assert.deepEqual([closed.state, closed.resolution], ['resolved', 'shipment_cancelled']);
      assert.equal((await exOf(a))[0].state, 'open', 'the other shipment’s exception stays open');
      const tl = (await t.req(rep, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items;
      assert.ok(tl.some((e: { type: string; data: { resolution?: string; exceptionId?: string } }) => e.type === 'exception.resolved' && e.data.resolution === 'shipment_cancelled' && e.data.exceptionId === closed.id));
      let st = await stages(o.id);
      assert.deepEqual([st.preparation, st.shipping, st.delivery], [[true, true], [true, false], [false, false]], 'partly shipped again: shipping active, delivery not started');

      assert.equal((await t.req(wh, 'POST', `/api/v1/shipments/${a}/cancel`, { reason: '客户改期' })).statusCode, 200);
      st = await stages(o.id);
      assert.equal((await t.req(rep, 'GET', `/api/v1/orders/${o.id}`)).json().status, 'confirmed');
      assert.deepEqual([st.review, st.preparation, st.shipping, st.delivery], [[true, true], [true, false], [false, false], [false, false]], 'nothing shipped: preparation active again');

      await dispatch(4, 'NB-X3');
      st = await stages(o.id);
      assert.deepEqual([st.preparation, st.shipping, st.delivery], [[true, true], [true, true], [true, false]], 'a new dispatch moves the track on again');
    });
  });
}
