import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { calendarSeeds } from '../../src/contracts/calendar.ts';
import { addWorkingTime, buildCalendar, dueFrom, isWorkingDay, nextWorkingTime, promisedEnd, subtractWorkingTime } from '../../src/server/modules/sla/index.ts';
import { offsetTime } from '../../src/server/modules/sla/working-time.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';

const { year, ...seed2026 } = calendarSeeds[0];
const cal = buildCalendar(new Map([[year, seed2026]]), 'Asia/Shanghai');
/** China wall-clock time → instant. */
const cn = (s: string) => Date.parse(`${s}+08:00`);
const show = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('working time on the 2026 calendar (Asia/Shanghai, 09:00–18:00, lunch 12:00–13:00)', () => {
  test('the State Council 2026 schedule: holidays off, make-up weekend days on', () => {
    assert.equal(isWorkingDay('2026-01-01', cal), false, '元旦');
    assert.equal(isWorkingDay('2026-01-04', cal), true, 'Sunday 4 January is a make-up workday');
    assert.equal(isWorkingDay('2026-02-14', cal), true, 'Saturday before 春节');
    assert.equal(isWorkingDay('2026-02-23', cal), false, 'last day of 春节');
    assert.equal(isWorkingDay('2026-02-28', cal), true);
    assert.equal(isWorkingDay('2026-05-09', cal), true);
    assert.equal(isWorkingDay('2026-09-20', cal), true);
    assert.equal(isWorkingDay('2026-10-07', cal), false);
    assert.equal(isWorkingDay('2026-10-10', cal), true, 'Saturday 10 October is a make-up workday');
    assert.equal(isWorkingDay('2026-10-11', cal), false, 'an ordinary Sunday');
    assert.equal(isWorkingDay('2026-11-27', cal), true, 'an ordinary Friday');
  });

  test('working hours skip the National Day holiday', () => {
    assert.equal(show(addWorkingTime(cn('2026-09-30T17:00'), { hours: 4 }, cal)), '2026-10-08 12:00');
  });

  test('a make-up Saturday counts as working time', () => {
    assert.equal(show(addWorkingTime(cn('2026-10-09T16:00'), { hours: 4 }, cal)), '2026-10-10 11:00');
    assert.equal(show(subtractWorkingTime(cn('2026-10-12T23:59:59'), { days: 1 }, cal)), '2026-10-10 18:00', 'one working day before Monday is the make-up Saturday');
  });

  test('lunch is not working time; a span can end exactly at the end of the day', () => {
    assert.equal(show(addWorkingTime(cn('2026-10-12T11:00'), { hours: 2 }, cal)), '2026-10-12 14:00');
    assert.equal(show(addWorkingTime(cn('2026-10-12T09:00'), { hours: 8 }, cal)), '2026-10-12 18:00');
    assert.equal(show(addWorkingTime(cn('2026-10-12T12:30'), { minutes: 30 }, cal)), '2026-10-12 13:30');
  });

  test('a start outside working time counts from the next working time', () => {
    assert.equal(show(nextWorkingTime(cn('2026-10-03T10:00'), cal)), '2026-10-08 09:00', 'holiday');
    assert.equal(show(nextWorkingTime(cn('2026-10-11T10:00'), cal)), '2026-10-12 09:00', 'Sunday');
    assert.equal(show(nextWorkingTime(cn('2026-10-12T18:00'), cal)), '2026-10-13 09:00', 'end of the day');
    assert.equal(show(nextWorkingTime(cn('2026-10-12T10:15'), cal)), '2026-10-12 10:15', 'already working time');
    assert.equal(show(addWorkingTime(cn('2026-10-11T22:00'), { hours: 1 }, cal)), '2026-10-12 10:00');
  });

  test('working days keep the wall-clock time; subtracting crosses the holiday backwards', () => {
    assert.equal(show(addWorkingTime(cn('2026-09-30T10:00'), { days: 1 }, cal)), '2026-10-08 10:00');
    assert.equal(show(addWorkingTime(cn('2026-02-13T15:00'), { days: 1 }, cal)), '2026-02-14 15:00', 'Friday + 1 = the make-up Saturday');
    assert.equal(show(addWorkingTime(cn('2026-02-14T15:00'), { days: 1 }, cal)), '2026-02-24 15:00', 'over 春节');
    assert.equal(show(subtractWorkingTime(cn('2026-10-08T10:00'), { hours: 2 }, cal)), '2026-09-30 17:00');
    assert.equal(show(subtractWorkingTime(cn('2026-10-08T14:00'), { days: 1 }, cal)), '2026-09-30 14:00');
  });

  test('a due time falling on a holiday moves to the next working time; elapsed hours ignore the calendar', () => {
    const onHoliday = promisedEnd('2026-10-03');
    assert.equal(show(dueFrom({ due: { anchor: 'promised_date', amount: 0, unit: 'working_hours' } }, onHoliday, cal)), '2026-10-08 09:00');
    assert.equal(show(dueFrom({ due: { anchor: 'promised_date', amount: 0, unit: 'working_days' } }, cn('2026-05-02T11:00'), cal)), '2026-05-06 09:00');
    assert.equal(show(offsetTime(cn('2026-10-03T10:00'), 24, 'hours', cal)), '2026-10-04 10:00');
  });

  test('a year without a stored calendar has weekends only', () => {
    assert.equal(isWorkingDay('2027-01-01', cal), true, 'no 2027 holidays until an admin enters them');
    assert.equal(isWorkingDay('2027-01-02', cal), false);
  });
});

