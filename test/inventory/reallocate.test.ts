import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkLedger } from '../../src/server/modules/inventory/index.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';

for (const d of await dialects()) {
  describe(`inventory: re-allocating a reservation between orders [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: { user: { id: string }; session: Session };
    let planner: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = await t.as(['sales']);
      planner = (await t.as(['planner'])).session;
    });
    after(() => t?.close());

    /** Order A took 8 of 10; urgent order B got the last 2 and is 4 short. */
    async function twoOrders() {
      const w = await orderWorld(t, admin, rep.session, { stock: 10 });
      const place = async (qty: number, priority: string) => (await t.req(rep.session, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(20), priority, lines: [{ productId: w.productId, qty, unitPrice: 100_000 }], submit: true })).json().order;
      const a = await place(8, 'normal');
      const b = await place(6, 'urgent');
      assert.deepEqual([a.lines[0].reservedQty, b.lines[0].reservedQty, b.lines[0].shortQty], [8, 2, 4]);
      return { w, a, b };
    }
    const lineOf = async (orderId: string) => (await t.req(admin, 'GET', `/api/v1/orders/${orderId}`)).json().lines[0];

    test('a planner moves 4 reserved from order A to urgent order B: lines change, stock does not, both timelines and owners told', async () => {
      const { w, a, b } = await twoOrders();
      const stockBefore = (await t.req(admin, 'GET', `/api/v1/stock?productId=${w.productId}`)).json().items[0];
      const r = await t.req(planner, 'POST', '/api/v1/reservations/reallocate', { fromOrderLineId: a.lines[0].id, toOrderLineId: b.lines[0].id, qty: 4, reason: '急单优先：客户产线停工待料' });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json().to, { orderId: b.id, number: b.number });
      const [la, lb] = [await lineOf(a.id), await lineOf(b.id)];
      assert.deepEqual([la.reservedQty, la.shortQty, lb.reservedQty, lb.shortQty], [4, 4, 6, 0]);
      const stockAfter = (await t.req(admin, 'GET', `/api/v1/stock?productId=${w.productId}`)).json().items[0];
      assert.deepEqual([stockAfter.onHand, stockAfter.reserved], [stockBefore.onHand, stockBefore.reserved]);
      assert.deepEqual((await checkLedger(t.db.handle.db)).violations, []);
      const types = async (id: string) => (await t.req(admin, 'GET', `/api/v1/orders/${id}/timeline`)).json().items.map((e: any) => e.type);
      assert.ok((await types(a.id)).includes('stock.reallocated_out'));
      assert.ok((await types(b.id)).includes('stock.reallocated_in'));
      const told = await t.db.handle.db.selectFrom('outbox').select('payload').where('topic', '=', 'stock.reallocated').execute();
      assert.equal(told.length, 2, 'both owners are told');
    });

    test('two planners moving the same stock at once: one wins, the other gets 409; nothing oversold', async () => {
      const { a, b } = await twoOrders();
      const body = { fromOrderLineId: a.lines[0].id, toOrderLineId: b.lines[0].id, qty: 4, reason: '急单' };
      const other = (await t.as(['planner'])).session;
      const codes = (await Promise.all([t.req(planner, 'POST', '/api/v1/reservations/reallocate', body), t.req(other, 'POST', '/api/v1/reservations/reallocate', body)])).map((r) => r.statusCode).sort();
      assert.deepEqual(codes, [200, 409]);
      const [la, lb] = [await lineOf(a.id), await lineOf(b.id)];
      assert.deepEqual([la.reservedQty, lb.reservedQty, lb.shortQty], [4, 6, 0]);
      assert.deepEqual((await checkLedger(t.db.handle.db)).violations, []);
    });

    test('bad input and rules: rights, another product, same order, more than reserved or short, a missing reason', async () => {
      const { a, b } = await twoOrders();
      const other = await twoOrders();
      const post = (s: Session, body: object) => t.req(s, 'POST', '/api/v1/reservations/reallocate', body);
      const base = { fromOrderLineId: a.lines[0].id, toOrderLineId: b.lines[0].id, qty: 1, reason: '急单' };
      assert.equal((await post(rep.session, base)).statusCode, 403, 'a sales rep cannot move stock');
      const noReason = await post(planner, { ...base, reason: '' });
      assert.deepEqual([noReason.statusCode, noReason.json().details[0].path], [400, 'reason']);
      const otherProduct = await post(planner, { ...base, toOrderLineId: other.b.lines[0].id });
      assert.deepEqual([otherProduct.statusCode, otherProduct.json().details[0].code], [400, 'different_product']);
      assert.equal((await post(planner, { ...base, toOrderLineId: 'nope' })).json().details[0].path, 'toOrderLineId');
      const tooMuch = await post(planner, { ...base, qty: 5 });
      assert.deepEqual([tooMuch.statusCode, tooMuch.json().details.reason], [409, 'more_than_short']);
      assert.deepEqual([(await lineOf(a.id)).reservedQty, (await lineOf(b.id)).reservedQty], [8, 2], 'refusals change nothing');
    });
  });
}
