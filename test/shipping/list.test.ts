import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type * as XL from 'exceljs';
import { shipmentStatuses, shipmentStatusLabels } from '../../src/contracts/shipping.ts';
import ExcelJS from '../../src/server/platform/exceljs.ts';
import { enUS } from '../../src/web/i18n/en-US.ts';
import { zhCN } from '../../src/web/i18n/zh-CN.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';

async function sheetOf(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const rows: XL.CellValue[][] = [];
  wb.worksheets[0].eachRow((r) => rows.push((r.values as XL.CellValue[]).slice(1)));
  const width = rows[0].length;
  return { header: rows[0] as string[], rows: rows.slice(1).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)) };
}

for (const d of await dialects()) {
  describe(`shipment search and export [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let wh: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      wh = (await t.as(['warehouse'])).session;
    });
    after(() => t?.close());

    /** A confirmed order of a fresh customer of `rep`, and a shipment of it (dispatched unless `draft`). */
    async function shipment(rep: Session, opts: { carrier?: 'sf' | 'manual'; tracking?: string; recipient?: string; draft?: boolean } = {}) {
      const w = await orderWorld(t, admin, rep, { stock: 10 });
      const o = (await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty: 2, unitPrice: 100_000 }], submit: true })).json().order;
      const shipTo = { province: '浙江省', city: '宁波市', district: '北仑区', detail: '新碶街道 88 号', recipient: opts.recipient ?? '周工', phone: '13600136000', label: '工厂' };
      const s = await t.req(wh, 'POST', '/api/v1/shipments', { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, qty: 1 }], shipToAddress: shipTo });
      assert.equal(s.statusCode, 201, s.body);
      if (!opts.draft) {
        const r = await t.req(wh, 'POST', `/api/v1/shipments/${s.json().id}/dispatch`, { carrier: opts.carrier ?? 'sf', trackingNumber: opts.tracking ?? `SF${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`, eta: inDays(3), ...(opts.recipient ? { addressChangeReason: '客户改收货人' } : {}) });
        assert.equal(r.statusCode, 200, r.body);
      }
      return { order: o, customerId: w.customerId, id: s.json().id as string, number: s.json().number as string };
    }
    const list = async (s: Session, qs: string) => {
      const r = await t.req(s, 'GET', `/api/v1/shipments?${qs}`);
      assert.equal(r.statusCode, 200, r.body);
      return r.json() as { items: { id: string }[]; nextCursor: string | null };
    };
    const ids = async (s: Session, qs: string) => (await list(s, qs)).items.map((i) => i.id);

    test('filters by customer, carrier, status, free text (shipment, tracking, order number, recipient) and dispatch days, in the caller’s scope', async () => {
      const rep = await t.as(['sales']);
      const other = await t.as(['sales']);
      const a = await shipment(rep.session, { tracking: 'SF123412341234', recipient: '林小姐' });
      const b = await shipment(rep.session, { carrier: 'manual', tracking: 'NB-7788' });
      const c = await shipment(rep.session, { draft: true });
      const foreign = await shipment(other.session, { tracking: 'SF999912341234' });

      assert.deepEqual(await ids(rep.session, ''), [c.id, b.id, a.id], 'own shipments only, newest first');
      assert.deepEqual(await ids(rep.session, `customerId=${a.customerId}`), [a.id]);
      assert.deepEqual(await ids(rep.session, `customerId=${foreign.customerId}`), [], 'another rep’s customer: nothing');
      assert.deepEqual(await ids(rep.session, 'carrier=manual'), [b.id]);
      assert.deepEqual(await ids(rep.session, 'status=draft'), [c.id]);
      assert.deepEqual(await ids(rep.session, 'q=1234'), [a.id], 'tracking number; the other rep’s SF999912341234 is out of scope');
      assert.deepEqual((await ids(admin, 'q=1234')).sort(), [a.id, foreign.id].sort());
      assert.deepEqual(await ids(rep.session, `q=${encodeURIComponent(b.number.toLowerCase())}`), [b.id], 'shipment number, any case');
      assert.deepEqual(await ids(rep.session, `q=${encodeURIComponent(a.order.number)}`), [a.id], 'order number');
      assert.deepEqual(await ids(rep.session, `q=${encodeURIComponent('林小')}`), [a.id], 'recipient');
      assert.deepEqual(await ids(rep.session, 'q=%25'), [], 'a typed % matches literally');
      assert.deepEqual(await ids(rep.session, `from=${inDays(0)}&to=${inDays(0)}`), [c.id, b.id, a.id], 'today (draft by its creation day)');
      assert.deepEqual(await ids(rep.session, `from=${inDays(1)}`), []);
      assert.deepEqual(await ids(rep.session, `to=${inDays(-1)}`), []);

      const p1 = await list(rep.session, 'limit=2');
      assert.deepEqual(p1.items.map((i) => i.id), [c.id, b.id]);
      const p2 = await list(rep.session, `limit=2&cursor=${p1.nextCursor}`);
      assert.deepEqual([p2.items.map((i) => i.id), p2.nextCursor], [[a.id], null]);
    });

    test('bad filters are a 400 naming the field, in the caller’s language; nothing without a session', async () => {
      for (const [url, field] of [['/api/v1/shipments?carrier=ufo', 'carrier'], ['/api/v1/shipments/export.xlsx?from=2026-02-30x', 'from'], ['/api/v1/shipments?status=lost', 'status']]) {
        const zh = await t.req(admin, 'GET', url);
        const en = await t.req(admin, 'GET', url, undefined, { 'accept-language': 'en-US' });
        assert.equal(zh.statusCode, 400, zh.body);
        assert.equal(zh.json().details[0].path, field);
        assert.match(zh.json().details[0].message, /[\u4e00-\u9fff]/);
        assert.match(en.json().details[0].message, /^[\x20-\x7e]+$/);
      }
      assert.equal((await t.req(null, 'GET', '/api/v1/shipments/export.xlsx')).statusCode, 401);
    });

    test('the export holds the filtered shipments in scope with localized headers and statuses, formulas escaped', async () => {
      const rep = await t.as(['sales']);
      const a = await shipment(rep.session, { recipient: '=HYPERLINK("http://evil","x")' });
      const b = await shipment(rep.session, { carrier: 'manual', tracking: 'NB-4455' });
      await shipment((await t.as(['sales'])).session);

      const zh = await t.req(rep.session, 'GET', '/api/v1/shipments/export.xlsx');
      assert.equal(zh.statusCode, 200);
      assert.match(String(zh.headers['content-type']), /spreadsheetml/);
      assert.match(String(zh.headers['content-disposition']), /attachment; filename="shipments-\d{8}\.xlsx"/);
      assert.equal(zh.headers['x-total-count'], '2');
      const sheet = await sheetOf(zh.rawPayload);
      assert.deepEqual(sheet.header.slice(0, 6), ['发货单号', '订单号', '客户', '状态', '承运商', '物流单号']);
      assert.deepEqual(sheet.rows.map((r) => r[0]), [b.number, a.number], 'newest first, the other rep’s shipment left out');
      assert.deepEqual(sheet.rows[0].slice(3, 6), ['已发出', '其他/手工', 'NB-4455']);
      assert.equal(sheet.rows[1][6], `'=HYPERLINK("http://evil","x")`, 'a formula is text');
      assert.equal(sheet.rows[1][8], '浙江省 宁波市 北仑区 新碶街道 88 号');

      const en = await t.req(rep.session, 'GET', '/api/v1/shipments/export.xlsx?carrier=manual', undefined, { 'accept-language': 'en-US' });
      const enSheet = await sheetOf(en.rawPayload);
      assert.equal(en.headers['x-total-count'], '1');
      assert.equal(enSheet.header[0], 'Shipment number');
      assert.deepEqual(enSheet.rows.map((r) => [r[0], r[3], r[4]]), [[b.number, 'Dispatched', 'Other (manual)']]);
    });

    test('export status words are the ones the web app shows', () => {
      for (const s of shipmentStatuses) {
        assert.equal(shipmentStatusLabels[s].zh, zhCN.shipping.status[s], s);
        assert.equal(shipmentStatusLabels[s].en, enUS.shipping.status[s], s);
      }
    });
  });
}
