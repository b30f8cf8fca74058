/**
 * Stage 2 in real Chromium against the real server (SQLite in a temp dir): an admin sets up a
 * two-level approval rule (销售经理, then 财务) in 设置 → 审批规则, a product with spec options
 * in 库存 → 产品 and its opening stock with the movement form; a sales rep enters an order above
 * the rule's amount on the entry page (quote strip, spec select, totals) and submits it; the
 * sales manager approves it from 审批 on a 375 px phone, finance from its own browser; back as
 * the rep the order is 已确认 with stock reserved and both approvals on the timeline.
 * Screenshots go to test-results/orders-*.png. Needs Debian `chromium` (GENDAN_CHROMIUM
 * overrides the path); skipped without it unless CI=true.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { apiAs, inDays, openPage, pick, pressUntil, SHOTS, signInAs, skip, startE2E } from './harness.ts';

const PASSWORD = 'e2e-pass-1234';



describe('stage 2 in Chromium: approval rule, product and stock, an order approved in two levels', { skip, timeout: 120_000 }, () => {
  let browser: Browser;
  let server: { url: string; shutdown: () => Promise<void> };
  let close: () => Promise<void>;
  const problems: string[] = [];

  before(async () => {
    ({ server, browser, close } = await startE2E('gendan-e2e2-'));
  });

  after(() => close?.());

  async function signIn(username: string, password: string, viewport = { width: 1366, height: 860 }): Promise<{ ctx: BrowserContext; page: Page }> {
    const s = await openPage(browser, problems, viewport);
    await signInAs(s.page, server.url, username, password);
    return s;
  }

  /** OK in the reason dialog, pressed again while the dialog stays open (a click during its opening animation can be lost on a busy machine). */
  const confirmReason = (page: Page) => pressUntil(page.getByTestId('reason-ok'), page.getByTestId('reason-ok'), 'hidden');

  const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: join(SHOTS, `orders-${name}.png`), fullPage });
  /** The open dropdown's option (antd keeps closed dropdowns in the DOM). */
  const option = (page: Page, text: string | RegExp) => page.locator('.ant-select-item-option:visible', { hasText: text }).first();

  test('an order above the rule is approved by the sales manager, then finance, and confirmed', async () => {
    const admin = await apiAs(server.url, 'admin', 'admin1234');
    for (const [username, displayName, role] of [
      ['rep', '李晓松', 'sales'],
      ['mgr', '王建林', 'sales_manager'],
      ['fin', '陈春伟', 'finance'],
    ]) {
      await admin('POST', '/api/v1/admin/users', { username, displayName, password: PASSWORD, roles: [role] });
    }
    await admin('POST', '/api/v1/warehouses', { code: 'SH01', name: '上海总仓', isDefault: true });
    const rep = await apiAs(server.url, 'rep', PASSWORD);
    await rep('POST', '/api/v1/customers', {
      name: '苏州精工自动化科技有限公司',
      contacts: [{ name: '陆建国', phone: '13862151903', isPrimary: true }],
      addresses: [{ label: '总部', province: '江苏省', city: '苏州市', district: '苏州工业园区', detail: '星湖街 328 号 12 栋', recipient: '陆建国', phone: '13862151903', isDefault: true }],
    });

    // 设置 → 审批规则: orders of ¥10,000 or more go to the sales manager, then finance.
    const a = await signIn('admin', 'admin1234');
    await a.page.goto(`${server.url}/admin/approval-rules`);
    await a.page.getByTestId('create-rule').click();
    await a.page.getByTestId('rule-name').fill('大额订单');
    await a.page.getByTestId('cond-value').fill('10000');
    await a.page.getByText('即：订单金额（含税） ≥ ¥10,000.00').waitFor();
    await a.page.getByTestId('add-level').click();
    await pick(a.page, a.page.getByTestId('level-role').nth(1), '财务', { exact: true });
    await shot(a.page, 'rule-drawer');
    await a.page.getByTestId('save-rule').click();
    const ruleRow = a.page.getByTestId('rule-table').getByRole('row').filter({ hasText: '大额订单' });
    await ruleRow.getByText('1. 销售经理').waitFor();
    await ruleRow.getByText('2. 财务').waitFor();

    // 库存 → 产品: a motor with two voltages; then its opening stock with the movement form.
    await a.page.goto(`${server.url}/inventory/products/new`);
    await a.page.getByTestId('product-sku').fill('MTR-750W');
    await a.page.getByTestId('product-name').fill('伺服电机 750W');
    await a.page.getByTestId('product-listPrice').fill('1299');
    await a.page.getByTestId('product-floorPrice').fill('1100');
    await a.page.getByRole('button', { name: '添加规格项' }).click();
    const spec = a.page.getByTestId('spec-options');
    await spec.getByLabel('规格项，如 电压').fill('电压');
    const values = spec.getByLabel('可选值，回车分隔，如 220V');
    await values.fill('220V');
    await values.press('Enter');
    await values.fill('380V');
    await values.press('Enter');
    await a.page.getByTestId('save-product').click();
    await a.page.waitForURL(/\/inventory\/products$/);
    await a.page.getByTestId('product-table').getByText('¥1,299.00 / 台').waitFor();
    await a.page.goto(`${server.url}/inventory`);
    await a.page.getByTestId('new-movement').click();
    const movement = a.page.getByTestId('movement-form');
    await movement.getByTestId('product-select').click();
    await a.page.keyboard.type('MTR');
    await option(a.page, 'MTR-750W').click();
    await a.page.getByTestId('movement-qty').fill('50');
    await a.page.getByTestId('movement-ok').click();
    await movement.waitFor({ state: 'detached' });
    await a.page.getByTestId('stock-table').getByTestId('available').filter({ hasText: '50 台' }).waitFor();
    await a.ctx.close();

    // The rep enters 10 motors at list price (¥14,678.70 incl. tax) and submits.
    const r = await signIn('rep', PASSWORD);
    await r.page.goto(`${server.url}/orders/new`);
    await r.page.getByTestId('customer-select').click();
    await r.page.keyboard.type('精工');
    await option(r.page, '苏州精工').click();
    await r.page.getByTestId('ship-to').getByText('星湖街 328 号').waitFor();
    await r.page.getByTestId('promised-date').click();
    await r.page.keyboard.type(inDays(30));
    await r.page.keyboard.press('Enter');
    const line = r.page.getByTestId('order-line').first();
    await line.getByTestId('product-select').click();
    await r.page.keyboard.type('MTR');
    await option(r.page, 'MTR-750W').click();
    await line.getByTestId('line-quote').getByText('可用 50 台').waitFor();
    await line.getByLabel('数量').fill('10');
    await pick(r.page, line.locator('.ant-select', { has: r.page.getByLabel('电压') }), '380V', { exact: true });
    await r.page.getByTestId('order-gross').filter({ hasText: '¥14,678.70' }).waitFor();
    await r.page.getByText('税额按行四舍五入').waitFor();
    await r.page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await shot(r.page, 'entry', true);
    await r.page.getByTestId('submit-order').click();
    await r.page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    const orderUrl = r.page.url();
    await r.page.getByTestId('order-status').getByText('待审批').waitFor();
    const number = (await r.page.getByTestId('order-number').innerText()).trim();
    assert.match(number, /^SO-\d{8}-\d{4}$/);
    await r.page.getByRole('tab', { name: '审批' }).click();
    await r.page.getByTestId('approval-chain').getByText('销售经理').waitFor();
    await shot(r.page, 'pending');

    // The sales manager, on a phone: 审批 shows the order with its amount and rule.
    const m = await signIn('mgr', PASSWORD, { width: 375, height: 812 });
    await m.page.goto(`${server.url}/approvals`);
    const card = m.page.getByTestId('order-approval').filter({ hasText: number });
    await card.getByTestId('approval-amount').filter({ hasText: '¥14,678.70' }).waitFor();
    await card.getByText('大额订单').waitFor();
    const overflow = await m.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `approvals page is ${overflow}px wider than the phone`);
    await shot(m.page, 'approve-manager', true);
    await card.getByTestId('approve-order').click();
    await m.page.getByTestId('reason-text').fill('价格按标价，同意');
    await confirmReason(m.page);
    await card.waitFor({ state: 'detached' });
    await m.ctx.close();

    // Finance, the second level.
    const f = await signIn('fin', PASSWORD);
    await f.page.goto(`${server.url}/approvals`);
    const finCard = f.page.getByTestId('order-approval').filter({ hasText: number });
    await finCard.getByText('第 2 级').waitFor();
    await finCard.getByTestId('approve-order').click();
    await confirmReason(f.page);
    await finCard.waitFor({ state: 'detached' });
    await f.ctx.close();

    // Back as the rep: confirmed, stock reserved, both approvals on the timeline.
    await r.page.goto(orderUrl);
    await r.page.getByTestId('order-status').getByText('已确认').waitFor();
    await r.page.getByTestId('line-stock').getByText('已预留 10 台').waitFor();
    await r.page.getByRole('tab', { name: '时间线' }).click();
    const timeline = r.page.getByTestId('order-timeline');
    await timeline.getByTestId('timeline-approval.approved').filter({ hasText: '第 1 级审批通过' }).getByText('意见：价格按标价，同意').waitFor();
    await timeline.getByTestId('timeline-approval.approved').filter({ hasText: '第 2 级审批通过' }).waitFor();
    await timeline.getByTestId('timeline-order.confirmed').getByText('订单已确认，库存已全部预留').waitFor();
    assert.equal(await timeline.getByTestId('timeline-approval.approved').count(), 2);
    await shot(r.page, 'confirmed-timeline', true);
    await r.ctx.close();
  });

  test('no page errors or console errors', () => {
    assert.deepEqual(problems, []);
  });
});
