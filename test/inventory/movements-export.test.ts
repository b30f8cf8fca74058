import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from '../../src/server/platform/exceljs.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { productFactory, warehouseFactory } from '../helpers/factories.ts';

async function rowsOf(body: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const out: unknown[][] = [];
  wb.worksheets[0].eachRow((r) => out.push((r.values as unknown[]).slice(1)));
  return out;
}

for (const d of await dialects()) {
  describe(`inventory: movement history export [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let keeper: Session;
    before(async () => {
      t = await createTestApp(d.name);
      keeper = (await t.as(['warehouse'])).session;
    });
    after(() => t?.close());
    const db = () => t.db.handle.db;

    test('the export holds the filtered movements newest first, in the caller’s language, with formula text escaped', async () => {
      const p = await productFactory.insert(db(), { name: '=HYPERLINK("http://x","电机")' });
      const other = await productFactory.insert(db());
      const [a, b] = [await warehouseFactory.insert(db()), await warehouseFactory.insert(db())];
      for (const body of [
        { type: 'receipt', productId: p.id, warehouseId: a.id, qty: 50, reason: '采购 PO-9' },
        { type: 'issue', productId: p.id, warehouseId: a.id, qty: 5, reason: '=1+2' },
        { type: 'transfer', productId: p.id, warehouseId: a.id, toWarehouseId: b.id, qty: 10 },
        { type: 'receipt', productId: other.id, warehouseId: a.id, qty: 1 },
      ]) assert.equal((await t.req(keeper, 'POST', '/api/v1/stock/movements', body)).statusCode, 201);

      const r = await t.req(keeper, 'GET', `/api/v1/stock/movements/export?productId=${p.id}&warehouseId=${a.id}`);
      assert.equal(r.statusCode, 200, r.body);
      assert.match(String(r.headers['content-type']), /spreadsheetml/);
      assert.match(String(r.headers['content-disposition']), /stock-movements-\d{8}\.xlsx/);
      const rows = await rowsOf(r.rawPayload);
      assert.deepEqual(rows[0], ['时间', '类型', 'SKU', '产品', '仓库', '数量', '原因', '关联单据']);
      assert.deepEqual(
        rows.slice(1).map((x) => [x[1], x[2], x[3], x[4], x[5], x[6] ?? null]),
        [
          ['调出', p.sku, `'=HYPERLINK("http://x","电机")`, a.code, -10, null],
          ['出库', p.sku, `'=HYPERLINK("http://x","电机")`, a.code, -5, `'=1+2`],
          ['入库', p.sku, `'=HYPERLINK("http://x","电机")`, a.code, 50, '采购 PO-9'],
        ],
      );
      assert.match(String(rows[1][7]), /^transfer:/);

      const typed = await rowsOf((await t.req(keeper, 'GET', `/api/v1/stock/movements/export?productId=${p.id}&type=transfer_in`, undefined, { 'accept-language': 'en-US' })).rawPayload);
      assert.deepEqual(typed[0][1], 'Type');
      assert.deepEqual(typed.slice(1).map((x) => [x[1], x[4], x[5]]), [['Transfer in', b.code, 10]]);

      // Reasons the system writes are worded in the caller's language; typed ones stay as typed.
      const opening = await productFactory.insert(db());
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('期初库存').addRows([['产品编码', '仓库编码', '数量'], [opening.sku, a.code, 7]]);
      const file = Buffer.from(await wb.xlsx.writeBuffer());
      const imported = await t.app.inject({ method: 'POST', url: '/api/v1/stock/opening-import?dryRun=false', payload: file, headers: { cookie: keeper.cookie, 'x-csrf-token': keeper.csrf, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
      assert.equal(imported.statusCode, 200, imported.body);
      for (const [lang, reason] of [['en-US', 'Opening stock import'], ['zh-CN', '期初导入']]) {
        const rows = await rowsOf((await t.req(keeper, 'GET', `/api/v1/stock/movements/export?productId=${opening.id}`, undefined, { 'accept-language': lang })).rawPayload);
        assert.deepEqual(rows.slice(1).map((x) => x[6]), [reason]);
      }

      const bad = await t.req(keeper, 'GET', '/api/v1/stock/movements/export?type=stolen');
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().details[0].path, 'type');
      assert.equal((await t.req(null, 'GET', '/api/v1/stock/movements/export')).statusCode, 401);
    });
  });
}
