import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { orderImportColumns } from '../../src/contracts/orders.ts';
import ExcelJS from '../../src/server/platform/exceljs.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from './helpers.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
async function workbook(rows: Record<string, string | number | Date | undefined>[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('订单');
  ws.addRow(orderImportColumns.map((c) => c.zh));
  for (const r of rows) ws.addRow(orderImportColumns.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

for (const d of await dialects()) {
  describe(`order import: dates typed in Excel, large files [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let rep: Session;
    let code: string;
    const sku = 'IMPD-SKU-1';
    before(async () => {
      t = await createTestApp(d.name);
      const admin = (await t.as(['admin'])).session;
      rep = (await t.as(['sales'])).session;
      const w = await orderWorld(t, admin, rep, { sku });
      code = (await t.req(rep, 'GET', `/api/v1/customers/${w.customerId}`)).json().code;
    });
    after(() => t?.close());

    const upload = (body: Buffer, dryRun: boolean) => t.app.inject({ method: 'POST', url: `/api/v1/orders/import?dryRun=${dryRun}`, payload: body, headers: { cookie: rep.cookie, 'x-csrf-token': rep.csrf, 'content-type': XLSX } });

    test('a promised date typed as an Excel date (a serial number in the file) becomes that calendar date', async () => {
      const date = inDays(30);
      const r = await upload(await workbook([{ orderKey: 'D1', customerCode: code, customerPo: 'PO-DATE-1', promisedDate: new Date(`${date}T00:00:00Z`), sku, qty: 1, unitPrice: 100 }]), false);
      assert.equal(r.statusCode, 200, r.body);
      const [o] = (await t.req(rep, 'GET', '/api/v1/orders?q=PO-DATE-1')).json().items;
      assert.equal((await t.req(rep, 'GET', `/api/v1/orders/${o.id}`)).json().promisedDate, date);
    });

    test('33,000 distinct unknown SKUs and customer codes (more than SQLite takes in one query) are all named, not a database error', async () => {
      const rows = Array.from({ length: 33_000 }, (_, i) => ({ orderKey: `K${i}`, customerCode: `NO-CUST-${i}`, promisedDate: inDays(20), sku: `NO-SKU-${i}`, qty: 1, unitPrice: 10 }));
      const r = await upload(await workbook(rows), true);
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().errorCount, 66_000);
      assert.deepEqual(r.json().errors.slice(0, 2).map((e: any) => [e.row, e.code]), [
        [2, 'not_found'],
        [2, 'not_found'],
      ]);
    });
  });
}
