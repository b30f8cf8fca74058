import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { placeWork, workingMinutesIn } from '../../src/server/modules/production/capacity.ts';
import { schedule } from '../../src/server/modules/production/scheduler.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { makeProduct } from './helpers.ts';
import { productionWorld, setRouting } from './work-world.ts';

/** China wall-clock time as epoch ms / ISO UTC. */
const cn = (s: string) => Date.parse(`${s}+08:00`);
const cnIso = (s: string) => new Date(cn(s)).toISOString();

describe('a work center’s own shift (capacity from its shift start)', () => {
  // 2030-01-07 is a Monday.
  const late = { capacityMinutes: 480, shiftStartMinutes: 14 * 60, blocked: [] };
  test('work starts at the shift start and spills over into the next working day’s shift', () => {
    assert.deepEqual(placeWork(late, cn('2030-01-07T08:00'), 600), { start: cn('2030-01-07T14:00'), finish: cn('2030-01-08T16:00') });
    assert.deepEqual(placeWork(late, cn('2030-01-11T21:00'), 120), { start: cn('2030-01-11T21:00'), finish: cn('2030-01-14T15:00') }, 'Friday evening → Monday afternoon');
    assert.deepEqual(placeWork(late, cn('2030-01-07T22:00'), 30), { start: cn('2030-01-08T14:00'), finish: cn('2030-01-08T14:30') }, 'after the shift: next shift');
    // Two shifts, 06:00–22:00: sixteen hours a day.
    assert.deepEqual(placeWork({ capacityMinutes: 960, shiftStartMinutes: 360, blocked: [] }, cn('2030-01-07T00:00'), 1_000), { start: cn('2030-01-07T06:00'), finish: cn('2030-01-08T06:40') });
    // The whole day.
    assert.deepEqual(placeWork({ capacityMinutes: 1440, shiftStartMinutes: 0, blocked: [] }, cn('2030-01-07T23:00'), 120), { start: cn('2030-01-07T23:00'), finish: cn('2030-01-08T01:00') });
  });
  test('the board splits by the same shift; centers on different shifts hand work over at the shift boundaries, deterministically', () => {
    assert.equal(workingMinutesIn(late, cn('2030-01-07T00:00'), cn('2030-01-07T15:00')), 60);
    assert.equal(workingMinutesIn(late, cn('2030-01-07T00:00'), cn('2030-01-09T00:00')), 960);
    const centers = new Map([
      ['EARLY', { capacityMinutes: 480, shiftStartMinutes: 6 * 60, blocked: [] }],
      ['LATE', late],
    ]);
    const wos = [0, 1, 2].map((i) => ({ id: `w${i}`, number: `WO-${i}`, priority: 'normal' as const, dueDate: null, createdAt: `2030-01-0${i + 1}`, operations: [{ id: `a${i}`, workCenterId: 'EARLY', minutes: 240, done: false }, { id: `b${i}`, workCenterId: 'LATE', minutes: 240, done: false }] }));
    const plan = schedule(wos, centers, cn('2030-01-07T00:00'));
    assert.deepEqual(plan, schedule([...wos].reverse(), centers, cn('2030-01-07T00:00')));
    const at = (id: string) => plan.flatMap((p) => p.operations).find((o) => o.id === id)!;
    assert.deepEqual([at('a0').start, at('a0').finish, at('b0').start, at('b0').finish], [cn('2030-01-07T06:00'), cn('2030-01-07T10:00'), cn('2030-01-07T14:00'), cn('2030-01-07T18:00')]);
    assert.deepEqual([at('a1').finish, at('b1').start, at('b1').finish], [cn('2030-01-07T14:00'), cn('2030-01-07T18:00'), cn('2030-01-07T22:00')]);
    // The third waits for Tuesday's late shift.
    assert.deepEqual([at('a2').start, at('b2').start, at('b2').finish], [cn('2030-01-08T06:00'), cn('2030-01-08T14:00'), cn('2030-01-08T18:00')]);
  });
});

