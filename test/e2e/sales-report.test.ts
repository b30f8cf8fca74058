/**
 * 销售分析 in real Chromium against the real server (SQLite in a temp dir): two reps' confirmed
 * orders (through the API, then dated into three months), a draft that must not count. The
 * admin opens 报表 → 销售分析: customer × month with per-month totals; switches to 不含税 and
 * 按负责人; exports Excel. A sales manager sees only their team's customers. Screenshots: test-results/sales-report-*.png.
 */
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { apiAs, inDays, openPage, SHOTS, signInAs, skip, startE2E } from './harness.ts';

const PASSWORD = 'e2e-pass-1234';
const PREFIX = 'gendan-e2e-sales-';

describe('sales report in Chromium: customer × month with totals, net/gross, by owner, export, a manager’s team scope', { skip, timeout: 150_000 }, () => {
  let browser: Browser;
  let server: { url: string; shutdown: () => Promise<void> };
  let close: () => Promise<void>;
  const problems: string[] = [];

  before(async () => {
    ({ server, browser, close } = await startE2E(PREFIX));
  });
  after(() => close?.());

  async function signIn(username: string, password = PASSWORD): Promise<Page> {
    const { page } = await openPage(browser, problems, { width: 1440, height: 900 }, { acceptDownloads: true });
    await signInAs(page, server.url, username, password);
    return page;
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `sales-report-${name}.png`), fullPage: true });

  test('customer × month, totals, net, by owner, export; a manager sees the team’s customers only', async () => {
    const admin = await apiAs(server.url, 'admin', 'admin1234');
    // A sales manager sees their team's sales (rep1), not another team's (rep2); reps have no 报表 menu.
    const team = await admin<{ id: string }>('POST', '/api/v1/admin/teams', { name: '华东销售一组' });
    await admin('POST', '/api/v1/admin/users', { username: 'mgr', displayName: '周经理', password: PASSWORD, roles: ['sales_manager'], teamId: team.id });
    await admin('POST', '/api/v1/admin/users', { username: 'rep1', displayName: '李晓松', password: PASSWORD, roles: ['sales'], teamId: team.id });
    await admin('POST', '/api/v1/admin/users', { username: 'rep2', displayName: '陈思远', password: PASSWORD, roles: ['sales'] });
    const wh = await admin<{ id: string }>('POST', '/api/v1/warehouses', { code: 'SH01', name: '上海总仓', isDefault: true });
    const product = await admin<{ id: string }>('POST', '/api/v1/products', { sku: 'MTR-750W', name: '伺服电机 750W', unit: '台', listPrice: 129_900, floorPrice: 110_000 });
    await admin('POST', '/api/v1/stock/movements', { type: 'receipt', productId: product.id, warehouseId: wh.id, qty: 500, reason: '期初' });
    const dated: [string, string][] = [];
    const month = (back: number) => {
      const d = new Date();
      d.setUTCDate(10);
      d.setUTCMonth(d.getUTCMonth() - back);
      return d.toISOString();
    };
    for (const [rep, name, orders] of [
      ['rep1', '苏州精工自动化科技有限公司', [[2, 3], [5, 1], [1, 0]]],
      ['rep2', '宁波海天塑机配套有限公司', [[10, 2], [4, 0]]],
    ] as const) {
      const api = await apiAs(server.url, rep, PASSWORD);
      const { customer } = await api<{ customer: { id: string } }>('POST', '/api/v1/customers', { name, contacts: [{ name: '陆建国', phone: '13862151903', isPrimary: true }] });
      for (const [qty, back] of orders) {
        const { order } = await api<{ order: { id: string; status: string } }>('POST', '/api/v1/orders', { customerId: customer.id, promisedDate: inDays(30), lines: [{ productId: product.id, qty, unitPrice: 129_900 }], submit: true, acknowledge: [{ code: 'POSSIBLE_DUPLICATE_ORDER', reason: '分批下单' }] });
        assert.equal(order.status, 'confirmed');
        dated.push([order.id, month(back)]);
      }
      // A draft: never counted.
      await api('POST', '/api/v1/orders', { customerId: customer.id, promisedDate: inDays(30), lines: [{ productId: product.id, qty: 99, unitPrice: 129_900 }] });
    }
    // Spread the orders over three months (the API dates an order now).
    const dir = readdirSync(tmpdir()).filter((n) => n.startsWith(PREFIX)).map((n) => join(tmpdir(), n)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]!;
    const db = new Database(join(dir, 'e2e.db'));
    for (const [id, at] of dated) db.prepare('update sales_order set created_at = ? where id = ?').run(at, id);
    db.close();

    const page = await signIn('admin', 'admin1234');
    await page.goto(`${server.url}/reports`);
    await page.getByRole('tab', { name: '销售分析' }).click();
    await page.waitForURL(/view=sales/);
    const table = page.getByTestId('sales-table');
    await table.getByText('苏州精工自动化科技有限公司').waitFor();
    const gross = 22 * 129_900 * 1.13; // 22 台 × ¥1,299.00 + 13 % VAT: the confirmed orders only, not the two drafts
    const money = (fen: number) => `¥${(Math.round(fen) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    await page.getByText(`含税合计 ${money(gross)}`).waitFor();
    await page.getByText('5 个订单').waitFor();
    await shot(page, 'customer-month');

    await page.getByText('不含税金额', { exact: true }).first().click();
    await page.getByText(money(22 * 129_900), { exact: true }).first().waitFor();
    await page.getByText('按负责人').click();
    await table.getByText('李晓松').waitFor();
    await table.getByText('陈思远').waitFor();
    await shot(page, 'by-owner');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    assert.match((await download).suggestedFilename(), /^销售分析-\d{4}-\d{2}-\d{2}\.xlsx$/);

    const mgr = await signIn('mgr');
    await mgr.goto(`${server.url}/reports?view=sales`);
    await mgr.getByTestId('sales-table').getByText('苏州精工自动化科技有限公司').waitFor();
    assert.equal(await mgr.getByTestId('sales-table').getByText('宁波海天塑机配套有限公司').count(), 0);
    await shot(mgr, 'manager');
    assert.deepEqual(problems, []);
  });
});
