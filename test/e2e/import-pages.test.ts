/**
 * The two Excel import pages in real Chromium, both drawn by the one ImportPage component:
 * a file with errors shows the rows to fix and offers no import; possible duplicate customers
 * must be acknowledged before importing; a clean order file lands as drafts and leads to them.
 * Screenshots go to test-results/import-*.png.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { customerImportColumns } from '../../src/contracts/customers.ts';
import { orderImportColumns } from '../../src/contracts/orders.ts';
import ExcelJS from '../../src/server/platform/exceljs.ts';
import { apiAs, inDays, openPage, SHOTS, skip, startE2E } from './harness.ts';

const PASSWORD = 'e2e-pass-1234';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Cols = readonly { key: string; zh: string }[];

async function workbook(sheet: string, columns: Cols, rows: Record<string, string | number>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(columns.map((c) => c.zh));
  for (const r of rows) ws.addRow(columns.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const customer = (name: string, i: number) => ({ name, tier: 'C', contactName: `联系人${i}`, contactPhone: `1370000${String(i).padStart(4, '0')}`, province: '浙江省', city: '杭州市', district: '西湖区', detail: `文三路 ${i} 号`, recipient: '王五', recipientPhone: '0571-87654321' });

describe('Excel import pages in Chromium: errors, duplicates acknowledged, drafts', { skip, timeout: 150_000 }, () => {
  let browser: Browser;
  let server: { url: string };
  let close: () => Promise<void>;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    ({ server, browser, close } = await startE2E('gendan-e2e-import-'));
  });
  after(() => close?.());

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `import-${name}.png`), fullPage: true });
  const upload = (name: string, buffer: Buffer) => page.locator('input[type=file]').setInputFiles({ name, mimeType: XLSX, buffer });
  const commitButton = () => page.getByTestId('commit-import');

  test('customers: errors block the import; duplicates need a tick; then all rows land', async () => {
    const admin = await apiAs(server.url, 'admin', 'admin1234');
    await admin('POST', '/api/v1/admin/users', { username: 'rep', displayName: '李晓松', password: PASSWORD, roles: ['sales'] });
    const rep = await apiAs(server.url, 'rep', PASSWORD);
    await rep('POST', '/api/v1/customers', { name: '杭州西湖精密机械有限公司' });

    ({ page } = await openPage(browser, problems, { width: 1280, height: 860 }));
    await page.goto(`${server.url}/login`);
    await page.locator('#username').fill('rep');
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));

    await page.goto(`${server.url}/customers/import`);
    await page.getByRole('heading', { name: '导入客户' }).waitFor();
    await upload('bad.xlsx', await workbook('客户', customerImportColumns, [customer('宁波甬江电气有限公司', 1), { ...customer('', 2), name: '' }]));
    await page.getByTestId('import-errors').waitFor();
    assert.match(await page.getByTestId('import-errors').innerText(), /3\s+客户名称/);
    assert.equal(await commitButton().count(), 0, 'no import offered while a row has an error');
    await shot('customers-errors');

    await upload('good.xlsx', await workbook('客户', customerImportColumns, [customer('宁波甬江电气有限公司', 1), customer('杭州西湖精密机械有限公司', 2)]));
    const ack = page.getByRole('checkbox', { name: /我已核对这 1 行疑似重复的客户/ });
    await ack.waitFor();
    assert.match(await page.locator('.gd-stats').first().innerText(), /疑似重复\s*1/, 'customers keep the possible-duplicates figure');
    assert.equal(await commitButton().isDisabled(), true, 'duplicates not acknowledged yet');
    await ack.check();
    assert.equal(await commitButton().isEnabled(), true);
    await shot('customers-check');
    await commitButton().click();
    await page.getByText('已导入 2 个客户', { exact: true }).first().waitFor();
    await shot('customers-done');
    const list = await rep<{ items: { name: string }[] }>('GET', '/api/v1/customers?q=%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B8&limit=50');
    assert.deepEqual(list.items.map((c) => c.name).sort(), ['宁波甬江电气有限公司', '杭州西湖精密机械有限公司', '杭州西湖精密机械有限公司'].sort());
    await page.getByRole('button', { name: '查看客户列表' }).click();
    await page.waitForURL((u) => u.pathname === '/customers');
  });

  test('orders: a bad SKU is named by row; a clean file lands as drafts and leads to them', async () => {
    const admin = await apiAs(server.url, 'admin', 'admin1234');
    await admin('POST', '/api/v1/products', { sku: 'MTR-750W', name: '伺服电机 750W', unit: '台', listPrice: 129_900, floorPrice: 110_000, cost: 80_000 });
    const rep = await apiAs(server.url, 'rep', PASSWORD);
    const { items } = await rep<{ items: { id: string; code: string; name: string }[] }>('GET', '/api/v1/customers?q=%E5%AE%81%E6%B3%A2');
    const code = items[0]!.code;
    const line = (orderKey: string, sku: string, qty: number) => ({ orderKey, customerCode: code, promisedDate: inDays(20), sku, qty, unitPrice: 1299 });

    await page.goto(`${server.url}/orders/import`);
    await page.getByRole('heading', { name: '导入订单' }).waitFor();
    await upload('bad.xlsx', await workbook('订单', orderImportColumns, [line('A', 'MTR-750W', 2), line('A', 'NO-SUCH-SKU', 1)]));
    await page.getByTestId('import-errors').waitFor();
    assert.match(await page.getByTestId('import-errors').innerText(), /3\s+产品SKU/);
    assert.equal(await commitButton().count(), 0);

    await upload('good.xlsx', await workbook('订单', orderImportColumns, [line('A', 'MTR-750W', 2), line('A', 'MTR-750W', 1), line('B', 'MTR-750W', 5)]));
    await commitButton().waitFor();
    assert.equal((await commitButton().innerText()).replace(/\s/g, ''), '导入2张订单草稿');
    await shot('orders-check');
    await commitButton().click();
    await page.getByText('已导入 2 张订单草稿', { exact: true }).first().waitFor();
    await shot('orders-done');
    await page.getByRole('button', { name: '查看草稿' }).click();
    await page.waitForURL((u) => u.pathname === '/orders' && u.searchParams.get('status') === 'draft');
    await page.getByText('已显示 2 张订单').waitFor();
    assert.deepEqual(problems, []);
  });
});