for (const d of await dialects()) {
  describe(`GET/PUT /admin/calendar [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
    });
    after(() => t?.close());

    test('2026 comes seeded with the official holidays and make-up workdays', async () => {
      const r = await t.req(admin, 'GET', '/api/v1/admin/calendar?year=2026');
      assert.equal(r.statusCode, 200, r.body);
      const c = r.json();
      assert.equal(c.holidays.length, 3 + 9 + 3 + 5 + 3 + 3 + 7);
      assert.deepEqual(c.workdays.map((w: any) => w.date), ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
      assert.deepEqual([c.workStart, c.workEnd, c.lunchStart, c.lunchEnd, c.weekendDays], ['09:00', '18:00', '12:00', '13:00', [0, 6]]);
      const empty = (await t.req(admin, 'GET', '/api/v1/admin/calendar?year=2031')).json();
      assert.deepEqual([empty.version, empty.holidays], [0, []]);
    });

    test('an admin edits a year; the version guards concurrent edits; the change is on the audit log', async () => {
      const body = { workStart: '08:30', workEnd: '17:30', lunchStart: null, lunchEnd: null, weekendDays: [0], holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [], version: 0 };
      const r = await t.req(admin, 'PUT', '/api/v1/admin/calendar?year=2027', body);
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().version, 1);
      assert.equal((await t.req(admin, 'PUT', '/api/v1/admin/calendar?year=2027', body)).statusCode, 409, 'version 0 is stale now');
      const again = await t.req(admin, 'PUT', '/api/v1/admin/calendar?year=2027', { ...body, version: 1, workdays: [{ date: '2027-01-02', name: '调休' }] });
      assert.equal(again.statusCode, 200, again.body);
      assert.deepEqual(again.json().workdays, [{ date: '2027-01-02', name: '调休' }]);
      const events = await t.db.handle.db.selectFrom('event').select(['type', 'actorId']).where('entityType', '=', 'work_calendar').where('entityId', '=', '2027').execute();
      assert.equal(events.length, 2);
    });

    test('bad input is refused field by field in the caller language and changes nothing', async () => {
      const before = (await t.req(admin, 'GET', '/api/v1/admin/calendar?year=2026')).json();
      const bad = { ...before, version: before.version, workdays: [...before.workdays, { date: '2026-10-01', name: 'x' }] };
      delete bad.year;
      delete bad.updatedAt;
      const zh = await t.req(admin, 'PUT', '/api/v1/admin/calendar?year=2026', bad, { 'accept-language': 'zh-CN' });
      assert.equal(zh.statusCode, 400);
      assert.ok(zh.json().details.some((x: any) => x.path === 'workdays.6.date' && x.message.includes('既是假日又是调休上班日')), zh.body);
      const en = await t.req(admin, 'PUT', '/api/v1/admin/calendar?year=2026', { ...bad, workdays: [], workEnd: '08:00' }, { 'accept-language': 'en-US' });
      assert.equal(en.statusCode, 400);
      assert.ok(en.json().details.some((x: any) => x.path === 'workEnd' && x.message.includes('after the start of work')), en.body);
      const wrongYear = await t.req(admin, 'PUT', '/api/v1/admin/calendar?year=2026', { ...bad, workdays: [{ date: '2025-12-31', name: 'x' }] }, { 'accept-language': 'en-US' });
      assert.equal(wrongYear.statusCode, 400);
      assert.equal(wrongYear.json().details[0].path, 'workdays.0.date');
      assert.match(wrongYear.json().details[0].message, /not in the year/);
      const time = await t.req(admin, 'PUT', '/api/v1/admin/calendar?year=2026', { ...bad, workdays: [], workStart: '9am' }, { 'accept-language': 'zh-CN' });
      assert.equal(time.statusCode, 400);
      assert.ok(time.json().details.some((x: any) => x.path === 'workStart' && x.message.includes('HH:mm')), time.body);
      const afterAll = (await t.req(admin, 'GET', '/api/v1/admin/calendar?year=2026')).json();
      assert.deepEqual(afterAll, before);
    });

    test('only admins see or change the calendar', async () => {
      const rep = (await t.as(['sales_manager'])).session;
      assert.equal((await t.req(rep, 'GET', '/api/v1/admin/calendar?year=2026')).statusCode, 403);
      assert.equal((await t.req(rep, 'PUT', '/api/v1/admin/calendar?year=2026', {})).statusCode, 403);
    });
  });
}
