import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { placeWork } from '../../src/server/modules/production/capacity.ts';
import { schedule } from '../../src/server/modules/production/scheduler.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays } from '../orders/helpers.ts';
import { makeProduct } from './helpers.ts';
import { confirmedOrder, makeCenter, nextMonday, productionWorld, setRouting, workOrdersOf } from './work-world.ts';

/** China wall-clock time as epoch ms / ISO UTC. */
const cn = (s: string) => Date.parse(`${s}+08:00`);
const cnIso = (s: string) => new Date(cn(s)).toISOString();
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('capacity calendar (Mon–Fri from 08:00 China, capacity per day)', () => {
  const eight = { capacityMinutes: 480, blocked: [] };
  test('work spills over into the next working day, weekends are skipped', () => {
    // 2030-01-07 is a Monday.
    assert.deepEqual(placeWork(eight, cn('2030-01-07T08:00'), 600), { start: cn('2030-01-07T08:00'), finish: cn('2030-01-08T10:00') });
    assert.deepEqual(placeWork(eight, cn('2030-01-11T15:00'), 120), { start: cn('2030-01-11T15:00'), finish: cn('2030-01-14T09:00') }, 'Friday → Monday');
    assert.deepEqual(placeWork(eight, cn('2030-01-12T10:00'), 60), { start: cn('2030-01-14T08:00'), finish: cn('2030-01-14T09:00') }, 'Saturday start waits for Monday');
    assert.deepEqual(placeWork(eight, cn('2030-01-07T17:30'), 0), { start: cn('2030-01-08T08:00'), finish: cn('2030-01-08T08:00') }, 'after hours: next morning');
  });
  test('a down period blocks the center; with no expected repair, or no capacity, nothing can be placed (and the walk ends)', () => {
    const down = { capacityMinutes: 480, blocked: [{ from: cn('2030-01-07T10:00'), to: cn('2030-01-09T08:00') }] };
    assert.deepEqual(placeWork(down, cn('2030-01-07T08:00'), 180), { start: cn('2030-01-07T08:00'), finish: cn('2030-01-09T09:00') });
    assert.equal(placeWork({ capacityMinutes: 480, blocked: [{ from: cn('2030-01-07T00:00'), to: null }] }, cn('2030-01-07T08:00'), 60), null);
    const t0 = performance.now();
    assert.equal(placeWork({ capacityMinutes: 0, blocked: [] }, cn('2030-01-07T08:00'), 60), null);
    assert.ok(performance.now() - t0 < 200);
  });
  test('the scheduler is deterministic whatever order the work orders come in', () => {
    const centers = new Map([['X', eight]]);
    const wos = ['low', 'normal', 'urgent', 'high'].map((priority, i) => ({ id: `w${i}`, number: `WO-${i}`, priority: priority as any, dueDate: null, createdAt: `2030-01-0${i + 1}`, operations: [{ id: `o${i}`, workCenterId: 'X', minutes: 240, done: false }] }));
    const a = schedule(wos, centers, cn('2030-01-07T08:00'));
    const b = schedule([...wos].reverse(), centers, cn('2030-01-07T08:00'));
    assert.deepEqual(a, b);
    assert.deepEqual(
      a.map((r) => r.id),
      ['w2', 'w3', 'w1', 'w0'],
    );
  });
});

