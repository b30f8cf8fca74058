/**
 * 盘点 in real Chromium against the real server (SQLite in a temp dir), at a tablet's size:
 * a keeper opens a count of the default warehouse, 3 units leave meanwhile, the counted
 * quantities are entered and posted; the posted count shows book qty, on hand at posting and
 * the adjustment, and the stock page the new level. Screenshots: test-results/stock-count-*.png.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { apiAs, SHOTS, skip, startE2E } from '../e2e/harness.ts';

const PASSWORD = 'e2e-pass-1234';

describe('stock count in Chromium on a tablet', { skip, timeout: 120_000 }, () => {
  let browser: Browser;
  let server: { url: string; shutdown: () => Promise<void> };
  let close: () => Promise<void>;
  const problems: string[] = [];
  before(async () => {
    ({ server, browser, close } = await startE2E('gendan-e2e-count-'));
  });
  after(() => close?.());
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `stock-count-${name}.png`) });

  test('open a count, enter, post: the adjustment is counted − on hand at posting', async () => {
    const admin = await apiAs(server.url, 'admin', 'admin1234');
    await admin('POST', '/api/v1/admin/users', { username: 'keeper', displayName: '赵仓管', password: PASSWORD, roles: ['warehouse'] });
    const w = await admin<{ id: string }>('POST', '/api/v1/warehouses', { code: 'SH01', name: '上海总仓', isDefault: true });
    const motor = await admin<{ id: string }>('POST', '/api/v1/products', { sku: 'MTR-750W', name: '伺服电机 750W', unit: '台', listPrice: 129_900, floorPrice: 100_000 });
    const cable = await admin<{ id: string }>('POST', '/api/v1/products', { sku: 'CBL-3M', name: '编码器线缆 3 米', unit: '根', listPrice: 5_000, floorPrice: 3_000 });
    await admin('POST', '/api/v1/stock/movements', { type: 'receipt', productId: motor.id, warehouseId: w.id, qty: 40, reason: '期初' });
    await admin('POST', '/api/v1/stock/movements', { type: 'receipt', productId: cable.id, warehouseId: w.id, qty: 120, reason: '期初' });

    const ctx = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', hasTouch: true });
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000); // as openPage: a busy CI machine can take more than 10 s
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(`console: ${m.text()}`));
    await page.goto(`${server.url}/login`);
    await page.locator('#username').fill('keeper');
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));

    await page.goto(`${server.url}/inventory/counts`);
    await page.getByTestId('new-count').click();
    await page.getByTestId('create-count').click();
    await page.waitForURL(/\/inventory\/counts\/[^/]+$/);
    await page.getByTestId('counted-MTR-750W').waitFor();
    // Meanwhile 3 motors are issued.
    await admin('POST', '/api/v1/stock/movements', { type: 'issue', productId: motor.id, warehouseId: w.id, qty: 3, reason: '样品' });

    await page.getByTestId('counted-MTR-750W').fill('36');
    await page.getByTestId('counted-CBL-3M').fill('120');
    await page.getByTestId('save-counts').click();
    await page.getByText('已保存').first().waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'entry');

    await page.getByTestId('post-count').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByText('已过账').first().waitFor();
    await page.waitForTimeout(400);
    await shot(page, 'posted');
    const rows = await page.getByTestId('count-lines').locator('tbody tr').allInnerTexts();
    const motorRow = rows.find((r) => r.includes('MTR-750W'))!;
    // Book 40, on hand at posting 37, counted 36 → −1.
    assert.match(motorRow, /40/);
    assert.match(motorRow, /37/);
    assert.match(motorRow, /-1/);

    await page.goto(`${server.url}/inventory?q=MTR`);
    await page.getByTestId('available').first().waitFor();
    assert.match(await page.getByTestId('stock-table').innerText(), /36/);
    await page.getByTestId('available').first().click();
    await page.getByTestId('explain-equation').waitFor();
    await page.waitForTimeout(300);
    const recent = await page.getByTestId('explain-drawer').innerText();
    assert.match(recent, /盘点差异/, 'the count adjustment is named, not shown as stock_count');
    assert.match(recent, /样品/, 'a typed reason stays as typed');
    await shot(page, 'explain');
    assert.deepEqual(problems, []);
    await ctx.close();
  });

  test('an adjustment above the threshold waits on 调整审批 and an admin approves it', async () => {
    const admin = await apiAs(server.url, 'admin', 'admin1234');
    await admin('PUT', '/api/v1/admin/settings/inventory.adjustmentApproval', { value: { qty: 5, valueFen: null } });
    const keeper = await apiAs(server.url, 'keeper', PASSWORD);
    const [level] = (await keeper<{ items: { productId: string; warehouseId: string }[] }>('GET', '/api/v1/stock?q=CBL')).items;
    const r = await keeper<{ pending?: { status: string } }>('POST', '/api/v1/stock/movements', { type: 'adjustment', productId: level.productId, warehouseId: level.warehouseId, qty: -20, reason: '线缆受潮报废' });
    assert.equal(r.pending?.status, 'pending');

    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000); // as openPage: a busy CI machine can take more than 10 s
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`${server.url}/login`);
    await page.locator('#username').fill('admin');
    await page.locator('#password').fill('admin1234');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${server.url}/inventory/adjustments`);
    await page.getByTestId('approve-CBL-3M').waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'approvals');
    await page.getByTestId('approve-CBL-3M').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByText('已批准并记入库存').waitFor();
    const after = (await keeper<{ items: { onHand: number }[] }>('GET', '/api/v1/stock?q=CBL')).items[0];
    assert.equal(after.onHand, 100);
    await page.goto(`${server.url}/inventory/movements`);
    await page.getByTestId('export-movements').waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'movements');
    assert.deepEqual(problems, []);
    await ctx.close();
  });
});
