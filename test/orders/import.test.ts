import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { orderImportColumns } from '../../src/contracts/orders.ts';
import ExcelJS from '../../src/server/platform/exceljs.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from './helpers.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
async function workbook(rows: Record<string, string | number | undefined>[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('订单');
  ws.addRow(orderImportColumns.map((c) => c.zh));
  for (const r of rows) ws.addRow(orderImportColumns.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

for (const d of await dialects()) {
  describe(`order import from Excel [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let rep: Session;
    let admin: Session;
    let code: string;
    let sku: string;
    let w: Awaited<ReturnType<typeof orderWorld>>;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = (await t.as(['sales'])).session;
      w = await orderWorld(t, admin, rep, { sku: 'IMP-SKU-1' });
      code = (await t.req(rep, 'GET', `/api/v1/customers/${w.customerId}`)).json().code;
      sku = 'IMP-SKU-1';
    });
    after(() => t?.close());

    const upload = (body: Buffer, dryRun: boolean) => t.app.inject({ method: 'POST', url: `/api/v1/orders/import?dryRun=${dryRun}`, payload: body, headers: { cookie: rep.cookie, 'x-csrf-token': rep.csrf, 'content-type': XLSX } });
    const drafts = async () => (await t.req(rep, 'GET', '/api/v1/orders?status=draft&limit=200')).json().items.length;

    test('a row with a missing SKU: nothing imported, the row is named', async () => {
      const rows = [
        { orderKey: 'A', customerCode: code, promisedDate: inDays(20), sku, qty: 2, unitPrice: 1000 },
        { orderKey: 'A', customerCode: code, promisedDate: inDays(20), sku: 'NO-SUCH-SKU', qty: 1, unitPrice: 1000 },
        { orderKey: 'B', customerCode: code, promisedDate: inDays(20), sku, qty: 0, unitPrice: 1000 },
      ];
      const before = await drafts();
      const r = await upload(await workbook(rows), false);
      assert.equal(r.statusCode, 422, r.body);
      assert.deepEqual(r.json().details.errors.map((e: any) => [e.row, e.column, e.code]), [
        [3, '产品SKU', 'not_found'],
        [4, '数量', 'too_small'],
      ]);
      assert.equal(await drafts(), before);
    });

    test('valid rows become draft orders grouped by order key, prices in fen, spec parsed', async () => {
      const rows = [
        { orderKey: 'A', customerCode: code, customerPo: 'PO-1', promisedDate: inDays(20), sku, qty: 2, unitPrice: 1299.5, spec: '电压=380V' },
        { orderKey: 'A', customerCode: code, customerPo: 'PO-1', promisedDate: inDays(20), sku, qty: 1, unitPrice: 1299.5 },
        { orderKey: 'B', customerCode: code, promisedDate: inDays(25), sku, qty: 5, unitPrice: 1200 },
      ];
      const before = await drafts();
      const dry = (await upload(await workbook(rows), true)).json();
      assert.deepEqual([dry.errorCount, dry.valid, dry.imported], [0, 2, 0]);
      const r = await upload(await workbook(rows), false);
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().imported, 2);
      assert.equal(await drafts(), before + 2);
      const list = (await t.req(rep, 'GET', '/api/v1/orders?q=PO-1')).json().items;
      const o = (await t.req(rep, 'GET', `/api/v1/orders/${list[0].id}`)).json();
      assert.deepEqual(o.lines.map((l: any) => [l.qty, l.unitPrice, l.spec]), [
        [2, 129_950, { 电压: '380V' }],
        [1, 129_950, {}],
      ]);
    });

    test('orders of several customers, rows interleaved: each gets its own customer, owner, default address, lines and stage track', async () => {
      const customer = async (name: string, detail: string | null) => {
        const body = { name, ...(detail ? { addresses: [{ province: '江苏省', city: '苏州市', district: '吴中区', detail, recipient: '钱工', phone: '13900139000', isDefault: true }] } : {}) };
        const r = await t.req(rep, 'POST', '/api/v1/customers', body);
        assert.equal(r.statusCode, 201, r.body);
        return r.json().customer as { id: string; code: string };
      };
      const [c1, c2, c3] = [await customer('苏州甲机电有限公司', '木渎镇 1 号'), await customer('苏州乙自动化有限公司', '胥口镇 2 号'), await customer('苏州丙贸易有限公司', null)];
      const at = (c: { code: string }, key: string, qty: number) => ({ orderKey: key, customerCode: c.code, customerPo: `MIX-${key}-${c.code}`, promisedDate: inDays(30), sku, qty, unitPrice: 1000 });
      const rows = [at(c1, 'M1', 1), at(c2, 'M1', 2), at(c1, 'M1', 3), at(c3, 'M2', 4), at(c2, 'M1', 5), at(c1, 'M3', 6)];
      const r = await upload(await workbook(rows), false);
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().imported, 4);
      const got = [];
      for (const [c, key] of [[c1, 'M1'], [c2, 'M1'], [c3, 'M2'], [c1, 'M3']] as const) {
        const [item] = (await t.req(rep, 'GET', `/api/v1/orders?q=MIX-${key}-${c.code}`)).json().items;
        const o = (await t.req(rep, 'GET', `/api/v1/orders/${item.id}`)).json();
        got.push([o.customerId === c.id, o.ownerId === rep.userId, o.shipToAddress?.detail ?? null, o.lines.map((l: any) => l.qty), o.stages.length]);
      }
      assert.deepEqual(got, [
        [true, true, '木渎镇 1 号', [1, 3], 7],
        [true, true, '胥口镇 2 号', [2, 5], 7],
        [true, true, null, [4], 7],
        [true, true, '木渎镇 1 号', [6], 7],
      ]);
    });

    test('imported orders get the stage track an order entered by hand gets: owners from the rules, due times from the promised date and from creation', async () => {
      const coord = await t.user(['coordinator']);
      const rules = (await t.req(admin, 'GET', '/api/v1/admin/sla-rules')).json().items as { id: string; stage: string }[];
      const review = rules.find((r) => r.stage === 'review')!;
      assert.equal((await t.req(admin, 'PATCH', `/api/v1/admin/sla-rules/${review.id}`, { owner: { type: 'role', role: 'coordinator' } })).statusCode, 200);
      const billing = { stage: 'billing', name: '开票', owner: { type: 'user', userId: coord.id }, due: { anchor: 'order.created', amount: 72, unit: 'hours' }, reminders: [{ before: { amount: 2, unit: 'hours' }, channels: ['inapp'] }] };
      assert.equal((await t.req(admin, 'POST', '/api/v1/admin/sla-rules', billing)).statusCode, 201);

      const rows = [20, 45, 20].map((days, i) => ({ orderKey: `T${i}`, customerCode: code, customerPo: `TRACK-${i}`, promisedDate: inDays(days), sku, qty: 1 + i, unitPrice: 1000 }));
      const r = await upload(await workbook(rows), false);
      assert.equal(r.statusCode, 200, r.body);
      const byHand = await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, customerPo: 'TRACK-hand', promisedDate: inDays(20), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }] });
      assert.equal(byHand.statusCode, 201, byHand.body);

      // Each order's track as stored; the creation-anchored due time as hours after the order was created.
      const track = async (po: string) => {
        const [item] = (await t.req(rep, 'GET', `/api/v1/orders?q=${po}`)).json().items;
        const created = Date.parse((await t.req(rep, 'GET', `/api/v1/orders/${item.id}`)).json().createdAt);
        const stages = await t.db.handle.db.selectFrom('orderStage').selectAll().where('orderId', '=', item.id).orderBy('stage').execute();
        return stages.map((s) => {
          const fromCreation = (at?: string | null) => (at == null ? null : Math.round((Date.parse(at) - created) / 60_000) / 60);
          return s.stage === 'billing' ? { ...s, orderId: null, dueAt: fromCreation(s.dueAt), nextAlertAt: fromCreation(s.nextAlertAt) } : { ...s, orderId: null };
        });
      };
      const [imported0, imported1, imported2, hand] = [await track('TRACK-0'), await track('TRACK-1'), await track('TRACK-2'), await track('TRACK-hand')];
      assert.deepEqual(imported0, hand);
      assert.deepEqual(imported2, hand);
      const stage = (tr: typeof hand, name: string) => tr.find((s) => s.stage === name)!;
      assert.deepEqual([stage(hand, 'review').ownerRole, stage(hand, 'review').ownerId], ['coordinator', null]);
      assert.deepEqual([stage(hand, 'billing').ownerId, stage(hand, 'billing').dueAt, stage(hand, 'billing').nextAlertAt], [coord.id, 72, 70]);
      const delivery = (tr: typeof hand) => Date.parse(stage(tr, 'delivery').dueAt as string);
      assert.equal(delivery(imported1) - delivery(hand), 25 * 86_400_000, 'the later promised date moves the due time');
      assert.ok(stage(hand, 'delivery').nextAlertAt, 'a reminder is planned');
    });
  });
}
