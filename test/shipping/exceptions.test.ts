import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';

for (const d of await dialects()) {
  describe(`delivery exceptions [${d.name}]`, { skip: d.skip }, () => {
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

    async function shipment(promised: number) {
      const w = await orderWorld(t, admin, rep.session, { stock: 10 });
      const o = (await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(promised), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }], submit: true })).json().order;
      const s = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 1 }] })).json();
      return { o, s };
    }

    test('an ETA after the promised date opens a late exception for the order owner', async () => {
      const { o, s } = await shipment(2);
      await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'manual', trackingNumber: 'NB-1', eta: inDays(5) });
      const list = (await t.req(rep.session, 'GET', `/api/v1/exceptions?orderId=${o.id}`)).json().items;
      assert.equal(list.length, 1);
      assert.equal(list[0].type, 'late_eta');
      assert.equal(list[0].ownerId, rep.user.id);
      assert.equal(list[0].state, 'open');
      assert.ok(Date.parse(list[0].dueAt) > Date.now());
    });

    test('carrier exceptions open once per shipment; resolving needs a resolution; reassigning tells the new owner', async () => {
      const { o, s } = await shipment(20);
      await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'manual', trackingNumber: 'NB-2' });
      for (let i = 0; i < 2; i++) await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/tracking-events`, { at: new Date().toISOString(), status: 'exception', description: '地址无法派送' });
      const list = (await t.req(rep.session, 'GET', `/api/v1/exceptions?orderId=${o.id}&state=open`)).json().items;
      assert.equal(list.length, 1, 'a repeated status does not pile up');
      const ex = list[0];
      assert.equal((await t.req(rep.session, 'PATCH', `/api/v1/exceptions/${ex.id}`, { state: 'resolved' })).statusCode, 400);
      const coord = await t.as(['coordinator']);
      const moved = await t.req(rep.session, 'PATCH', `/api/v1/exceptions/${ex.id}`, { ownerId: coord.user.id, note: '请跟进与客户确认新地址' });
      assert.equal(moved.json().ownerId, coord.user.id);
      const told = await t.db.handle.db.selectFrom('outbox').select('payload').where('topic', '=', 'exception.assigned').execute();
      assert.ok(told.some((n) => JSON.parse(n.payload).userId === coord.user.id));
      const done = await t.req(admin, 'PATCH', `/api/v1/exceptions/${ex.id}`, { state: 'resolved', resolution: 'customer_contacted', note: '已改派' });
      assert.equal(done.json().state, 'resolved');
      assert.equal(done.json().notes.length, 2);
      const types = (await t.req(admin, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items.map((e: any) => e.type);
      assert.ok(types.includes('exception.opened') && types.includes('exception.resolved'));
      assert.equal((await t.req(admin, 'PATCH', `/api/v1/exceptions/${ex.id}`, { note: 'x' })).statusCode, 409);
    });

    test("another rep cannot see the exception", async () => {
      const { o, s } = await shipment(2);
      await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'manual', trackingNumber: 'NB-3', eta: inDays(9) });
      const other = (await t.as(['sales'])).session;
      assert.equal((await t.req(other, 'GET', `/api/v1/exceptions?orderId=${o.id}`)).json().items.length, 0);
    });
  });
}
