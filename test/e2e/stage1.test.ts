/**
 * Stage 1 in real Chromium against the real server (SQLite in a temp dir): an admin defines a
 * required select field for requirements; a customer is created, then a near-identical one —
 * the duplicate warning shows while typing and saving needs a reason; a requirement is entered
 * for it with the custom field; its confirmation link is opened in a second browser context
 * (no cookies, a 375 px phone) and confirmed with a comment; back on the staff side the
 * confirmation shows on the requirement and on the customer's history.
 * Screenshots go to test-results/stage1-*.png. Needs Debian `chromium` (GENDAN_CHROMIUM
 * overrides the path); skipped without it unless CI=true.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';

import { openPage, pick, pickRegion, pressUntil, SHOTS, skip, startE2E } from './harness.ts';

const SAVE = /保\s*存/;

describe('stage 1 in Chromium: custom field, duplicate customer, requirement confirmed on a phone', { skip, timeout: 120_000 }, () => {
  let browser: Browser;
  let server: { url: string; shutdown: () => Promise<void> };
  let close: () => Promise<void>;
  const problems: string[] = [];

  before(async () => {
    ({ server, browser, close } = await startE2E('gendan-e2e1-'));
  });

  after(() => close?.());

  const open = (viewport: { width: number; height: number }) => openPage(browser, problems, viewport);

  const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: join(SHOTS, `stage1-${name}.png`), fullPage });

  async function fillCustomer(page: Page, name: string, mobile: string) {
    await page.getByTestId('customer-name').fill(name);
    const contact = page.getByTestId('contact-row').first();
    await contact.getByLabel('姓名').fill('陈静');
    await contact.getByLabel('手机').fill(mobile);
    await page.getByTestId('add-address').click();
    const address = page.getByTestId('address-row').first();
    await pickRegion(page, address.locator('.ant-cascader'), '浦东', '浦东新区');
    await address.getByLabel('详细地址').fill('张江路 88 号 3 号楼');
    await address.getByLabel('收件人').fill('陈静');
    await address.getByLabel('收件电话').fill(mobile);
  }

  test('from custom field to a requirement confirmed by the customer', async () => {
    const { ctx, page } = await open({ width: 1366, height: 860 });
    await page.goto(`${server.url}/login`);
    await page.locator('#username').fill('admin');
    await page.locator('#password').fill('admin1234');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/workbench$/);

    // The company name is what the customer sees on the link.
    await page.goto(`${server.url}/admin/settings`);
    await page.getByLabel('公司名称').fill('华东精密机械有限公司');
    await page.getByTestId('save-settings').click();
    await page.getByText('设置已保存').waitFor();

    // 表单设计: a required single-choice field on requirements.
    await page.getByRole('menuitem', { name: '表单设计' }).click();
    await page.waitForURL(/\/admin\/custom-fields$/);
    await page.getByTestId('create-custom-field').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('中文名称').fill('表面处理');
    await dialog.getByLabel('英文名称').fill('Surface finish');
    await dialog.getByLabel('字段标识').fill('finish');
    await pick(page, dialog.locator('.ant-select', { has: page.getByLabel('类型') }), '单选', { exact: true });
    const options = dialog.getByTestId('cf-options').locator('input');
    for (const o of ['喷涂', '电镀', '阳极氧化']) {
      await options.fill(o);
      await options.press('Enter');
    }
    await dialog.getByLabel('必填').click();
    await dialog.getByRole('button', { name: SAVE }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('row').filter({ hasText: '表面处理' }).getByText('启用').waitFor();
    await shot(page, 'custom-fields');

    // First customer.
    await page.goto(`${server.url}/customers/new`);
    await fillCustomer(page, '上海恒通机电设备有限公司', '13912345678');
    await page.getByTestId('save-customer').click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    await page.getByTestId('customer-title').filter({ hasText: '上海恒通机电设备有限公司' }).waitFor();

    // A near-identical name: the warning appears while typing, before anything is saved.
    await page.goto(`${server.url}/customers/new`);
    await fillCustomer(page, '上海恒通机电设备（集团）有限公司', '13800138000');
    const panel = page.getByTestId('duplicate-panel');
    await panel.getByText('上海恒通机电设备有限公司').waitFor();
    await panel.getByText('名称相似').waitFor();
    await page.getByTestId('save-customer').click();
    await page.getByText('请说明为什么仍要新建这个客户').waitFor();
    assert.match(page.url(), /\/customers\/new$/, 'not saved without a reason');
    await panel.getByLabel('仍要新建的原因').fill('集团总部，与上海子公司分别开票');
    await page.getByText('请说明为什么仍要新建这个客户').waitFor({ state: 'detached' });
    await shot(page, 'duplicate-warning');
    await page.getByTestId('save-customer').click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    const customerUrl = page.url();
    await page.getByTestId('customer-title').filter({ hasText: '（集团）' }).waitFor();

    // A requirement for it; the admin's field is on the form and required.
    await page.getByRole('button', { name: '新建需求单' }).click();
    await page.waitForURL(/\/requirements\/new\?customerId=/);
    await page.getByTestId('customer-select').getByText('上海恒通机电设备（集团）有限公司', { exact: false }).waitFor();
    await page.getByTestId('requirement-title').fill('伺服电机及安装支架');
    const lines = page.getByTestId('item-lines');
    await lines.getByLabel('品名 / 描述').first().fill('伺服电机 1.5kW');
    await lines.getByLabel('数量').first().fill('20');
    await lines.getByLabel('单位').first().fill('台');
    await lines.getByLabel('单位').first().press('Enter'); // Enter on the last line adds a line
    await lines.getByLabel('品名 / 描述').nth(1).fill('安装支架');
    await lines.getByLabel('数量').nth(1).fill('20.5');
    await lines.getByLabel('单位').nth(1).fill('套');
    await page.getByTestId('save-requirement').click();
    await page.getByText('请填写表面处理').waitFor();
    await pick(page, page.getByTestId('cf-finish'), '电镀', { exact: true });
    await page.getByText('请填写表面处理').waitFor({ state: 'detached' });
    await shot(page, 'requirement-form', true);
    await page.getByTestId('save-requirement').click();
    await page.waitForURL(/\/requirements\/[0-9a-f-]{36}$/);
    const requirementUrl = page.url();
    await page.getByTestId('requirement-items').getByText('安装支架').waitFor();
    await page.getByText('电镀').waitFor();

    // 发送客户确认: the link to copy into WeChat.
    await page.getByTestId('send-link').click();
    await page.getByTestId('create-link').click();
    const linkText = (await page.getByTestId('link-url').innerText()).trim();
    assert.match(linkText, /\/c\/[A-Za-z0-9_-]{20,}$/);
    await page.getByText('待客户确认').first().waitFor();
    await shot(page, 'requirement-link');

    // The customer: another browser, no session, a phone.
    const phone = await open({ width: 375, height: 812 });
    await phone.page.goto(`${server.url}${new URL(linkText).pathname}`);
    await phone.page.getByTestId('portal-company').filter({ hasText: '华东精密机械有限公司' }).waitFor();
    await phone.page.getByTestId('portal-version').filter({ hasText: '第 1 版' }).waitFor();
    await phone.page.getByTestId('portal-items').getByText('伺服电机 1.5kW').waitFor();
    await phone.page.getByText('表面处理').waitFor();
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `portal is ${overflow}px wider than the phone`);
    await shot(phone.page, 'portal', true);
    await phone.page.locator('#portal-contact').fill('陈静');
    await phone.page.locator('#portal-comment').fill('数量和规格确认无误，请按此下单');
    await phone.page.getByTestId('portal-confirm').click();
    await pressUntil(phone.page.getByRole('dialog').getByRole('button', { name: '确认无误' }), phone.page.getByTestId('portal-done').getByText('已确认第 1 版'));
    await phone.page.getByRole('dialog').waitFor({ state: 'detached' });
    await shot(phone.page, 'portal-confirmed');
    await phone.ctx.close();

    // Back on the staff side: the answer on the requirement …
    await page.goto(requirementUrl);
    const card = page.getByTestId('confirmation-card');
    await card.getByText('已确认').waitFor();
    await card.getByText('陈静').waitFor();
    await card.getByText('数量和规格确认无误，请按此下单').waitFor();
    await card.getByText('v1', { exact: true }).waitFor();
    await page.getByText('客户已确认').first().waitFor();
    assert.equal(await page.getByTestId('confirmation-outdated').count(), 0);
    await shot(page, 'requirement-confirmed');

    // … and on the customer's history, with the duplicate reason from creation.
    await page.goto(`${customerUrl}?tab=history`);
    const history = page.getByTestId('customer-history');
    await history.getByTestId('history-confirmed').getByText('客户在线确认了需求单').waitFor();
    await history.getByText('客户留言：数量和规格确认无误，请按此下单').waitFor();
    await history.getByText('原因：集团总部，与上海子公司分别开票').waitFor();
    await page.waitForTimeout(300); // the tab's ink bar slides into place
    await shot(page, 'customer-history', true);
    await ctx.close();
  });

  test('no page errors or console errors', () => {
    assert.deepEqual(problems, []);
  });
});