for (const d of await dialects()) {
  describe(`work center hours and the company calendar [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let w: Awaited<ReturnType<typeof productionWorld>>;
    before(async () => {
      t = await createTestApp(d.name);
      w = await productionWorld(t);
      // 2031-03-03 (Monday) is a holiday; Saturday 2031-03-08 a make-up working day.
      const cal = await t.req(w.admin, 'PUT', '/api/v1/admin/calendar?year=2031', {
        workStart: '09:00',
        workEnd: '18:00',
        lunchStart: '12:00',
        lunchEnd: '13:00',
        weekendDays: [0, 6],
        holidays: [{ date: '2031-03-03', name: '测试假日' }],
        workdays: [{ date: '2031-03-08', name: '调休上班' }],
      });
      assert.equal(cal.statusCode, 200, cal.body);
    });
    after(() => t?.close());
    const run = (from: string) => t.req(w.planner.session, 'POST', '/api/v1/schedule/run', { from });
    const center = async (body: Record<string, unknown>) => t.req(w.admin, 'POST', '/api/v1/work-centers', { code: `SC-${Math.random().toString(36).slice(2, 7)}`, name: '班次测试', ...body });
    const planOf = async (id: string) => {
      const wo = (await t.req(w.planner.session, 'GET', `/api/v1/work-orders/${id}`)).json();
      return [wo.plannedStart, wo.plannedFinish];
    };

    test('a center carries its shift (default 08:00); a shift past midnight or a malformed time is 400 naming shiftStart', async () => {
      const plain = await center({ capacityHoursPerDay: 8 });
      assert.equal(plain.statusCode, 201, plain.body);
      assert.deepEqual([plain.json().shiftStart, plain.json().shiftEnd], ['08:00', '16:00']);
      const two = await center({ capacityHoursPerDay: 16, shiftStart: '06:00' });
      assert.equal(two.statusCode, 201, two.body);
      assert.deepEqual([two.json().shiftStart, two.json().shiftEnd, two.json().capacityHoursPerDay], ['06:00', '22:00', 16]);
      const night = await center({ capacityHoursPerDay: 8, shiftStart: '20:00' });
      assert.equal(night.statusCode, 400, night.body);
      assert.deepEqual([night.json().code, night.json().details[0].path, night.json().details[0].code], ['VALIDATION_FAILED', 'shiftStart', 'shift_past_midnight']);
      assert.match(night.json().details[0].message, /24:00/);
      const bad = await center({ shiftStart: '8:00' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().details[0].path, 'shiftStart');
      const listed = (await t.req(w.planner.session, 'GET', '/api/v1/work-centers')).json().items.find((c: { id: string }) => c.id === two.json().id);
      assert.deepEqual([listed.shiftStart, listed.shiftEnd], ['06:00', '22:00']);
    });

    test('editing the hours: the plan follows the shift, skips the holiday and works the make-up Saturday on the shift', async () => {
      const c = (await center({ capacityHoursPerDay: 8 })).json();
      const edit = await t.req(w.admin, 'PATCH', `/api/v1/work-centers/${c.id}`, { shiftStart: '13:00', capacityHoursPerDay: 6, version: c.version });
      assert.equal(edit.statusCode, 200, edit.body);
      assert.deepEqual([edit.json().shiftStart, edit.json().shiftEnd, edit.json().capacityHoursPerDay, edit.json().version], ['13:00', '19:00', 6, c.version + 1]);
      // The plan is redone by the worker after a change of hours.
      const jobs = await t.db.handle.db.selectFrom('outbox').select('payload').where('channel', '=', 'production.reschedule').execute();
      assert.ok(jobs.some((j) => JSON.parse(j.payload).reason === 'work center hours changed'));

      const p = await makeProduct(t, w.admin, { sku: `SH-${c.code}`, makeOrBuy: 'make' });
      await setRouting(t, w.admin, p.id, [{ name: '装配', workCenterId: c.id, runMinutesPerUnit: 60 }]);
      const first = (await t.req(w.planner.session, 'POST', '/api/v1/work-orders', { productId: p.id, qty: 8, priority: 'urgent' })).json();
      // Monday is a holiday: Tuesday 13:00–19:00 (6 h), then Wednesday 13:00–15:00.
      assert.equal((await run(cnIso('2031-03-03T08:00'))).statusCode, 200);
      assert.deepEqual(await planOf(first.id), [cnIso('2031-03-04T13:00'), cnIso('2031-03-05T15:00')]);
      // From Friday 17:00: 2 h on Friday, 6 h on the make-up Saturday's shift.
      assert.equal((await run(cnIso('2031-03-07T17:00'))).statusCode, 200);
      assert.deepEqual(await planOf(first.id), [cnIso('2031-03-07T17:00'), cnIso('2031-03-08T19:00')]);
      // Same input, same plan.
      assert.equal((await run(cnIso('2031-03-07T17:00'))).statusCode, 200);
      assert.deepEqual(await planOf(first.id), [cnIso('2031-03-07T17:00'), cnIso('2031-03-08T19:00')]);
    });

    test('bad edits change nothing: past midnight with the stored start, a stale version, no permission, unknown center', async () => {
      const c = (await center({ capacityHoursPerDay: 8, shiftStart: '14:00' })).json();
      const long = await t.req(w.admin, 'PATCH', `/api/v1/work-centers/${c.id}`, { capacityHoursPerDay: 12 });
      assert.equal(long.statusCode, 400, long.body);
      assert.deepEqual([long.json().details[0].path, long.json().details[0].code], ['shiftStart', 'shift_past_midnight']);
      const ok = await t.req(w.admin, 'PATCH', `/api/v1/work-centers/${c.id}`, { name: '后段装配', version: c.version });
      assert.equal(ok.statusCode, 200, ok.body);
      const stale = await t.req(w.admin, 'PATCH', `/api/v1/work-centers/${c.id}`, { shiftStart: '07:00', version: c.version });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().code, 'CONFLICT');
      assert.equal((await t.req(w.rep.session, 'PATCH', `/api/v1/work-centers/${c.id}`, { shiftStart: '07:00' })).statusCode, 403);
      assert.equal((await t.req(w.admin, 'PATCH', '/api/v1/work-centers/nope', { shiftStart: '07:00' })).statusCode, 404);
      const now = (await t.req(w.admin, 'GET', `/api/v1/work-centers/${c.id}`)).json();
      assert.deepEqual([now.name, now.shiftStart, now.capacityHoursPerDay, now.version], ['后段装配', '14:00', 8, c.version + 1]);
      // Two edits of the same version at once: one wins.
      const [a, b] = await Promise.all([
        t.req(w.admin, 'PATCH', `/api/v1/work-centers/${c.id}`, { shiftStart: '07:00', version: now.version }),
        t.req(w.admin, 'PATCH', `/api/v1/work-centers/${c.id}`, { shiftStart: '09:00', version: now.version }),
      ]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409], `${a.body} ${b.body}`);
    });

    test('the Gantt view names the window’s non-working days from the company calendar and each center’s shift', async () => {
      const v = await t.req(w.planner.session, 'GET', '/api/v1/schedule?from=2031-03-01&days=10');
      assert.equal(v.statusCode, 200, v.body);
      const days = v.json().days as { date: string; working: boolean; holiday: string | null; workday: string | null }[];
      assert.equal(days.length, 10);
      assert.deepEqual(
        days.filter((x) => !x.working).map((x) => x.date),
        ['2031-03-01', '2031-03-02', '2031-03-03', '2031-03-09'],
      );
      assert.deepEqual(days.find((x) => x.date === '2031-03-03'), { date: '2031-03-03', working: false, holiday: '测试假日', workday: null });
      assert.deepEqual(days.find((x) => x.date === '2031-03-08'), { date: '2031-03-08', working: true, holiday: null, workday: '调休上班' });
      assert.ok(v.json().centers.every((c: { shiftStart: string; shiftEnd: string }) => /^\d\d:\d\d$/.test(c.shiftStart) && /^\d\d:\d\d$/.test(c.shiftEnd)));
    });
  });
}
