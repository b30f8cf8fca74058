/**
 * The order list in real Chromium: status tabs with counts, a saved view (save, apply, make
 * default, opened by default), the Excel export of the current filters (parsed back), and the
 * page at 1280 px and 375 px. Screenshots go to test-results/order-list-*.png. Needs Debian
 * `chromium` (GENDAN_CHROMIUM overrides the path); skipped without it unless CI=true.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type * as XL from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import ExcelJS from '../../src/server/platform/exceljs.ts';
import { apiAs, inDays, openPage, SHOTS, signInAs, skip, startE2E } from './harness.ts';

const PASSWORD = 'e2e-pass-1234';


describe('order list in Chromium: tab counts, saved views, Excel export', { skip, timeout: 120_000 }, () => {
  let browser: Browser;
  let server: { url: string; shutdown: () => Promise<void> };
  let close: () => Promise<void>;
  const problems: string[] = [];

  before(async () => {
    ({ server, browser, close } = await startE2E('gendan-e2e-list-'));
  });
  after(() => close?.());

  async function signIn(username: string, width: number) {
    const s = await openPage(browser, problems, { width, height: width < 600 ? 800 : 860 }, { acceptDownloads: true });
    await signInAs(s.page, server.url, username, PASSWORD);
    return s;
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `order-list-${name}.png`), fullPage: true });
  const count = (page: Page, key: string) => page.getByTestId(`count-${key}`).first();

  test('a rep sees counts per tab, saves the drafts tab as a shared default view, exports it, and the list opens on it', async () => {
    const admin = await apiAs(server.url, 'admin', 'admin1234');
    await admin('POST', '/api/v1/admin/users', { username: 'rep', displayName: '李晓松', password: PASSWORD, roles: ['sales'] });
    const wh = await admin<{ id: string }>('POST', '/api/v1/warehouses', { code: 'SH01', name: '上海总仓', isDefault: true });
    const product = await admin<{ id: string }>('POST', '/api/v1/products', { sku: 'MTR-750W', name: '伺服电机 750W', unit: '台', listPrice: 129_900, floorPrice: 110_000, cost: 80_000 });
    await admin('POST', '/api/v1/stock/movements', { type: 'receipt', productId: product.id, warehouseId: wh.id, qty: 100, reason: '期初' });
    const rep = await apiAs(server.url, 'rep', PASSWORD);
    const customer = await rep<{ customer: { id: string } }>('POST', '/api/v1/customers', { name: '苏州精工自动化科技有限公司', addresses: [{ label: '总部', province: '江苏省', city: '苏州市', district: '苏州工业园区', detail: '星湖街 328 号', recipient: '陆建国', phone: '13862151903', isDefault: true }] });
    for (let i = 1; i <= 4; i++) {
      await rep('POST', '/api/v1/orders', { customerId: customer.customer.id, promisedDate: inDays(30), priority: i === 4 ? 'urgent' : 'normal', customerPo: `PO-${i}`, submit: i === 4, lines: [{ productId: product.id, qty: i, unitPrice: 129_900 }] });
    }

    const { page } = await signIn('rep', 1280);
    await page.goto(`${server.url}/orders`);
    await page.getByTestId('order-table').getByText('PO-4').waitFor();
    assert.equal(await count(page, 'all').textContent(), '4');
    assert.equal(await count(page, 'draft').textContent(), '3');
    assert.equal(await count(page, 'confirmed').textContent(), '1');
    assert.equal(await count(page, 'pending_approval').textContent(), '0');

    await page.getByTestId('tab-draft').click();
    await page.waitForURL(/status=draft/);
    await page.getByTestId('order-table').getByText('PO-4').waitFor({ state: 'detached' });
    await page.getByTestId('order-table').getByText('PO-3').waitFor();
    assert.equal(await count(page, 'all').textContent(), '4', 'the tab counts ignore the selected tab');

    // Save the drafts tab as a shared view.
    await page.getByTestId('views-button').click();
    await page.getByText('保存当前筛选…').click();
    await page.getByTestId('view-name').fill('我的草稿');
    await page.getByTestId('view-shared').check();
    await page.getByRole('dialog').getByText('状态：草稿').waitFor();
    await shot(page, 'save-view');
    await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('视图已保存').waitFor();
    await page.getByTestId('views-button').getByText('视图：我的草稿').waitFor();

    // Export what the filters select: the three drafts, parsed back.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-orders').click()]);
    assert.match(download.suggestedFilename(), /^订单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = join(SHOTS, 'order-list-export.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as never);
    const rows: XL.CellValue[][] = [];
    wb.worksheets[0].eachRow((r) => rows.push((r.values as XL.CellValue[]).slice(1)));
    assert.deepEqual(rows[0].slice(0, 3), ['订单号', '客户', '状态']);
    assert.deepEqual(rows.slice(1).map((r) => [r[2], r[8]]), [['草稿', 'PO-3'], ['草稿', 'PO-2'], ['草稿', 'PO-1']]);
    await page.getByText('已导出 3 张订单').waitFor();
    await shot(page, 'desktop');

    // Back to 全部, then apply the view from the menu; then make it my default.
    await page.getByTestId('tab-all').click();
    await page.getByTestId('views-button').getByText(/^视图$/).waitFor();
    await page.getByTestId('views-button').click();
    await page.getByTestId('view-item').filter({ hasText: '我的草稿' }).click();
    await page.waitForURL(/status=draft/);
    await page.getByTestId('views-button').click();
    await page.getByText('管理视图…').click();
    await page.getByTestId('manage-views').getByRole('button', { name: '设为默认' }).click();
    await page.getByTestId('manage-views').getByText('默认').waitFor();
    await page.keyboard.press('Escape');

    // Opened bare, the list applies my default view.
    await page.goto(`${server.url}/orders`);
    await page.waitForURL(/status=draft/);
    await page.getByTestId('views-button').getByText('视图：我的草稿').waitFor();

    const phone = await signIn('rep', 375);
    await phone.page.goto(`${server.url}/orders?status=confirmed`);
    await phone.page.getByTestId('order-table').getByRole('row').nth(1).waitFor();
    assert.equal(await count(phone.page, 'confirmed').textContent(), '1');
    await phone.page.waitForLoadState('networkidle');
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scrolling on a phone (${overflow}px)`);
    await shot(phone.page, 'phone');
    assert.deepEqual(problems, []);
  });
});
