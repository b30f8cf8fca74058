/**
 * The board's figures on both dialects: today's output against the plan per work center, the
 * orders at risk with their bottleneck, the on-time rate of the last 30 days, and the live
 * push every connected screen gets when equipment goes down.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays } from '../orders/helpers.ts';
import { makeProduct } from './helpers.ts';
import { confirmedOrder, makeCenter, productionWorld, setRouting, workOrdersOf } from './work-world.ts';

const chinaDate = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));

for (const d of await dialects()) {
  describe(`production board [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let w: Awaited<ReturnType<typeof productionWorld>>;
    before(async () => {
      t = await createTestApp(d.name);
      w = await productionWorld(t);
    });
    after(() => t?.close());

    const board = async () => {
      const r = await t.req(w.planner.session, 'GET', '/api/v1/production/board');
      assert.equal(r.statusCode, 200, r.body);
      return r.json();
    };

    test('today: good quantity reported counts as output; the plan still puts the share of remaining work that falls on today', async () => {
      const press = await makeCenter(t, w.admin, 8);
      const p = await makeProduct(t, w.admin, { sku: 'BRD', makeOrBuy: 'make' });
      await setRouting(t, w.admin, p.id, [{ name: '冲压', workCenterId: press.id, runMinutesPerUnit: 1 }]);
      const o = await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: p.id, qty: 600 }], { promisedDate: inDays(40) });
      const midnight = new Date(`${inDays(0)}T00:00:00+08:00`).toISOString();
      assert.equal((await t.req(w.planner.session, 'POST', '/api/v1/schedule/run', { from: midnight })).statusCode, 200);
      const [wo] = await workOrdersOf(t, w.planner.session, o.id);
      const rel = await t.req(w.planner.session, 'POST', `/api/v1/work-orders/${wo.id}/release`, {});
      assert.equal(rel.statusCode, 200, rel.body);
      const op = rel.json().operations[0];
      const pr = await t.req(w.planner.session, 'POST', `/api/v1/work-orders/${wo.id}/progress`, { operationId: op.id, goodQty: 10, scrapQty: 0 });
      assert.equal(pr.statusCode, 200, pr.body);

      const c = (await board()).centers.find((x: any) => x.id === press.id);
      assert.equal(c.outputToday, 10);
      // 600 minutes on an 8-hour center from today's first working day: 480 of them that day.
      const startsToday = chinaDate(op.plannedStart) === inDays(0);
      assert.equal(c.remainingToday, startsToday ? Math.round(590 * (480 / 600)) : 0, `planned ${op.plannedStart} → ${op.plannedFinish}`);
      assert.equal(c.queue[0].progressPct > 0, true);
    });

    test('orders at risk: a center down without a repair time leaves the order unplanned, at risk, the center named as bottleneck', async () => {
      const saw = await makeCenter(t, w.admin, 8, `SAW-${Math.random().toString(36).slice(2, 6)}`);
      const p = await makeProduct(t, w.admin, { sku: 'SAW', makeOrBuy: 'make' });
      await setRouting(t, w.admin, p.id, [{ name: '锯切', workCenterId: saw.id, runMinutesPerUnit: 5 }]);
      const o = await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: p.id, qty: 3 }], { promisedDate: inDays(5), priority: 'urgent' });
      const received: { type: string; data: any }[] = [];
      const stop = t.ctx.live.subscribe(w.rep.user.id, (m) => received.push(m));
      const down = await t.req(w.planner.session, 'POST', `/api/v1/work-centers/${saw.id}/down`, { reason: '锯片断裂', expectedUpAt: null });
      assert.equal(down.statusCode, 200, down.body);
      await new Promise((r) => setTimeout(r, 300));
      stop();
      assert.ok(received.some((m) => m.type === 'production.board' && m.data.reason === 'equipment.down'), `every connected screen is told: ${JSON.stringify(received)}`);

      const b = await board();
      const risky = b.ordersAtRisk.items.find((x: any) => x.orderId === o.id);
      assert.deepEqual({ ...risky }, { orderId: o.id, number: o.number, priority: 'urgent', promisedDate: inDays(5), plannedCompletion: null, bottleneck: saw.code });
      assert.ok(b.ordersAtRisk.count >= 1);
      assert.equal(b.centers.find((x: any) => x.id === saw.id).state, 'down');
      assert.equal(b.totals.centersDown, 1);
      assert.equal((await t.req(w.planner.session, 'POST', `/api/v1/work-centers/${saw.id}/up`, {})).statusCode, 200);
    });

    test('on-time rate: orders delivered in the last 30 days, on or before the promised date', async () => {
      const before = (await board()).onTime;
      assert.equal(before.days, 30);
      const p = await makeProduct(t, w.admin, { sku: 'OT' });
      const promised = inDays(-3);
      const orders = [];
      for (let i = 0; i < 3; i++) orders.push(await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: p.id, qty: 1 }], { promisedDate: inDays(10) }));
      await t.db.handle.db.updateTable('salesOrder').set({ promisedDate: promised }).where('id', 'in', orders.map((o) => o.id)).execute();
      // Delivered on the promised day, a day late, and 40 days ago (outside the window).
      const delivered = [promised, inDays(-2), inDays(-40)];
      for (const [i, date] of delivered.entries()) {
        await t.db.handle.db.updateTable('orderStage').set({ completedAt: new Date(`${date}T10:00:00+08:00`).toISOString(), completedDate: date }).where('orderId', '=', orders[i].id).where('stage', '=', 'delivery').execute();
      }
      const after = (await board()).onTime;
      assert.deepEqual([after.delivered - before.delivered, after.onTime - before.onTime], [1 + 1, 1]);
      if (before.delivered === 0) assert.equal(after.rate, 0.5);
    });

    test('the board is for board:read; a sales rep without it gets 403', async () => {
      const r = await t.req(w.rep.session, 'GET', '/api/v1/production/board');
      assert.equal(r.statusCode, 403);
    });
  });
}
