import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkLedger } from '../../src/server/modules/inventory/index.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';

for (const d of await dialects()) {
  describe(`shipments [${d.name}]`, { skip: d.skip }, () => {
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
      await t.req(rep.session, 'PATCH', `/api/v1/customers/${w.customerId}`, { contacts: [{ name: '周工', phone: '13600136000', email: 'zhou@example.cn' }] });
      const o = (await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty, unitPrice: 100_000 }], submit: true })).json().order;
      assert.equal(o.status, 'confirmed');
      return { w, o };
    }
    const level = async (productId: string) => (await t.req(admin, 'GET', `/api/v1/stock?productId=${productId}`)).json().items[0];

    test('two partial shipments: stock leaves against the reservation, the order goes partially shipped → shipped → delivered, the customer is told', async () => {
      const { w, o } = await confirmedOrder(10, 10);
      const s1 = await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 4 }] });
      assert.equal(s1.statusCode, 201, s1.body);
      assert.equal(s1.json().shipToAddress.city, '宁波市', "the order's confirmed address");
      const bad = await t.req(wh, 'POST', `/api/v1/shipments/${s1.json().id}/dispatch`, { carrier: 'sf', trackingNumber: 'SF123' });
      assert.equal(bad.statusCode, 422);
      assert.equal(bad.json().code, 'TRACKING_NUMBER_INVALID');
      const d1 = await t.req(wh, 'POST', `/api/v1/shipments/${s1.json().id}/dispatch`, { carrier: 'sf', trackingNumber: 'SF123456789012', eta: inDays(3) });
      assert.equal(d1.statusCode, 200, d1.body);
      assert.equal(d1.json().status, 'dispatched');
      assert.deepEqual([(await level(w.productId)).onHand, (await level(w.productId)).reserved], [6, 6]);
      let order = (await t.req(rep.session, 'GET', `/api/v1/orders/${o.id}`)).json();
      assert.equal(order.status, 'partially_shipped');
      const mail = await t.db.handle.db.selectFrom('outbox').select('payload').where('topic', '=', 'shipment.dispatched').execute();
      assert.equal(mail.length, 1);
      assert.equal(JSON.parse(mail[0].payload).to, 'zhou@example.cn');
      assert.match(JSON.parse(mail[0].payload).text, /SF123456789012/);
      const token = JSON.parse(mail[0].payload).text.match(/\/c\/([A-Za-z0-9_-]+)/)[1];
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/portal/${token}` })).json().shipments[0].trackingNumber, 'SF123456789012', 'the emailed link opens the order page');
      const over = await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 7 }] });
      assert.equal(over.statusCode, 400);
      assert.equal(over.json().details[0].code, 'exceeds_open_qty');
      const s2 = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 6 }] })).json();
      assert.equal((await t.req(wh, 'POST', `/api/v1/shipments/${s2.id}/dispatch`, { carrier: 'manual', trackingNumber: 'NB-0001' })).statusCode, 200);
      order = (await t.req(rep.session, 'GET', `/api/v1/orders/${o.id}`)).json();
      assert.equal(order.status, 'shipped');
      for (const s of [s1.json().id, s2.id]) {
        const r = await t.req(wh, 'POST', `/api/v1/shipments/${s}/tracking-events`, { at: new Date().toISOString(), status: 'delivered', location: '宁波北仑', description: '已签收' });
        assert.equal(r.statusCode, 200, r.body);
      }
      order = (await t.req(rep.session, 'GET', `/api/v1/orders/${o.id}`)).json();
      assert.equal(order.status, 'delivered');
      const types = (await t.req(rep.session, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items.map((e: any) => e.type);
      for (const ty of ['shipment.dispatched', 'customer.notified', 'stock.shipped', 'order.partially_shipped', 'order.shipped', 'shipment.delivered', 'order.delivered']) assert.ok(types.includes(ty), ty);
      const ledger = await checkLedger(t.db.handle.db);
      assert.deepEqual(ledger.violations, []);
    });

    test('shipping more than is reserved is refused and changes nothing', async () => {
      const { w, o } = await confirmedOrder(5, 8);
      assert.equal(o.lines[0].shortQty, 3);
      const s = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 8 }] })).json();
      const r = await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'manual', trackingNumber: 'NB-0002' });
      assert.equal(r.statusCode, 422);
      assert.equal(r.json().code, 'QTY_EXCEEDS_RESERVED');
      assert.deepEqual([(await level(w.productId)).onHand, (await level(w.productId)).reserved], [5, 5]);
      assert.equal((await t.req(wh, 'GET', `/api/v1/shipments/${s.id}`)).json().status, 'draft');
    });

    test('an address different from the confirmed one needs a reason, and the owner is told', async () => {
      const { o } = await confirmedOrder(5, 2);
      const other = { province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 90 号', recipient: '李四', phone: '13900139000' };
      const s = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 2 }], shipToAddress: other })).json();
      const r = await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'manual', trackingNumber: 'NB-0003' });
      assert.equal(r.statusCode, 422);
      assert.equal(r.json().code, 'ADDRESS_CHANGED');
      assert.equal(r.json().details.needsReason, true);
      const ok = await t.req(wh, 'POST', `/api/v1/shipments/${s.id}/dispatch`, { carrier: 'manual', trackingNumber: 'NB-0003', addressChangeReason: '客户电话要求改送杭州仓' });
      assert.equal(ok.statusCode, 200, ok.body);
      const note = await t.db.handle.db.selectFrom('outbox').select('payload').where('topic', '=', 'shipment.address_changed').execute();
      assert.ok(note.some((n) => JSON.parse(n.payload).userId === rep.user.id));
      const bad = await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 1 }], shipToAddress: { ...other, city: '广州市' } });
      assert.equal(bad.statusCode, 400, 'a province/city mismatch never gets in');
    });

    test("a sales rep cannot see another rep's shipments", async () => {
      const { o } = await confirmedOrder(5, 1);
      const s = (await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 1 }] })).json();
      const other = (await t.as(['sales'])).session;
      assert.equal((await t.req(other, 'GET', `/api/v1/shipments/${s.id}`)).statusCode, 404);
      assert.equal((await t.req(rep.session, 'GET', `/api/v1/shipments/${s.id}`)).statusCode, 200);
    });
  });
}
