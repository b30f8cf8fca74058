import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';

for (const d of await dialects()) {
  describe(`workbench (我的跟单) [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(d.name);
    });
    after(() => t?.close());

    test("the rep's orders at risk, most urgent first, each with a next action; nothing of others", async () => {
      const admin = (await t.as(['admin'])).session;
      const rep: Session = (await t.as(['sales'])).session;
      const w = await orderWorld(t, admin, rep, { stock: 3 });
      const order = async (qty: number, promised: number) => (await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(promised), lines: [{ productId: w.productId, qty, unitPrice: 100_000 }], submit: true, acknowledge: [{ code: 'POSSIBLE_DUPLICATE_ORDER', reason: 't' }] })).json().order;
      const fine = await order(1, 30);
      const late = await order(1, 30);
      await t.db.handle.db.updateTable('salesOrder').set({ promisedDate: inDays(-2) }).where('id', '=', late.id).execute();
      const soon = await order(1, 1);
      const short = await order(5, 30);
      const items = (await t.req(rep, 'GET', '/api/v1/workbench')).json().items;
      const byId = Object.fromEntries(items.map((i: any) => [i.orderId, i]));
      assert.ok(!byId[fine.id], 'an order on track is not listed');
      assert.deepEqual(byId[late.id].reasons, ['overdue']);
      assert.equal(byId[late.id].daysLate, 2);
      assert.ok(byId[short.id].reasons.includes('short_stock'));
      assert.deepEqual(byId[soon.id].reasons, ['late_stage', 'due_soon'], 'promised tomorrow: preparation was due two days before the end of the promised day');
      assert.equal(items[0].orderId, late.id, 'overdue first');
      assert.ok(items[0].nextAction.length > 0);
      const other = (await t.as(['sales'])).session;
      assert.deepEqual((await t.req(other, 'GET', '/api/v1/workbench')).json().items, []);
    });
  });
}
