import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../../src/server/platform/db/transaction.ts';
import { appendEvent } from '../../src/server/platform/events.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays } from '../orders/helpers.ts';
import { makeProduct } from '../production/helpers.ts';
import { confirmedOrder, makeCenter, productionWorld, setRouting } from '../production/work-world.ts';
import { dueAgo, row } from './helpers.ts';

/**
 * A work centre going down (production) pre-fills 设备故障 on the 备货/生产 stage of every order
 * it re-planned (replacing the 缺料 suggested at confirmation): kept when that stage finishes
 * late, dropped when it finishes on time, and never over a reason a person gave.
 */
for (const d of await dialects()) {
  describe(`equipment down pre-fills the delay reason of the production stage [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let w: Awaited<ReturnType<typeof productionWorld>>;
    before(async () => {
      t = await createTestApp(d.name);
      w = await productionWorld(t);
    });
    after(() => t?.close());

    /** The stage engine learns a dispatch from the shipping module's event: preparation finishes now. */
    const dispatched = (orderId: string) => inTransaction(t.db.handle.db, (tx) => appendEvent(tx, { entityType: 'order', entityId: orderId, type: 'shipment.dispatched', actor: null, data: {} }));

    test('late after the press went down: 设备故障; on time: no reason; a person’s reason stays', async () => {
      const press = await makeCenter(t, w.admin, 8);
      const p = await makeProduct(t, w.admin, { sku: 'PRS-EQ', makeOrBuy: 'make' });
      await setRouting(t, w.admin, p.id, [{ name: '冲压', workCenterId: press.id, runMinutesPerUnit: 60 }]);
      const late = await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: p.id, qty: 4 }], { promisedDate: inDays(12) });
      const onTime = await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: p.id, qty: 2 }], { promisedDate: inDays(14) });
      const explained = await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: p.id, qty: 1 }], { promisedDate: inDays(16) });
      assert.equal((await t.req(w.planner.session, 'POST', '/api/v1/schedule/run', {})).statusCode, 200);
      // Made to order: each confirmed short, which pre-filled 缺料 (a suggestion the next known event may replace).
      for (const o of [late, onTime, explained]) assert.deepEqual([(await row(t, o.id, 'preparation')).delayReason, (await row(t, o.id, 'preparation')).delaySource], ['material_shortage', 'event']);

      // A person explains the third order's (late) stage before the press goes down.
      await dueAgo(t, explained.id, 'preparation', 120);
      const mine = await t.req(w.rep.session, 'PATCH', `/api/v1/orders/${explained.id}/stages/preparation`, { delayReason: 'capacity', delayNote: '订单插队' });
      assert.equal(mine.statusCode, 200, mine.body);

      const down = await t.req(w.planner.session, 'POST', `/api/v1/work-centers/${press.id}/down`, { reason: '液压系统漏油', expectedUpAt: new Date(Date.now() + 20 * 86_400_000).toISOString() });
      assert.equal(down.statusCode, 200, down.body);
      assert.deepEqual(down.json().affectedOrders.map((o: any) => o.orderId).sort(), [late.id, onTime.id, explained.id].sort());
      for (const o of [late, onTime]) {
        const s = await row(t, o.id, 'preparation');
        assert.deepEqual([s.delayReason, s.delaySource], ['equipment_down', 'event'], 'pre-filled while the stage runs');
        assert.equal((await row(t, o.id, 'review')).delayReason, null, 'only the production stage');
      }
      assert.deepEqual([(await row(t, explained.id, 'preparation')).delayReason, (await row(t, explained.id, 'preparation')).delaySource], ['capacity', 'user']);

      // The first finishes three hours late: the late time is the equipment's; the second on time: nothing to explain.
      await dueAgo(t, late.id, 'preparation', 180);
      await dispatched(late.id);
      await dispatched(onTime.id);
      await dispatched(explained.id);
      const l = await row(t, late.id, 'preparation');
      assert.ok(l.completedAt && Number(l.delayMinutes) >= 179, `late by ${l.delayMinutes} minutes`);
      assert.deepEqual([l.delayReason, l.delaySource], ['equipment_down', 'event']);
      const stages = (await t.req(w.rep.session, 'GET', `/api/v1/orders/${late.id}`)).json().stages;
      assert.equal(stages.find((s: any) => s.stage === 'preparation').delayReason, 'equipment_down');
      const o = await row(t, onTime.id, 'preparation');
      assert.deepEqual([Number(o.delayMinutes), o.delayReason], [0, null], 'on time: the pre-fill is dropped');
      assert.equal((await row(t, explained.id, 'preparation')).delayReason, 'capacity', 'the person’s reason stays');
      const report = (await t.req(w.admin, 'GET', '/api/v1/reports/delays?groupBy=reason')).json().items;
      assert.ok(report.some((r: any) => r.key === 'equipment_down' && r.lateStages >= 1), JSON.stringify(report));
    });
  });
}
