import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { escapeCell, readSheet } from '../../src/server/platform/xlsx.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { customerWorkbook, writeCustomerWorkbook, zipBomb, type Row } from '../helpers/xlsx.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const good = (i: number): Row => ({
  name: `导入测试客户${i}有限公司`,
  tier: 'C',
  paymentTermsDays: 30,
  creditLimit: 1000.5,
  contactName: `联系人${i}`,
  contactPhone: `1370000${String(i).padStart(4, '0')}`,
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  detail: `文三路 ${i} 号`,
  recipient: '王五',
  recipientPhone: '0571-87654321',
});

test('export escaping: text that a spreadsheet would run as a formula gets a leading quote', () => {
  assert.equal(escapeCell('=HYPERLINK("http://evil","x")'), `'=HYPERLINK("http://evil","x")`);
  for (const s of ['+1', '-1+2', '@SUM(A1)']) assert.equal(escapeCell(s), `'${s}`);
  assert.equal(escapeCell('深圳 = 南山'), '深圳 = 南山');
  assert.equal(escapeCell(-5), -5);
});

test('Chinese text split across zip chunks is read intact (exceljs decoding fix)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'utf8-'));
  const path = join(dir, 'big.xlsx');
  await writeCustomerWorkbook(path, 6000, (n) => ({ name: `基准客户${n}有限公司`, province: '江苏省', city: '苏州市', district: '吴中区', detail: `东吴北路 ${n} 号` }));
  let bad = 0;
  await readSheet(path, () => {}, (_row, cells) => {
    if (cells[12] !== '江苏省' || cells[13] !== '苏州市' || cells[14] !== '吴中区') bad += 1;
  });
  assert.equal(bad, 0);
});

for (const d of await dialects()) {
  describe(`customer import from Excel [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let s: Session;
    before(async () => {
      t = await createTestApp(d.name);
      s = (await t.as(['admin'])).session;
    });
    after(() => t?.close());

    const count = async () => Number((await t.db.handle.db.selectFrom('customer').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const upload = (body: Buffer, dryRun: boolean, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: `/api/v1/customers/import?dryRun=${dryRun}`, payload: body, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': XLSX, ...headers } });

    test('the template is a real .xlsx with the columns in the caller language', async () => {
      const r = await t.req(s, 'GET', '/api/v1/customers/import-template');
      assert.equal(r.statusCode, 200);
      assert.equal(r.headers['content-type'], XLSX);
      const dir = mkdtempSync(join(tmpdir(), 'tpl-'));
      writeFileSync(join(dir, 't.xlsx'), r.rawPayload);
      let header: unknown[] = [];
      await readSheet(join(dir, 't.xlsx'), (h) => (header = h), () => {});
      assert.equal(header[0], '客户名称*');
      assert.equal(header[10], '联系人手机');
    });

    test('1,000 rows with 3 bad ones: nothing imported, the report lists exactly the 3 with row and column', async () => {
      const rows = Array.from({ length: 1000 }, (_, i) => good(i));
      rows[10] = { ...rows[10], contactPhone: '12345678901' };
      rows[500] = { ...rows[500], city: '广州市' };
      rows[998] = { ...rows[998], name: '' };
      const file = await customerWorkbook(rows);
      const before = await count();
      const dry = await upload(file, true);
      assert.equal(dry.statusCode, 200, dry.body);
      assert.equal(dry.json().rows, 1000);
      assert.equal(dry.json().errorCount, 3);
      assert.deepEqual(
        dry.json().errors.map((e: any) => [e.row, e.column]),
        [
          [12, '联系人手机'],
          [502, '市'],
          [1000, '客户名称'],
        ],
      );
      const commit = await upload(file, false);
      assert.equal(commit.statusCode, 422);
      assert.equal(commit.json().code, 'IMPORT_HAS_ERRORS');
      assert.equal(commit.json().details.errorCount, 3);
      assert.equal(await count(), before, 'all or nothing');

      const fixed = await customerWorkbook(Array.from({ length: 1000 }, (_, i) => good(i)));
      const ok = await upload(fixed, false);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().imported, 1000);
      assert.equal(await count(), before + 1000);
      const one = (await t.req(s, 'GET', `/api/v1/customers?q=${encodeURIComponent('导入测试客户7有限公司')}`)).json().items[0];
      const full = (await t.req(s, 'GET', `/api/v1/customers/${one.id}`)).json();
      assert.equal(full.creditLimit, 100050, '¥1,000.50 → 100050 fen');
      assert.equal(full.addresses[0].city, '杭州市');
      assert.equal(full.contacts[0].phone, '13700000007');

      const again = await upload(fixed, true);
      assert.equal(again.json().duplicates.length, 1000, 'a second import of the same file shows every row as a possible duplicate');
      assert.equal(again.json().duplicates[0].matches[0].reason, 'name');
    });

    test('codes duplicated within the file are errors; same names within the file are warnings', async () => {
      const file = await customerWorkbook([
        { ...good(5001), code: 'IMP-1' },
        { ...good(5002), code: 'IMP-1' },
        { ...good(5003), name: good(5001).name as string },
      ]);
      const r = (await upload(file, true)).json();
      assert.deepEqual(r.errors.map((e: any) => [e.row, e.code]), [[3, 'taken']]);
      assert.deepEqual(r.duplicates.map((x: any) => [x.row, x.matches[0].row]), [[4, 2]]);
    });

    test('formula cells are read as their cached value, never evaluated', async () => {
      const file = await customerWorkbook([{ ...good(7001), name: { formula: 'HYPERLINK("http://evil.example","公式客户")', result: '公式客户' } as any }]);
      const r = await upload(file, false);
      assert.equal(r.statusCode, 200, r.body);
      const found = (await t.req(s, 'GET', `/api/v1/customers?q=${encodeURIComponent('公式客户')}`)).json().items;
      assert.equal(found.length, 1);
      assert.equal(found[0].name, '公式客户');
    });

    test('not a zip, a zip bomb, a missing name column → 400 IMPORT_FILE_INVALID; nothing written', async () => {
      const before = await count();
      const notZip = await upload(Buffer.from('name,phone\n甲,138'), false);
      assert.equal(notZip.statusCode, 400);
      assert.equal(notZip.json().code, 'IMPORT_FILE_INVALID');
      const bomb = await upload(zipBomb(64 * 1024 * 1024), false);
      assert.equal(bomb.statusCode, 400);
      assert.equal(bomb.json().details.reason, 'zip_bomb');
      const noName = await upload(await customerWorkbookWithHeader(['电话']), true);
      assert.equal(noName.statusCode, 400);
      assert.equal(noName.json().details.reason, 'missing_column', noName.body);
      assert.equal(noName.json().message, '缺少必需的列：客户名称');
      assert.equal(await count(), before);
    });

    test('a sales rep cannot import customers for another owner', async () => {
      const rep = await t.as(['sales']);
      const other = await t.user(['sales']);
      const file = await customerWorkbook([{ ...good(8001), ownerUsername: other.username }, { ...good(8002), ownerUsername: 'nobody_here' }]);
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/customers/import?dryRun=true', payload: file, headers: { cookie: rep.session.cookie, 'x-csrf-token': rep.session.csrf, 'content-type': XLSX } });
      assert.deepEqual(r.json().errors.map((e: any) => [e.row, e.code]), [
        [2, 'out_of_scope'],
        [3, 'not_found'],
      ]);
    });
  });
}

async function customerWorkbookWithHeader(header: string[]): Promise<Buffer> {
  const ExcelJS = (await import('../../src/server/platform/exceljs.ts')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('x');
  ws.addRow(header);
  ws.addRow(['13800138000']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
