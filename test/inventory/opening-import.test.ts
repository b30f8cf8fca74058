import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openingImportColumns } from '../../src/contracts/opening-import.ts';
import { checkLedger, reserveForOrder } from '../../src/server/modules/inventory/index.ts';
import { inTransaction } from '../../src/server/platform/db/transaction.ts';
import { systemActor } from '../../src/server/platform/http/actor.ts';
import ExcelJS from '../../src/server/platform/exceljs.ts';
import { newId } from '../../src/server/platform/ids.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { productFactory, warehouseFactory } from '../helpers/factories.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Cell = string | number | null | undefined;

/** A sheet with the given header row (default: the template's zh-CN headers). */
async function workbook(rows: Cell[][], headers: string[] = openingImportColumns.map((c) => c.zh)): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('期初库存');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r.map((v) => v ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function sheetOf(buf: Buffer): Promise<Cell[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  const out: Cell[][] = [];
  wb.worksheets[0].eachRow((r) => out.push((r.values as Cell[]).slice(1)));
  return out;
}

for (const d of await dialects()) {
  describe(`opening stock import from Excel [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let keeper: Session;
    const db = () => t.db.handle.db;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      keeper = (await t.as(['warehouse'])).session;
    });
    after(() => t?.close());

    const upload = (body: Buffer, q: string, who: Session = admin, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: `/api/v1/stock/opening-import?${q}`, payload: body, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': XLSX, ...headers } });
    const onHand = async (productId: string, warehouseId: string) => {
      const r = await t.req(admin, 'GET', `/api/v1/stock?productId=${productId}&warehouseId=${warehouseId}`);
      return r.json().items[0]?.onHand ?? 0;
    };
    const movementsOf = (productIds: string[]) => db().selectFrom('stockMovement').selectAll().where('productId', 'in', productIds).orderBy('id').execute();
    const world = async (n = 2) => ({
      ps: await Promise.all(Array.from({ length: n }, () => productFactory.insert(db()))),
      w: await warehouseFactory.insert(db()),
      w2: await warehouseFactory.insert(db()),
    });

    test('the template comes in the caller\'s language, and filled in it checks clean; unchanged it is refused', async () => {
      const zh = await t.req(admin, 'GET', '/api/v1/stock/opening-import/template');
      assert.equal(zh.statusCode, 200);
      assert.equal(zh.headers['content-type'], XLSX);
      const rows = await sheetOf(zh.rawPayload);
      assert.deepEqual(rows[0], ['产品编码*', '仓库编码*', '数量*', '单位成本(元)', '备注']);
      const en = await sheetOf((await t.req(admin, 'GET', '/api/v1/stock/opening-import/template', undefined, { 'accept-language': 'en-US' })).rawPayload);
      assert.deepEqual(en[0], ['SKU*', 'Warehouse code*', 'Qty*', 'Unit cost (CNY)', 'Note']);

      const unchanged = (await upload(zh.rawPayload, 'dryRun=true')).json();
      assert.deepEqual(unchanged.errors.map((e: any) => [e.row, e.column, e.code]), [[2, '产品编码', 'not_found'], [2, '仓库编码', 'not_found']]);

      const { ps, w } = await world(1);
      const filled = await workbook([[ps[0].sku, w.code, 12, 3.5, '期初']], rows[0] as string[]);
      const dry = await upload(filled, 'dryRun=true');
      assert.equal(dry.statusCode, 200, dry.body);
      assert.deepEqual([dry.json().rows, dry.json().valid, dry.json().errorCount], [1, 1, 0]);
      assert.deepEqual(dry.json().summary, { products: 1, warehouses: 1, totalQty: 12, totalCost: 4200 });
      // The warehouse role may not see product cost: the file's value is not shown to it.
      assert.equal((await upload(filled, 'dryRun=true', keeper)).json().summary.totalCost, null);
    });

    test('English and alias headers are accepted; a missing required column refuses the file', async () => {
      const { ps, w } = await world(2);
      const r = await upload(await workbook([[ps[0].sku, w.code, '1,200'], [ps[1].sku, w.code, 5]], ['SKU', 'warehouse code', 'qty']), 'dryRun=true');
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual([r.json().valid, r.json().summary.totalQty], [2, 1205]);
      const missing = await upload(await workbook([[ps[0].sku, 5]], ['SKU', 'Qty']), 'dryRun=true', admin, { 'accept-language': 'en-US' });
      assert.equal(missing.statusCode, 400);
      assert.equal(missing.json().code, 'IMPORT_FILE_INVALID');
      assert.match(missing.json().message, /Warehouse code/);
    });

    test('the dry run names every bad row and column, sums the good ones, and writes nothing', async () => {
      const { ps, w } = await world(8);
      const off = await productFactory.insert(db(), { active: 0 });
      const closed = await warehouseFactory.insert(db(), { active: 0 });
      const metres = await productFactory.insert(db(), { unit: '米', unitDecimals: 2 });
      const rows: Cell[][] = [
        [ps[0].sku, w.code, 10, 2.5, '货架 A'], // 2 ok
        ['NO-SUCH', w.code, 1], // 3 unknown product
        [ps[1].sku, 'NOPE', 1], // 4 unknown warehouse
        [ps[1].sku, closed.code, 1], // 5 inactive warehouse
        [off.sku, w.code, 1], // 6 inactive product
        [ps[3].sku, w.code, 0], // 7 zero
        [ps[4].sku, w.code, -3], // 8 negative
        [ps[5].sku, w.code, 'abc'], // 9 not a number
        [ps[6].sku, w.code, null], // 10 empty
        [ps[7].sku, w.code, 1.5], // 11 pieces: no decimals
        [ps[0].sku, w.code, 4], // 12 same product × warehouse as row 2
        [ps[2].sku, w.code, 2, -1], // 13 negative cost
        [metres.sku, w.code, 2.25, 1.25], // 14 ok
      ];
      const before = await db().selectFrom('stockMovement').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const r = await upload(await workbook(rows), 'dryRun=true');
      assert.equal(r.statusCode, 200, r.body);
      const report = r.json();
      assert.deepEqual(report.errors.map((e: any) => [e.row, e.column, e.code]), [
        [3, '产品编码', 'not_found'],
        [4, '仓库编码', 'not_found'],
        [5, '仓库编码', 'inactive'],
        [6, '产品编码', 'inactive'],
        [7, '数量', 'must_be_positive'],
        [8, '数量', 'must_be_positive'],
        [9, '数量', 'invalid_number'],
        [10, '数量', 'required'],
        [11, '数量', 'unit_decimals'],
        [12, '产品编码', 'duplicate_stock_row'],
        [13, '单位成本', 'must_not_be_negative'],
      ]);
      assert.match(report.errors.find((e: any) => e.row === 12).message, /第 2 行/);
      assert.deepEqual([report.rows, report.valid, report.errorCount, report.imported], [13, 2, 11, 0]);
      assert.deepEqual(report.summary, { products: 2, warehouses: 1, totalQty: 12.25, totalCost: 2500 + 281 });
      assert.deepEqual(report.conflicts, []);
      const after = await db().selectFrom('stockMovement').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n));
      assert.equal(await onHand(ps[0].id, w.id), 0);

      // The same file committed: refused with the same report, still nothing written.
      const commit = await upload(await workbook(rows), 'dryRun=false');
      assert.equal(commit.statusCode, 422);
      assert.equal(commit.json().code, 'IMPORT_HAS_ERRORS');
      assert.equal(commit.json().details.errorCount, 11);
      assert.deepEqual(await movementsOf([ps[0].id, metres.id]), []);
    });

    test('a commit posts one receipt per row (期初导入 + import id), on hand equals the file, timeline and ledger agree', async () => {
      const { ps, w, w2 } = await world(2);
      const file = await workbook([
        [ps[0].sku, w.code, 100, 8.5],
        [ps[0].sku, w2.code, 7],
        [ps[1].sku, w.code, 3, null, '旧系统结转'],
      ]);
      const r = await upload(file, 'dryRun=false');
      assert.equal(r.statusCode, 200, r.body);
      const report = r.json();
      assert.deepEqual([report.dryRun, report.imported, report.posted, report.errorCount], [false, 3, 3, 0]);
      assert.ok(report.importId);
      assert.equal(await onHand(ps[0].id, w.id), 100);
      assert.equal(await onHand(ps[0].id, w2.id), 7);
      assert.equal(await onHand(ps[1].id, w.id), 3);
      const ms = await movementsOf([ps[0].id, ps[1].id]);
      assert.equal(ms.length, 3);
      for (const m of ms) assert.deepEqual([m.type, m.reason, m.refType, m.refId], ['receipt', '期初导入', 'opening_import', report.importId]);
      const events = await db().selectFrom('event').select(['entityId', 'type', 'data']).where('entityId', 'in', [ps[0].id, ps[1].id, report.importId]).orderBy('id').execute();
      assert.deepEqual(events.map((e) => e.type).sort(), ['stock.opening_imported', 'stock.receipt', 'stock.receipt', 'stock.receipt']);
      const note = events.find((e) => e.entityId === ps[1].id)!;
      assert.equal(JSON.parse(String(typeof note.data === 'string' ? note.data : JSON.stringify(note.data))).note, '旧系统结转');
      const listed = (await t.req(admin, 'GET', `/api/v1/stock/movements?productId=${ps[0].id}`)).json().items;
      assert.deepEqual(listed.map((m: any) => [m.reason, m.qty]).sort(), [['期初导入', 100], ['期初导入', 7]]);
      assert.deepEqual((await checkLedger(db())).violations, []);
    });

    test('pairs that already have movements refuse the file (409, localized) unless force sets them to the file quantity', async () => {
      const { ps, w } = await world(2);
      await t.req(admin, 'POST', '/api/v1/stock/movements', { type: 'receipt', productId: ps[0].id, warehouseId: w.id, qty: 30 });
      const file = await workbook([[ps[0].sku, w.code, 50], [ps[1].sku, w.code, 4]]);

      const dry = (await upload(file, 'dryRun=true')).json();
      assert.equal(dry.errorCount, 0);
      assert.deepEqual(dry.conflicts, [{ row: 2, sku: ps[0].sku, warehouseCode: w.code, onHand: 30, qty: 50 }]);

      const refused = await upload(file, 'dryRun=false', admin, { 'accept-language': 'en-US' });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().code, 'OPENING_STOCK_HAS_MOVEMENTS');
      assert.match(refused.json().message, /already have stock movements/);
      assert.deepEqual(refused.json().details.conflicts.map((c: any) => c.row), [2]);
      assert.equal(await onHand(ps[0].id, w.id), 30);
      assert.equal(await onHand(ps[1].id, w.id), 0);
      assert.equal((await upload(file, 'dryRun=false')).json().message.includes('已有库存流水'), true);

      const forced = await upload(file, 'dryRun=false&force=true');
      assert.equal(forced.statusCode, 200, forced.body);
      assert.deepEqual([forced.json().forced, forced.json().imported, forced.json().posted], [true, 2, 2]);
      assert.equal(await onHand(ps[0].id, w.id), 50);
      assert.equal(await onHand(ps[1].id, w.id), 4);
      const ms = await movementsOf([ps[0].id]);
      assert.deepEqual(ms.map((m) => [m.type, Number(m.qty), m.reason]), [['receipt', 30_000, null], ['adjustment', 20_000, '期初导入']]);

      // The same file forced again: on hand already matches, so nothing more is posted.
      const again = await upload(file, 'dryRun=false&force=true');
      assert.deepEqual([again.statusCode, again.json().posted], [200, 0]);
      assert.equal(await onHand(ps[0].id, w.id), 50);
      assert.deepEqual((await checkLedger(db())).violations, []);
    });

    test('force never drops on hand below what orders reserved, and big overwrites need inventory:approve', async () => {
      const { ps, w } = await world(1);
      const limit = (value: unknown) => t.req(admin, 'PUT', '/api/v1/admin/settings/inventory.adjustmentApproval', { value });
      assert.equal((await limit({ qty: 100, valueFen: null })).statusCode, 200);
      await t.req(admin, 'POST', '/api/v1/stock/movements', { type: 'receipt', productId: ps[0].id, warehouseId: w.id, qty: 10 });
      const big = await upload(await workbook([[ps[0].sku, w.code, 500]]), 'dryRun=false&force=true', keeper);
      assert.equal(big.statusCode, 403, big.body);
      assert.equal(big.json().details.permission, 'inventory:approve');
      assert.equal(await onHand(ps[0].id, w.id), 10);
      const small = await upload(await workbook([[ps[0].sku, w.code, 60]]), 'dryRun=false&force=true', keeper);
      assert.equal(small.statusCode, 200, small.body);
      assert.equal(await onHand(ps[0].id, w.id), 60);

      await inTransaction(db(), (tx) => reserveForOrder(tx, { orderId: newId(), actor: systemActor, lines: [{ orderLineId: 'l1', productId: ps[0].id, warehouseId: w.id, qty: 8_000 }] }));
      const below = await upload(await workbook([[ps[0].sku, w.code, 5]]), 'dryRun=false&force=true');
      assert.equal(below.statusCode, 422, below.body);
      assert.equal(below.json().code, 'INSUFFICIENT_STOCK');
      assert.deepEqual(below.json().details.map((x: any) => [x.row, x.reserved]), [[2, 8]]);
      assert.equal(await onHand(ps[0].id, w.id), 60);
      assert.deepEqual((await checkLedger(db())).violations, []);
      assert.equal((await limit({ qty: null, valueFen: null })).statusCode, 200);
    });

    test('bytes that are not an .xlsx are refused with 400, a header-only file imports nothing, users without inventory:write get 403', async () => {
      for (const body of [Buffer.from('产品编码,仓库编码,数量\nA,B,1\n'), Buffer.from('%PDF-1.4 not a sheet')]) {
        const r = await upload(body, 'dryRun=true');
        assert.equal(r.statusCode, 400, r.body);
        assert.equal(r.json().code, 'IMPORT_FILE_INVALID');
      }
      const empty = await upload(await workbook([]), 'dryRun=false');
      assert.equal(empty.statusCode, 200, empty.body);
      assert.deepEqual([empty.json().rows, empty.json().imported, empty.json().importId], [0, 0, null]);
      const sales = (await t.as(['sales'])).session;
      const { ps, w } = await world(1);
      assert.equal((await upload(await workbook([[ps[0].sku, w.code, 1]]), 'dryRun=false', sales)).statusCode, 403);
      assert.equal((await t.req(sales, 'GET', '/api/v1/stock/opening-import/template')).statusCode, 403);
      assert.equal(await onHand(ps[0].id, w.id), 0);
    });

    test('two commits at once: the same Idempotency-Key makes one import; without a key the second is refused', async () => {
      const { ps, w } = await world(3);
      const file = await workbook(ps.map((p, i) => [p.sku, w.code, i + 1]));
      const key = { 'idempotency-key': newId() };
      const [a, b] = await Promise.all([upload(file, 'dryRun=false', admin, key), upload(file, 'dryRun=false', admin, key)]);
      const codes = [a, b].map((r) => r.statusCode).sort();
      assert.ok(
        (codes[0] === 200 && codes[1] === 200 && a.body === b.body) || (codes[0] === 200 && codes[1] === 409 && [a, b].some((r) => r.json().code === 'IDEMPOTENCY_IN_FLIGHT')),
        `${a.statusCode} ${a.body.slice(0, 200)} / ${b.statusCode} ${b.body.slice(0, 200)}`,
      );
      const replay = await upload(file, 'dryRun=false', admin, key);
      assert.equal(replay.statusCode, 200);
      assert.equal(replay.headers['idempotent-replayed'], 'true');
      const ms = await movementsOf(ps.map((p) => p.id));
      assert.equal(ms.length, 3);
      assert.equal(new Set(ms.map((m) => m.refId)).size, 1);
      assert.equal(await onHand(ps[2].id, w.id), 3);

      const more = await world(3);
      const file2 = await workbook(more.ps.map((p) => [p.sku, more.w.code, 5]));
      const both = await Promise.all([upload(file2, 'dryRun=false'), upload(file2, 'dryRun=false')]);
      assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 409], both.map((r) => r.body.slice(0, 200)).join(' / '));
      assert.equal(both.find((r) => r.statusCode === 409)!.json().code, 'OPENING_STOCK_HAS_MOVEMENTS');
      assert.equal((await movementsOf(more.ps.map((p) => p.id))).length, 3);
      assert.equal(await onHand(more.ps[0].id, more.w.id), 5);
      assert.deepEqual((await checkLedger(db())).violations, []);
    });
  });
}
