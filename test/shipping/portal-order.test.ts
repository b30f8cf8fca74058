import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';

for (const d of await dialects()) {
  describe(`the customer's order page and proof of delivery [${d.name}]`, { skip: d.skip }, () => {
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

    async function dispatched(qty: number, shipQty: number) {
      const w = await orderWorld(t, admin, rep, { stock: 20 });
      const o = (await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(20), lines: [{ productId: w.productId, qty, unitPrice: 100_000 }], submit: true })).json().order;
      const s = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: shipQty }] })).json();
      assert.equal((await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'sf', trackingNumber: 'SF100000000001', eta: inDays(2) })).statusCode, 200);
      await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/tracking-events`, { at: new Date().toISOString(), status: 'in_transit', location: '杭州转运中心' });
      const link = (await t.req(rep, 'POST', `/api/v1/orders/${o.id}/customer-link`, {})).json();
      return { o, s, token: link.url.split('/c/')[1] as string };
    }
    const portal = (token: string, method = 'GET', path = '', payload?: unknown) => t.app.inject({ method: method as any, url: `/api/portal/${token}${path}`, payload: payload as any, headers: { 'user-agent': 'MicroMessenger' } });

    test('the page shows progress and tracking, nothing internal; confirming receipt delivers the order', async () => {
      const { o, s, token } = await dispatched(3, 3);
      const page = (await portal(token)).json();
      assert.equal(page.kind, 'order');
      assert.equal(page.number, o.number);
      assert.deepEqual(page.lines.map((l: any) => [l.qty, l.shippedQty]), [[3, 3]]);
      assert.equal(page.shipments[0].trackingNumber, 'SF100000000001');
      assert.equal(page.shipments[0].events[0].location, '杭州转运中心');
      const text = JSON.stringify(page);
      for (const secret of ['ownerId', 'cost', 'unitPrice', 'createdBy', 'facts', 'margin']) assert.ok(!text.includes(secret), `leaks ${secret}`);
      const r = await portal(token, 'POST', '/confirm-receipt', { shipmentId: s.id, contactName: '周工', comment: '货物完好' });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal((await t.req(rep, 'GET', `/api/v1/orders/${o.id}`)).json().status, 'delivered');
      const again = await portal(token, 'POST', '/confirm-receipt', { shipmentId: s.id });
      assert.equal(again.statusCode, 409);
      const tl = (await t.req(rep, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items;
      const pod = tl.find((e: any) => e.type === 'shipment.receipt_confirmed');
      assert.equal(pod.data.userAgent, 'MicroMessenger');
      assert.equal(pod.actorId, null, 'the customer, not a staff member');
    });

    test('a dispute needs a comment, keeps the shipment open and alerts the owner by email too', async () => {
      const { o, s, token } = await dispatched(2, 2);
      assert.equal((await portal(token, 'POST', '/confirm-receipt', { shipmentId: s.id, disputed: true })).statusCode, 400);
      const r = await portal(token, 'POST', '/confirm-receipt', { shipmentId: s.id, disputed: true, comment: '外箱破损，少 1 件' });
      assert.equal(r.statusCode, 200);
      assert.equal((await t.req(rep, 'GET', `/api/v1/orders/${o.id}`)).json().status, 'shipped');
      const mails = await t.db.handle.db.selectFrom('outbox').select(['channel']).where('topic', '=', 'shipment.receipt_disputed').execute();
      assert.deepEqual(mails.map((m) => m.channel).sort(), ['email', 'inapp']);
    });

    test("a shipment of another order cannot be confirmed through this link; drafts have no customer link", async () => {
      const a = await dispatched(1, 1);
      const b = await dispatched(1, 1);
      const r = await portal(a.token, 'POST', '/confirm-receipt', { shipmentId: b.s.id });
      assert.equal(r.statusCode, 400);
      const w = await orderWorld(t, admin, rep);
      const draft = (await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(20), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }] })).json().order;
      assert.equal((await t.req(rep, 'POST', `/api/v1/orders/${draft.id}/customer-link`, {})).statusCode, 409);
    });
  });
}