for (const d of await dialects()) {
  describe(`scheduling [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let w: Awaited<ReturnType<typeof productionWorld>>;
    before(async () => {
      t = await createTestApp(d.name);
      w = await productionWorld(t);
    });
    after(() => t?.close());
    const run = (from: string) => t.req(w.planner.session, 'POST', '/api/v1/schedule/run', { from });

    test('three orders compete for one center: priority wins, then the promised date; exact dates; order lines carry plannedCompletion and atRisk', async () => {
      const center = await makeCenter(t, w.admin, 8);
      const p = await makeProduct(t, w.admin, { sku: 'SCH', makeOrBuy: 'make' });
      await setRouting(t, w.admin, p.id, [{ name: '冲压', workCenterId: center.id, runMinutesPerUnit: 60 }]);
      const mon = nextMonday();
      const tue = addDays(mon.date, 1);
      // Created low first, urgent last; the low one is promised for Tuesday and will miss it.
      const low = await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: p.id, qty: 4 }], { priority: 'low', promisedDate: tue });
      const normalLate = await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: p.id, qty: 2 }], { priority: 'normal', promisedDate: inDays(mon.offset + 20) });
      const normalSoon = await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: p.id, qty: 2 }], { priority: 'normal', promisedDate: inDays(mon.offset + 10) });
      const urgent = await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: p.id, qty: 4 }], { priority: 'urgent', promisedDate: inDays(mon.offset + 2) });

      const r = await run(cnIso(`${mon.date}T08:00`));
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().unscheduled, 0);
      const plan = async (orderId: string) => {
        const [wo] = await workOrdersOf(t, w.planner.session, orderId);
        return [wo.plannedStart, wo.plannedFinish, wo.atRisk];
      };
      assert.deepEqual(await plan(urgent.id), [cnIso(`${mon.date}T08:00`), cnIso(`${mon.date}T12:00`), false]);
      assert.deepEqual(await plan(normalSoon.id), [cnIso(`${mon.date}T12:00`), cnIso(`${mon.date}T14:00`), false], 'same priority: the earlier promise first');
      assert.deepEqual(await plan(normalLate.id), [cnIso(`${mon.date}T14:00`), cnIso(`${mon.date}T16:00`), false]);
      assert.deepEqual(await plan(low.id), [cnIso(`${tue}T08:00`), cnIso(`${tue}T12:00`), true], 'finishes on the promised day: no time to ship');

      const line = async (orderId: string) => (await t.req(w.rep.session, 'GET', `/api/v1/orders/${orderId}`)).json().lines[0];
      assert.deepEqual([(await line(low.id)).plannedCompletion, (await line(low.id)).atRisk], [cnIso(`${tue}T12:00`), true]);
      assert.deepEqual([(await line(urgent.id)).plannedCompletion, (await line(urgent.id)).atRisk], [cnIso(`${mon.date}T12:00`), false]);
      const risky = r.json().atRiskOrders;
      assert.deepEqual(
        risky.map((o: any) => [o.orderId, o.plannedCompletion, o.bottleneckWorkCenterId]),
        [[low.id, cnIso(`${tue}T12:00`), center.id]],
      );

      // The board shows the center's queue in planned order, the late one flagged.
      const board = await t.req(w.planner.session, 'GET', '/api/v1/production/board');
      assert.equal(board.statusCode, 200, board.body);
      const queue = board.json().centers.find((c: any) => c.id === center.id).queue;
      assert.deepEqual(
        queue.map((q: any) => [q.plannedStart, q.atRisk]),
        [
          [cnIso(`${mon.date}T08:00`), false],
          [cnIso(`${mon.date}T12:00`), false],
          [cnIso(`${mon.date}T14:00`), false],
          [cnIso(`${tue}T08:00`), true],
        ],
      );
      assert.equal((await t.req(w.rep.session, 'GET', '/api/v1/production/board')).statusCode, 403, 'sales reps have no board');

      // Deterministic: the same input plans the same way again.
      const again = await run(cnIso(`${mon.date}T08:00`));
      assert.deepEqual({ ...(again.json() as object), durationMs: 0 }, { ...(r.json() as object), durationMs: 0 });
      assert.deepEqual(await plan(low.id), [cnIso(`${tue}T08:00`), cnIso(`${tue}T12:00`), true]);
    });

    test('operations follow each other across centers; each operation gets its own dates', async () => {
      const cut = await makeCenter(t, w.admin, 8);
      const weld = await makeCenter(t, w.admin, 4);
      const p = await makeProduct(t, w.admin, { sku: 'OPS', makeOrBuy: 'make' });
      await setRouting(t, w.admin, p.id, [
        { name: '下料', workCenterId: cut.id, setupMinutes: 30, runMinutesPerUnit: 15 },
        { name: '焊接', workCenterId: weld.id, setupMinutes: 0, runMinutesPerUnit: 45 },
      ]);
      const mon = nextMonday(9);
      const o = await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: p.id, qty: 6 }], { priority: 'urgent', promisedDate: inDays(mon.offset + 7) });
      // Urgent and promised soonest: first on these (fresh) centers.
      assert.equal((await run(cnIso(`${mon.date}T08:00`))).statusCode, 200);
      const [wo] = await workOrdersOf(t, w.planner.session, o.id);
      const detail = (await t.req(w.planner.session, 'GET', `/api/v1/work-orders/${wo.id}`)).json();
      // Cutting 30 + 6×15 = 120 min: 08:00–10:00; welding 6×45 = 270 min on a 4 h day: 10:00–12:00, then Tuesday 08:00–10:30.
      assert.deepEqual(
        detail.operations.map((op: any) => [op.plannedStart, op.plannedFinish]),
        [
          [cnIso(`${mon.date}T08:00`), cnIso(`${mon.date}T10:00`)],
          [cnIso(`${mon.date}T10:00`), cnIso(`${addDays(mon.date, 1)}T10:30`)],
        ],
      );
      assert.deepEqual([detail.plannedStart, detail.plannedFinish], [cnIso(`${mon.date}T08:00`), cnIso(`${addDays(mon.date, 1)}T10:30`)]);
    });

    test('a work center with no capacity: the work order is flagged at risk with that center named, not planned, and the run ends', async () => {
      const none = await makeCenter(t, w.admin, 0);
      const p = await makeProduct(t, w.admin, { sku: 'NOCAP', makeOrBuy: 'make' });
      await setRouting(t, w.admin, p.id, [{ name: '热处理', workCenterId: none.id, runMinutesPerUnit: 10 }]);
      const o = await confirmedOrder(t, w.rep.session, w.customerId, [{ productId: p.id, qty: 1 }], { priority: 'high', promisedDate: inDays(40) });
      const r = await run(new Date().toISOString());
      assert.equal(r.statusCode, 200, r.body);
      assert.ok(r.json().unscheduled >= 1);
      const [wo] = await workOrdersOf(t, w.planner.session, o.id);
      assert.deepEqual([wo.plannedStart, wo.plannedFinish, wo.atRisk, wo.bottleneckWorkCenterId], [null, null, true, none.id]);
      const line = (await t.req(w.rep.session, 'GET', `/api/v1/orders/${o.id}`)).json().lines[0];
      assert.deepEqual([line.plannedCompletion, line.atRisk], [null, true]);
      assert.ok(r.json().atRiskOrders.some((x: any) => x.orderId === o.id && x.bottleneckWorkCenterId === none.id));
    });

    test('the company calendar decides working days: a holiday Monday is skipped, a make-up Saturday is worked', async () => {
      const cal = await t.req(w.admin, 'PUT', '/api/v1/admin/calendar?year=2031', {
        workStart: '09:00',
        workEnd: '18:00',
        lunchStart: '12:00',
        lunchEnd: '13:00',
        weekendDays: [0, 6],
        holidays: [{ date: '2031-03-03', name: '测试假日' }],
        workdays: [{ date: '2031-03-08', name: '调休' }],
      });
      assert.equal(cal.statusCode, 200, cal.body);
      const center = await makeCenter(t, w.admin, 8);
      const p = await makeProduct(t, w.admin, { sku: 'CAL', makeOrBuy: 'make' });
      await setRouting(t, w.admin, p.id, [{ name: '装配', workCenterId: center.id, runMinutesPerUnit: 60 }]);
      const first = (await t.req(w.planner.session, 'POST', '/api/v1/work-orders', { productId: p.id, qty: 4, priority: 'urgent' })).json();
      // Monday 2031-03-03 is a holiday: the work starts Tuesday.
      assert.equal((await run(cnIso('2031-03-03T08:00'))).statusCode, 200);
      let wo = (await t.req(w.planner.session, 'GET', `/api/v1/work-orders/${first.id}`)).json();
      assert.deepEqual([wo.plannedStart, wo.plannedFinish], [cnIso('2031-03-04T08:00'), cnIso('2031-03-04T12:00')]);
      // From Friday noon, 8 hours: 4 on Friday, the rest on the make-up Saturday.
      const second = (await t.req(w.planner.session, 'POST', '/api/v1/work-orders', { productId: p.id, qty: 4, priority: 'urgent' })).json();
      assert.equal((await run(cnIso('2031-03-07T12:00'))).statusCode, 200);
      wo = (await t.req(w.planner.session, 'GET', `/api/v1/work-orders/${first.id}`)).json();
      const wo2 = (await t.req(w.planner.session, 'GET', `/api/v1/work-orders/${second.id}`)).json();
      assert.deepEqual([wo.plannedStart, wo.plannedFinish, wo2.plannedStart, wo2.plannedFinish], [cnIso('2031-03-07T12:00'), cnIso('2031-03-07T16:00'), cnIso('2031-03-08T08:00'), cnIso('2031-03-08T12:00')]);
    });

    test('bad input: a malformed start, capacity beyond a day, a routing on an unknown center — 400 with the field, nothing changed', async () => {
      const bad = await t.req(w.planner.session, 'POST', '/api/v1/schedule/run', { from: 'tomorrow' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().details[0].path, 'from');
      const cap = await t.req(w.admin, 'POST', '/api/v1/work-centers', { code: 'X25', name: 'x', capacityHoursPerDay: 25 });
      assert.equal(cap.statusCode, 400);
      assert.equal(cap.json().details[0].path, 'capacityHoursPerDay');
      const before = (await t.req(w.admin, 'GET', `/api/v1/products/${w.a.id}/routing`)).json();
      const r = await t.req(w.admin, 'PUT', `/api/v1/products/${w.a.id}/routing`, { operations: [{ name: 'x', workCenterId: 'nope', runMinutesPerUnit: 1 }] });
      assert.equal(r.statusCode, 400);
      assert.equal(r.json().details[0].path, 'operations.0.workCenterId');
      assert.deepEqual((await t.req(w.admin, 'GET', `/api/v1/products/${w.a.id}/routing`)).json(), before);
      const dup = await t.req(w.admin, 'POST', '/api/v1/work-centers', { code: 'DUP', name: 'a' });
      assert.equal(dup.statusCode, 201);
      assert.equal((await t.req(w.admin, 'POST', '/api/v1/work-centers', { code: 'DUP', name: 'b' })).statusCode, 409);
      assert.equal((await t.req(w.rep.session, 'POST', '/api/v1/schedule/run', {})).statusCode, 403);
    });
  });
}
