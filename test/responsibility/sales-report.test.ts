import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from '../../src/server/platform/exceljs.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';

type Totals = { net: number; tax: number; gross: number };
const RANGE = 'from=2026-09-01&to=2026-11-30';

for (const d of await dialects()) {
  describe(`sales report [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let repA: Session;
    let repB: Session;
    let custA = '';
    let custB = '';
    const totals: Record<string, Totals> = {};

    /** An order through the API (submitted and confirmed unless `draft`), then dated `createdAt` (UTC). */
    const order = async (key: string, rep: Session, customerId: string, productId: string, qty: number, unitPrice: number, createdAt: string, opts: { draft?: boolean; cancel?: boolean } = {}) => {
      const r = await t.req(rep, 'POST', '/api/v1/orders', { customerId, promisedDate: inDays(30), lines: [{ productId, qty, unitPrice }], submit: !opts.draft, acknowledge: [{ code: 'POSSIBLE_DUPLICATE_ORDER', reason: 'test' }, { code: 'PRICE_BELOW_LIST', reason: 'test' }] });
      assert.equal(r.statusCode, 201, r.body);
      const o = r.json().order;
      assert.equal(o.status, opts.draft ? 'draft' : 'confirmed');
      if (opts.cancel) assert.equal((await t.req(rep, 'POST', `/api/v1/orders/${o.id}/cancel`, { reason: '客户取消' })).json().status, 'cancelled');
      await t.db.handle.db.updateTable('salesOrder').set({ createdAt }).where('id', '=', o.id).execute();
      totals[key] = o.totals;
    };

    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      repA = (await t.as(['sales'])).session;
      repB = (await t.as(['sales'])).session;
      const a = await orderWorld(t, admin, repA, { stock: 100 });
      const b = await orderWorld(t, admin, repB, { stock: 100 });
      custA = a.customerId;
      custB = b.customerId;
      // 2026-09-30 17:00 UTC is 10-01 01:00 in China: October, by the company's calendar.
      await order('a1', repA, custA, a.productId, 2, 100_000, '2026-09-30T17:00:00.000Z');
      await order('a2', repA, custA, a.productId, 3, 95_000, '2026-10-20T02:00:00.000Z');
      await order('a3', repA, custA, a.productId, 1, 120_000, '2026-11-05T02:00:00.000Z');
      await order('a4', repA, custA, a.productId, 5, 100_000, '2026-09-30T15:00:00.000Z'); // 09-30 23:00 China: September
      await order('draft', repA, custA, a.productId, 7, 100_000, '2026-10-10T02:00:00.000Z', { draft: true });
      await order('cancelled', repA, custA, a.productId, 9, 100_000, '2026-10-11T02:00:00.000Z', { cancel: true });
      await order('b1', repB, custB, b.productId, 4, 110_000, '2026-10-15T02:00:00.000Z');
      await order('outside', repB, custB, b.productId, 1, 100_000, '2026-08-15T02:00:00.000Z');
    });
    after(() => t?.close());

    const get = async (who: Session, url: string, lang = 'zh-CN') => {
      const r = await t.req(who, 'GET', url, undefined, { 'accept-language': lang });
      assert.equal(r.statusCode, 200, r.body);
      return r.json();
    };
    const sum = (...keys: string[]) => ({ orders: keys.length, net: keys.reduce((s, k) => s + totals[k]!.net, 0), gross: keys.reduce((s, k) => s + totals[k]!.gross, 0) });
    const figures = (x: { orders: number; net: number; gross: number }) => ({ orders: x.orders, net: x.net, gross: x.gross });

    test('customer × month: sums of the orders created through the API, months in China time, drafts and cancelled orders left out', async () => {
      const r = await get(admin, `/api/v1/reports/sales?${RANGE}`);
      assert.equal(r.groupBy, 'customer_month');
      assert.equal(r.currency, 'CNY');
      assert.deepEqual(r.months, ['2026-09', '2026-10', '2026-11']);
      assert.ok(totals.a1!.gross > totals.a1!.net, 'gross includes tax');
      const a = r.items.find((i: any) => i.key === custA);
      const b = r.items.find((i: any) => i.key === custB);
      assert.ok(a.label.includes('宁波客户'));
      assert.deepEqual(figures(a), sum('a1', 'a2', 'a3', 'a4'));
      assert.deepEqual(
        a.months.map((m: any) => [m.month, figures(m)]),
        [
          ['2026-09', sum('a4')],
          ['2026-10', sum('a1', 'a2')],
          ['2026-11', sum('a3')],
        ],
      );
      assert.deepEqual(b.months.map((m: any) => [m.month, figures(m)]), [['2026-10', sum('b1')]]);
      assert.equal(r.items.length, 2);
      assert.deepEqual(figures(r.totals), sum('a1', 'a2', 'a3', 'a4', 'b1'));
      assert.deepEqual(
        r.totals.months.map((m: any) => [m.month, figures(m)]),
        [
          ['2026-09', sum('a4')],
          ['2026-10', sum('a1', 'a2', 'b1')],
          ['2026-11', sum('a3')],
        ],
      );
    });

    test('by customer, by month, by owner; the range cuts at China midnight', async () => {
      const byCustomer = await get(admin, `/api/v1/reports/sales?groupBy=customer&${RANGE}`);
      assert.deepEqual(byCustomer.items.map((i: any) => [i.key, figures(i)]), [
        [custA, sum('a1', 'a2', 'a3', 'a4')],
        [custB, sum('b1')],
      ].sort((x: any, y: any) => y[1].gross - x[1].gross));
      const byMonth = await get(admin, `/api/v1/reports/sales?groupBy=month&${RANGE}`);
      assert.deepEqual(byMonth.items.map((i: any) => [i.key, figures(i)]), [
        ['2026-09', sum('a4')],
        ['2026-10', sum('a1', 'a2', 'b1')],
        ['2026-11', sum('a3')],
      ]);
      const byOwner = await get(admin, `/api/v1/reports/sales?groupBy=owner&${RANGE}`);
      assert.deepEqual(byOwner.items.map((i: any) => [i.key, figures(i)]).sort(), [
        [repA.userId, sum('a1', 'a2', 'a3', 'a4')],
        [repB.userId, sum('b1')],
      ].sort());
      assert.ok(byOwner.items.every((i: any) => i.label.startsWith('用户')));
      // Only October 1st (China): a1 (01:00 China) is in, a4 (September 30th 23:00 China) is not.
      const oneDay = await get(admin, '/api/v1/reports/sales?groupBy=month&from=2026-10-01&to=2026-10-01');
      assert.deepEqual(oneDay.months, ['2026-10']);
      assert.deepEqual(figures(oneDay.totals), sum('a1'));
      // No range: from the first sale to today, every sale counted.
      const all = await get(admin, '/api/v1/reports/sales?groupBy=customer');
      assert.equal(all.from, '2026-08-15');
      assert.deepEqual(figures(all.totals), sum('a1', 'a2', 'a3', 'a4', 'b1', 'outside'));
    });

    test("data scope: a rep sees only their own customers' orders", async () => {
      const a = await get(repA, `/api/v1/reports/sales?${RANGE}`);
      assert.deepEqual(a.items.map((i: any) => i.key), [custA]);
      assert.deepEqual(figures(a.totals), sum('a1', 'a2', 'a3', 'a4'));
      const b = await get(repB, `/api/v1/reports/sales?groupBy=owner&${RANGE}`);
      assert.deepEqual(b.items.map((i: any) => [i.key, figures(i)]), [[repB.userId, sum('b1')]]);
      const bExport = await t.req(repB, 'GET', `/api/v1/reports/sales/export.xlsx?${RANGE}`);
      assert.equal(bExport.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bExport.rawPayload as never);
      const names = wb.worksheets[0]!.getColumn(1).values.filter(Boolean).map(String);
      assert.equal(names.filter((n) => n.includes('宁波客户')).length, 1, 'only the rep’s own customer');
    });

    test('Excel export: customers in rows, gross per month in yuan, totals', async () => {
      const r = await t.req(admin, 'GET', `/api/v1/reports/sales/export.xlsx?${RANGE}`);
      assert.equal(r.statusCode, 200);
      assert.match(String(r.headers['content-type']), /spreadsheetml/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as never);
      const ws = wb.worksheets[0]!;
      const rows = ws.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
      assert.deepEqual(rows[0], ['客户', '2026-09 含税（元）', '2026-10 含税（元）', '2026-11 含税（元）', '订单数', '不含税金额（元）', '含税金额（元）']);
      const a = rows.find((row) => String(row[0]).includes('宁波客户') && row[4] === 4)!;
      assert.deepEqual(a.slice(1), [totals.a4!.gross / 100, (totals.a1!.gross + totals.a2!.gross) / 100, totals.a3!.gross / 100, 4, sum('a1', 'a2', 'a3', 'a4').net / 100, sum('a1', 'a2', 'a3', 'a4').gross / 100]);
      const last = rows[rows.length - 1]!;
      assert.equal(last[0], '合计');
      assert.equal(last[4], 5);
    });

    test('bad input is a 400 naming the field', async () => {
      for (const [qs, path] of [
        ['from=2026-11-01&to=2026-10-01', 'to'],
        ['groupBy=product', 'groupBy'],
        ['from=2026-02-30', 'from'],
        ['to=yesterday', 'to'],
      ] as const) {
        for (const url of [`/api/v1/reports/sales?${qs}`, `/api/v1/reports/sales/export.xlsx?${qs}`]) {
          const r = await t.req(admin, 'GET', url, undefined, { 'accept-language': 'en-US' });
          assert.equal(r.statusCode, 400, `${url}: ${r.body}`);
          assert.equal(r.json().code, 'VALIDATION_FAILED');
          assert.deepEqual(r.json().details.map((x: any) => x.path), [path], url);
        }
      }
    });
  });
}
