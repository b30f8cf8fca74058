import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';

for (const d of await dialects()) {
  describe(`the customer-level link [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let wh: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      wh = (await t.as(['warehouse'])).session;
    });
    after(() => t?.close());

    /** A customer of `rep` with two confirmed orders (the first partly shipped) and a draft order. */
    async function customerWithOrders(rep: Session) {
      const w = await orderWorld(t, admin, rep, { stock: 50 });
      const order = async (qty: number, submit = true) => (await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(20), note: '内部备注：底价客户', lines: [{ productId: w.productId, qty, unitPrice: 100_000 }], submit })).json().order;
      const a = await order(4);
      const b = await order(2);
      const draft = await order(1, false);
      const s = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: a.id, lines: [{ orderLineId: a.lines[0].id, qty: 1 }] })).json();
      assert.equal((await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'sf', trackingNumber: 'SF100000000777', eta: inDays(2) })).statusCode, 200);
      return { w, a, b, draft, s };
    }
    const link = async (s: Session, customerId: string) => t.req(s, 'POST', `/api/v1/customers/${customerId}/customer-link`, {});
    const portal = (token: string, method = 'GET', path = '', payload?: unknown) => t.app.inject({ method: method as 'GET', url: `/api/portal/${token}${path}`, payload: payload as never });

    test('the owner makes a link listing the customer’s open orders with progress and tracking, nothing internal', async () => {
      const rep = await t.as(['sales']);
      const { w, a, b, s } = await customerWithOrders(rep.session);
      const r = await link(rep.session, w.customerId);
      assert.equal(r.statusCode, 201, r.body);
      const token = r.json().url.split('/c/')[1];
      const page = await portal(token);
      assert.equal(page.statusCode, 200, page.body);
      const body = page.json();
      assert.equal(body.kind, 'customer');
      assert.deepEqual(body.orders.map((o: { id: string }) => o.id).sort(), [a.id, b.id].sort(), 'confirmed orders only, no draft');
      const oa = body.orders.find((o: { id: string }) => o.id === a.id);
      assert.deepEqual([oa.number, oa.status, oa.shippedPct, oa.promisedDate], [a.number, 'partially_shipped', 25, a.promisedDate]);
      assert.deepEqual(oa.shipments.map((x: { id: string; trackingNumber: string }) => [x.id, x.trackingNumber]), [[s.id, 'SF100000000777']]);
      const text = JSON.stringify(body);
      for (const secret of ['ownerId', 'cost', 'unitPrice', 'gross', 'margin', 'createdBy', '内部备注', 'note']) assert.ok(!text.includes(secret), `leaks ${secret}`);

      const order = await portal(token, 'GET', `/orders/${a.id}`);
      assert.equal(order.statusCode, 200, order.body);
      assert.equal(order.json().number, a.number);
      assert.equal(order.json().shipments[0].trackingNumber, 'SF100000000777');
      assert.ok(!order.body.includes('内部备注'), 'no internal note on the order page either');
      const tl = (await t.req(rep.session, 'GET', `/api/v1/customers/${w.customerId}/history`)).json();
      assert.ok(JSON.stringify(tl).includes('customer.customer_link_created'), 'the link is on the customer’s history');
    });

    test('another customer’s order, a draft and unknown ids are 404 through the token; a rep cannot link another rep’s customer', async () => {
      const rep = await t.as(['sales']);
      const other = await t.as(['sales']);
      const mine = await customerWithOrders(rep.session);
      const theirs = await customerWithOrders(other.session);
      const token = (await link(rep.session, mine.w.customerId)).json().url.split('/c/')[1];
      assert.equal((await portal(token, 'GET', `/orders/${theirs.a.id}`)).statusCode, 404);
      assert.equal((await portal(token, 'GET', `/orders/${mine.draft.id}`)).statusCode, 404);
      assert.equal((await portal(token, 'GET', '/orders/nope')).statusCode, 404);
      const foreignReceipt = await portal(token, 'POST', `/orders/${theirs.a.id}/confirm-receipt`, { shipmentId: theirs.s.id });
      assert.equal(foreignReceipt.statusCode, 404);
      assert.equal((await t.db.handle.db.selectFrom('shipment').select('receipt').where('id', '=', theirs.s.id).executeTakeFirstOrThrow()).receipt, null, 'nothing changed');
      assert.equal((await link(rep.session, theirs.w.customerId)).statusCode, 404);
      // An order-level link cannot be used to walk to other orders.
      const orderToken = (await t.req(rep.session, 'POST', `/api/v1/orders/${mine.a.id}/customer-link`, {})).json().url.split('/c/')[1];
      assert.equal((await portal(orderToken, 'GET', `/orders/${mine.b.id}`)).statusCode, 404);
    });

    test('confirming receipt through the customer link delivers the shipment; a revoked link is 410 everywhere', async () => {
      const rep = await t.as(['sales']);
      const { w, a, s } = await customerWithOrders(rep.session);
      const l = (await link(rep.session, w.customerId)).json();
      const token = l.url.split('/c/')[1];
      const r = await portal(token, 'POST', `/orders/${a.id}/confirm-receipt`, { shipmentId: s.id, contactName: '周工' });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal((await t.req(wh, 'GET', `/api/v1/shipments/${s.id}`)).json().status, 'delivered');
      assert.equal((await t.req(rep.session, 'DELETE', `/api/v1/customer-links/${l.id}`)).statusCode, 200);
      for (const path of ['', `/orders/${a.id}`]) {
        const gone = await portal(token, 'GET', path);
        assert.equal(gone.statusCode, 410, path);
        assert.equal(gone.json().code, 'LINK_EXPIRED');
      }
      assert.equal((await portal(token, 'GET', `/shipments/${s.id}/delivery-note.pdf`)).statusCode, 410);
    });

    test('bad input: a too long expiry is a 400 naming the field', async () => {
      const rep = await t.as(['sales']);
      const w = await orderWorld(t, admin, rep.session);
      const r = await t.req(rep.session, 'POST', `/api/v1/customers/${w.customerId}/customer-link`, { expiresInDays: 400 });
      assert.equal(r.statusCode, 400);
      assert.equal(r.json().details[0].path, 'expiresInDays');
    });
  });
}
