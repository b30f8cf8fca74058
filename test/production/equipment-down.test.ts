import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays } from '../orders/helpers.ts';
import { makeProduct } from './helpers.ts';
import { confirmedOrder, makeCenter, productionWorld, setRouting, workOrdersOf } from './work-world.ts';

for (const d of await dialects()) {
  describe(`equipment down [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let w: Awaited<ReturnType<typeof productionWorld>>;
    before(async () => {
      t = await createTestApp(d.name);
      w = await productionWorld(t);
    });
    after(() => t?.close());

    const alerts = async (userId: string) =>
      (await t.db.handle.db.selectFrom('outbox').select('payload').where('channel', '=', 'inapp').where('topic', '=', 'production.equipment_down').execute()).map((r) => JSON.parse(r.payload)).filter((p) => p.userId === userId);
    const line = async (orderId: string) => (await t.req(w.rep.session, 'GET', `/api/v1/orders/${orderId}`)).json().lines[0];
    const timeline = async (orderId: string) => (await t.req(w.rep.session, 'GET', `/api/v1/orders/${orderId}/timeline`)).json().items as any[];

    test('down: re-planned, the orders now missing their promise are listed, flagged, on their timelines, the owner and the planner told once; up restores', async () => {
      const press = await makeCenter(t, w.admin, 8);
      const lathe = await makeCenter(t, w.admin, 8);
      const p = await makeProduct(t, w.admin, { sku: 'PRS', makeOrBuy: 'make' });
      const q = await makeProduct(t, w.admin, { sku: 'LTH', makeOrBuy: 'make' });
      await setRouting(t, w.admin, p.id, [{ name: '冲压', workCenterId: press.id, runMinutesPerUnit: 60 }]);
      await setRouting(t, w.admin, q.id, [{ name: '车削', workCenterId: lathe.id, runMinutesPerUnit: 60 }]);
      const o1 = await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: p.id, qty: 4 }], { promisedDate: inDays(12) });
      const o2 = await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: p.id, qty: 2 }], { promisedDate: inDays(14), priority: 'high' });
      const elsewhere = await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: q.id, qty: 2 }], { promisedDate: inDays(12) });
      assert.equal((await t.req(w.planner.session, 'POST', '/api/v1/schedule/run', {})).statusCode, 200);
      for (const o of [o1, o2, elsewhere]) assert.equal((await line(o.id)).atRisk, false);
      const plannedBefore = (await line(o1.id)).plannedCompletion;
      assert.ok(plannedBefore);

      const expectedUpAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
      const r = await t.req(w.planner.session, 'POST', `/api/v1/work-centers/${press.id}/down`, { reason: '液压系统漏油', expectedUpAt });
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json();
      assert.deepEqual([body.workCenter.state, body.workCenter.downReason, body.workCenter.expectedUpAt], ['down', '液压系统漏油', expectedUpAt]);
      const woIds = [...(await workOrdersOf(t, w.planner.session, o1.id)), ...(await workOrdersOf(t, w.planner.session, o2.id))].map((x) => x.id).sort();
      assert.deepEqual(body.affectedWorkOrders.map((x: any) => x.id).sort(), woIds, 'both work orders on the press, not the lathe');
      assert.deepEqual(body.affectedOrders.map((x: any) => x.orderId).sort(), [o1.id, o2.id].sort());
      const a1 = body.affectedOrders.find((x: any) => x.orderId === o1.id);
      assert.equal(a1.plannedCompletionBefore, plannedBefore);
      assert.ok(Date.parse(a1.plannedCompletion) >= Date.parse(expectedUpAt), 'nothing planned on the press before it is back');
      assert.equal(a1.atRisk, true);
      assert.equal((await line(o1.id)).atRisk, true);
      assert.equal((await line(elsewhere.id)).atRisk, false);
      assert.ok((await timeline(o1.id)).some((e) => e.type === 'production.equipment_down'));
      assert.ok(!(await timeline(elsewhere.id)).some((e) => e.type === 'production.equipment_down'));

      const repAlerts = await alerts(w.rep.user.id);
      assert.equal(repAlerts.length, 1, 'the owner of both orders is told once');
      assert.ok(repAlerts[0].body.includes(o1.number) && repAlerts[0].body.includes(o2.number), repAlerts[0].body);
      assert.equal((await alerts(w.planner.user.id)).length, 1);

      const again = await t.req(w.admin, 'POST', `/api/v1/work-centers/${press.id}/down`, { reason: '再次', expectedUpAt });
      assert.equal(again.statusCode, 409);
      assert.equal((await alerts(w.rep.user.id)).length, 1);

      const up = await t.req(w.planner.session, 'POST', `/api/v1/work-centers/${press.id}/up`, {});
      assert.equal(up.statusCode, 200, up.body);
      assert.equal(up.json().workCenter.state, 'up');
      assert.equal((await line(o1.id)).atRisk, false);
      assert.ok(Date.parse((await line(o1.id)).plannedCompletion) < Date.parse(expectedUpAt));
      assert.ok((await timeline(o1.id)).some((e) => e.type === 'production.equipment_up'));
      assert.equal((await t.req(w.planner.session, 'POST', `/api/v1/work-centers/${press.id}/up`, {})).statusCode, 409, 'already up');
    });

    test('down with nothing planned on it: no affected orders, nobody notified', async () => {
      const idle = await makeCenter(t, w.admin, 8);
      const before = (await alerts(w.planner.user.id)).length;
      const r = await t.req(w.planner.session, 'POST', `/api/v1/work-centers/${idle.id}/down`, { reason: '保养' });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual([r.json().affectedWorkOrders, r.json().affectedOrders, r.json().workCenter.expectedUpAt], [[], [], null]);
      assert.equal((await alerts(w.planner.user.id)).length, before);
    });

    test('bad input is a localized field error and leaves the center up; two planners at once: one sets it down', async () => {
      const c = await makeCenter(t, w.admin, 8);
      const noReason = await t.req(w.planner.session, 'POST', `/api/v1/work-centers/${c.id}/down`, { expectedUpAt: new Date().toISOString() });
      assert.equal(noReason.statusCode, 400);
      assert.equal(noReason.json().details[0].path, 'reason');
      assert.match(noReason.json().details[0].message, /必填/);
      const badDate = await t.req(w.planner.session, 'POST', `/api/v1/work-centers/${c.id}/down`, { reason: 'x', expectedUpAt: '明天' }, { 'accept-language': 'en-US' });
      assert.equal(badDate.statusCode, 400);
      assert.equal(badDate.json().details[0].path, 'expectedUpAt');
      assert.equal((await t.req(w.planner.session, 'GET', `/api/v1/work-centers/${c.id}`)).json().state, 'up');
      assert.equal((await t.req(w.rep.session, 'POST', `/api/v1/work-centers/${c.id}/down`, { reason: 'x' })).statusCode, 403);
      assert.equal((await t.req(w.planner.session, 'POST', `/api/v1/work-centers/nope/down`, { reason: 'x' })).statusCode, 404);

      const [a, b] = await Promise.all([
        t.req(w.planner.session, 'POST', `/api/v1/work-centers/${c.id}/down`, { reason: '甲' }),
        t.req(w.admin, 'POST', `/api/v1/work-centers/${c.id}/down`, { reason: '乙' }),
      ]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
    });
  });
}
