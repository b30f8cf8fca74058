import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from '../../src/server/platform/exceljs.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { confirmedOrder } from './helpers.ts';

const RANGE = 'from=2026-09-01&to=2026-11-15';

for (const d of await dialects()) {
  describe(`responsibility reports [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let repA: { user: { id: string }; session: Session };
    let repB: { user: { id: string }; session: Session };
    const ids: Record<string, { id: string; number: string; customerId: string }> = {};

    /** Attribution as the engine freezes it at completion, set to known values. */
    const finished = async (key: string, stage: string, date: string, lead: number, delay: number, reason: string | null = null) => {
      await t.db.handle.db
        .updateTable('orderStage')
        .set({ completedAt: `${date}T04:00:00.000Z`, startedAt: `${date}T00:00:00.000Z`, dueAt: `${date}T01:00:00.000Z`, completedDate: date, leadMinutes: lead, delayMinutes: delay, delayReason: reason, customerId: ids[key].customerId, skipped: 0 })
        .where('orderId', '=', ids[key].id)
        .where('stage', '=', stage as never)
        .execute();
    };

    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      repA = await t.as(['sales']);
      repB = await t.as(['sales']);
      for (const [key, rep] of [
        ['o1', repA],
        ['o2', repA],
        ['o3', repB],
      ] as const) {
        const w = await confirmedOrder(t, admin, rep.session);
        ids[key] = { id: w.order.id, number: w.order.number, customerId: w.customerId };
      }
      await finished('o1', 'review', '2026-10-05', 60, 0);
      await finished('o1', 'preparation', '2026-10-20', 3000, 1440, 'capacity');
      await finished('o2', 'review', '2026-11-02', 60, 0);
      await finished('o2', 'preparation', '2026-11-03', 1000, 2880);
      await finished('o2', 'shipping', '2026-11-04', 30, 720, 'carrier');
      await finished('o3', 'review', '2026-11-09', 60, 0);
      await finished('o3', 'preparation', '2026-11-10', 500, 4320, 'capacity');
    });
    after(() => t?.close());

    const get = async (who: Session, url: string, lang = 'zh-CN') => {
      const r = await t.req(who, 'GET', url, undefined, { 'accept-language': lang });
      assert.equal(r.statusCode, 200, r.body);
      return r.json();
    };
    const pick = (items: any[]) => items.map((i) => [i.key, i.stages, i.lateStages, i.lateMinutes, i.lateDays]);

    test('late time by stage, owner, customer, month; the Pareto of reasons with shares', async () => {
      const byStage = await get(admin, `/api/v1/reports/delays?groupBy=stage&${RANGE}`, 'en-US');
      assert.equal(byStage.totalLateMinutes, 9360);
      assert.deepEqual(pick(byStage.items), [
        ['review', 3, 0, 0, 0],
        ['preparation', 3, 3, 8640, 6],
        ['shipping', 1, 1, 720, 0.5],
      ]);
      assert.equal(byStage.items[1].label, 'Preparation');
      const byOwner = await get(admin, `/api/v1/reports/delays?groupBy=owner&${RANGE}`);
      assert.deepEqual(pick(byOwner.items), [
        [repA.user.id, 5, 3, 5040, 3.5],
        [repB.user.id, 2, 1, 4320, 3],
      ]);
      assert.ok(byOwner.items[0].label.startsWith('用户'));
      const byCustomer = await get(admin, `/api/v1/reports/delays?groupBy=customer&${RANGE}`);
      assert.deepEqual(byCustomer.items.map((i: any) => [i.key, i.lateMinutes]).sort(), [
        [ids.o1.customerId, 1440],
        [ids.o2.customerId, 3600],
        [ids.o3.customerId, 4320],
      ].sort());
      assert.ok(byCustomer.items.every((i: any) => i.label.includes('宁波客户')));
      const byMonth = await get(admin, `/api/v1/reports/delays?groupBy=month&${RANGE}`);
      assert.deepEqual(pick(byMonth.items), [
        ['2026-10', 2, 1, 1440, 1],
        ['2026-11', 5, 3, 7920, 5.5],
      ]);
      const pareto = await get(admin, `/api/v1/reports/delays?groupBy=reason&${RANGE}`, 'en-US');
      assert.deepEqual(
        pareto.items.map((i: any) => [i.key, i.label, i.lateMinutes, i.share, i.cumulativeShare]),
        [
          ['capacity', 'Capacity', 5760, 0.615, 0.615],
          [null, null, 2880, 0.308, 0.923],
          ['carrier', 'Carrier', 720, 0.077, 1],
        ],
      );
      const narrow = await get(admin, '/api/v1/reports/delays?groupBy=stage&from=2026-11-01&to=2026-11-05');
      assert.equal(narrow.totalLateMinutes, 2880 + 720, 'the range is on the China completion date');
    });

    test('lead-time p50/p90 and on-time rate per stage', async () => {
      const lt = (await get(admin, `/api/v1/reports/stage-lead-times?${RANGE}`)).items;
      const by = Object.fromEntries(lt.map((r: any) => [r.stage, r]));
      assert.deepEqual([by.review.completed, by.review.onTime, by.review.onTimeRate, by.review.p50Minutes], [3, 3, 1, 60]);
      assert.deepEqual([by.preparation.completed, by.preparation.onTimeRate, by.preparation.p50Minutes, by.preparation.p90Minutes], [3, 0, 1000, 3000]);
      assert.deepEqual([by.delivery.completed, by.delivery.onTimeRate, by.delivery.p50Minutes], [0, null, null]);
      // The whole history (grouped by the minute, bucketed in code) gives the same figures: every stage finished inside RANGE.
      assert.deepEqual((await get(admin, '/api/v1/reports/stage-lead-times')).items, lt);
    });

    test('a rep sees only the delays of their own orders, in every report', async () => {
      const a = await get(repA.session, `/api/v1/reports/delays?groupBy=stage&${RANGE}`);
      assert.equal(a.totalLateMinutes, 1440 + 2880 + 720);
      const b = await get(repB.session, `/api/v1/reports/delays?groupBy=customer&${RANGE}`);
      assert.deepEqual(b.items.map((i: any) => i.key), [ids.o3.customerId]);
      const lt = (await get(repB.session, `/api/v1/reports/stage-lead-times?${RANGE}`)).items.find((r: any) => r.stage === 'preparation');
      assert.equal(lt.completed, 1);
      const rows = (await get(repB.session, `/api/v1/reports/delays/orders?${RANGE}`)).items;
      assert.deepEqual(rows.map((r: any) => r.orderId), [ids.o3.id]);
      const nobody = (await t.as(['sales'])).session;
      assert.deepEqual((await get(nobody, `/api/v1/reports/delays?groupBy=reason&${RANGE}`)).items, []);
    });

    test('drill-down to the late stages, paged newest first, filtered by what was clicked; Excel export', async () => {
      const p1 = await get(admin, `/api/v1/reports/delays/orders?${RANGE}&limit=2`);
      assert.deepEqual(p1.items.map((r: any) => [r.number, r.stage, r.lateMinutes]), [
        [ids.o3.number, 'preparation', 4320],
        [ids.o2.number, 'shipping', 720],
      ]);
      assert.ok(p1.nextCursor);
      const p2 = await get(admin, `/api/v1/reports/delays/orders?${RANGE}&limit=2&cursor=${p1.nextCursor}`);
      assert.deepEqual(p2.items.map((r: any) => [r.number, r.stage]), [
        [ids.o2.number, 'preparation'],
        [ids.o1.number, 'preparation'],
      ]);
      assert.equal(p2.nextCursor, null);
      assert.deepEqual((await get(admin, `/api/v1/reports/delays/orders?${RANGE}&reason=none`)).items.map((r: any) => [r.orderId, r.stage]), [[ids.o2.id, 'preparation']]);
      assert.deepEqual((await get(admin, `/api/v1/reports/delays/orders?${RANGE}&month=2026-10`)).items.map((r: any) => r.orderId), [ids.o1.id]);
      assert.deepEqual((await get(admin, `/api/v1/reports/delays/orders?${RANGE}&stage=preparation&reason=capacity&ownerId=${repB.user.id}`)).items.map((r: any) => r.orderId), [ids.o3.id]);
      assert.deepEqual((await get(admin, `/api/v1/reports/delays/orders?${RANGE}&customerId=${ids.o1.customerId}`)).items.map((r: any) => r.lateMinutes), [1440]);

      const x = await t.req(admin, 'GET', `/api/v1/reports/delays/export.xlsx?${RANGE}`, undefined, { 'accept-language': 'zh-CN' });
      assert.equal(x.statusCode, 200);
      assert.match(String(x.headers['content-type']), /spreadsheetml/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as never);
      const ws = wb.worksheets[0];
      const rows = ws.getSheetValues().slice(1).map((r: any) => (r as any[]).slice(1));
      assert.deepEqual(rows[0].slice(0, 3), ['订单号', '客户', '环节']);
      assert.equal(rows.length, 5);
      assert.deepEqual([rows[1][0], rows[1][2], rows[1][5], rows[1][6], rows[1][7]], [ids.o3.number, '备货/生产', '2026-11-10 12:00', 3, '产能不足']);
      assert.equal(rows[3][7], '未填写');
    });

    test('bad input is refused in both languages', async () => {
      for (const [lang, word] of [
        ['zh-CN', '应为日期（YYYY-MM-DD）'],
        ['en-US', 'must be a date (YYYY-MM-DD)'],
      ]) {
        const r = await t.req(admin, 'GET', '/api/v1/reports/delays?groupBy=stage&from=yesterday', undefined, { 'accept-language': lang });
        assert.equal(r.statusCode, 400);
        assert.equal(r.json().details[0].path, 'from');
        assert.ok(r.json().details[0].message.includes(word), r.body);
      }
      assert.equal((await t.req(admin, 'GET', '/api/v1/reports/delays?groupBy=weather')).statusCode, 400);
      assert.equal((await t.req(admin, 'GET', '/api/v1/reports/delays/orders?month=2026-1')).statusCode, 400);
      assert.equal((await t.req(admin, 'GET', '/api/v1/reports/delays/orders?limit=500')).statusCode, 400);
      assert.equal((await t.req(admin, 'GET', '/api/v1/reports/delays/orders?cursor=%%%')).statusCode, 400);
      assert.equal((await t.req(null, 'GET', '/api/v1/reports/delays')).statusCode, 401);
    });
  });
}
