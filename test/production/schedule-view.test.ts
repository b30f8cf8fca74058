/**
 * GET /schedule (the Gantt's data) on both dialects: per work center the planned operations
 * in the window with the order's priority and risk, the bottleneck named; bad windows are 400
 * naming the field; sales without production:read get 403.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays } from '../orders/helpers.ts';
import { makeProduct } from './helpers.ts';
import { confirmedOrder, makeCenter, nextMonday, productionWorld, setRouting, workOrdersOf } from './work-world.ts';

const cnIso = (local: string) => new Date(`${local}:00+08:00`).toISOString();

for (const d of await dialects()) {
  describe(`schedule view (Gantt) [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let w: Awaited<ReturnType<typeof productionWorld>>;
    before(async () => {
      t = await createTestApp(d.name);
      w = await productionWorld(t);
    });
    after(() => t?.close());

    test('bars per center in planned order with the order priority and risk; the center holding up the late work is the bottleneck', async () => {
      const press = await makeCenter(t, w.admin, 8, `PR-${Math.random().toString(36).slice(2, 6)}`);
      const weld = await makeCenter(t, w.admin, 8, `WD-${Math.random().toString(36).slice(2, 6)}`);
      const p = await makeProduct(t, w.admin, { sku: 'GNT', makeOrBuy: 'make' });
      await setRouting(t, w.admin, p.id, [
        { name: '冲压', workCenterId: press.id, runMinutesPerUnit: 60 },
        { name: '焊接', workCenterId: weld.id, runMinutesPerUnit: 30 },
      ]);
      const mon = nextMonday();
      const low = await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: p.id, qty: 8 }], { priority: 'low', promisedDate: inDays(mon.offset + 1) });
      const urgent = await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: p.id, qty: 4 }], { priority: 'urgent', promisedDate: inDays(mon.offset + 10) });
      const run = await t.req(w.planner.session, 'POST', '/api/v1/schedule/run', { from: cnIso(`${mon.date}T08:00`) });
      assert.equal(run.statusCode, 200, run.body);

      const r = await t.req(w.planner.session, 'GET', `/api/v1/schedule?from=${mon.date}&days=7`);
      assert.equal(r.statusCode, 200, r.body);
      const v = r.json();
      assert.deepEqual([v.from, v.to], [mon.date, inDays(mon.offset + 6)]);
      const pressRow = v.centers.find((c: any) => c.id === press.id);
      const [uw] = await workOrdersOf(t, w.planner.session, urgent.id);
      const [lw] = await workOrdersOf(t, w.planner.session, low.id);
      // Urgent first: Monday 08:00–12:00 on the press, then the low one 12:00 → Tuesday 12:00 (8 h).
      assert.deepEqual(
        pressRow.operations.map((o: any) => [o.number, o.priority, o.atRisk, o.plannedStart, o.plannedFinish, o.orderNumber, o.name]),
        [
          [uw.number, 'urgent', false, cnIso(`${mon.date}T08:00`), cnIso(`${mon.date}T12:00`), urgent.number, '冲压'],
          [lw.number, 'low', true, cnIso(`${mon.date}T12:00`), cnIso(`${inDays(mon.offset + 1)}T12:00`), low.number, '冲压'],
        ],
      );
      assert.equal(v.centers.find((c: any) => c.id === weld.id).operations.length, 2);
      assert.equal(pressRow.unplanned, 0);
      assert.equal(lw.bottleneckWorkCenterId ?? press.id, press.id);
      assert.deepEqual(v.bottleneck && [v.bottleneck.id, v.bottleneck.atRisk >= 1], [press.id, true]);

      // A window before the plan shows no bars.
      const early = (await t.req(w.planner.session, 'GET', `/api/v1/schedule?from=${inDays(mon.offset - 30)}&days=3`)).json();
      assert.equal(early.centers.find((c: any) => c.id === press.id).operations.length, 0);
    });

    test('another rep sees the bars (capacity is shared) but not whose orders they serve', async () => {
      const other = await t.as(['sales']);
      const v = (await t.req(other.session, 'GET', '/api/v1/schedule?days=62')).json();
      const mine = (await t.req(w.rep.session, 'GET', '/api/v1/schedule?days=62')).json();
      const count = (x: any) => x.centers.reduce((n: number, c: any) => n + c.operations.length, 0);
      assert.equal(count(v), count(mine));
      assert.ok(count(mine) > 0);
      assert.ok(mine.centers.some((c: any) => c.operations.some((o: any) => o.orderNumber !== null)), 'the owner sees the order numbers');
      assert.ok(v.centers.every((c: any) => c.operations.every((o: any) => o.orderNumber === null && o.promisedDate === null)));
    });

    test('bad window: 400 naming the field; a user without production:read: 403', async () => {
      const zero = await t.req(w.planner.session, 'GET', '/api/v1/schedule?days=0');
      assert.equal(zero.statusCode, 400);
      assert.equal(zero.json().details[0].path, 'days');
      const date = await t.req(w.planner.session, 'GET', '/api/v1/schedule?from=2026-13-45');
      assert.equal(date.statusCode, 400);
      assert.equal(date.json().details[0].path, 'from');
      const finance = await t.as(['finance']);
      assert.equal((await t.req(finance.session, 'GET', '/api/v1/schedule')).statusCode, 403);
    });
  });
}
