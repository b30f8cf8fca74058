import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { confirmedOrder, makeCenter, productionWorld, receive, setRouting } from '../production/work-world.ts';

for (const d of await dialects()) {
  describe(`inventory: who holds the stock — orders and work orders [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(d.name);
    });
    after(() => t?.close());

    test('components held by a released work order are listed as the work order (number), an order line as the order (number)', async () => {
      const w = await productionWorld(t);
      const center = await makeCenter(t, w.admin);
      await setRouting(t, w.admin, w.a.id, [{ name: '装配', workCenterId: center.id, runMinutesPerUnit: 10 }]);
      await receive(t, w.admin, w.c.id, w.warehouseId, 30);
      const wo = (await t.req(w.planner.session, 'POST', '/api/v1/work-orders', { productId: w.a.id, qty: 5 })).json();
      assert.equal((await t.req(w.planner.session, 'POST', `/api/v1/work-orders/${wo.id}/release`, {})).statusCode, 200);
      // A sales order also takes 3 of the component (bought, so no work order of its own).
      const order = await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: w.c.id, qty: 3 }]);

      const r = await t.req(w.planner.session, 'GET', `/api/v1/stock/explain?productId=${w.c.id}&warehouseId=${w.warehouseId}`);
      assert.equal(r.statusCode, 200, r.body);
      const holders = r.json().reservations.map((h: any) => [h.holderType, h.holderNumber, h.orderId, h.qty]);
      assert.deepEqual(holders, [
        ['work_order', wo.number, wo.id, 10],
        ['order', order.number, order.id, 3],
      ]);
      assert.equal(r.json().reserved, 13);
    });
  });
}
