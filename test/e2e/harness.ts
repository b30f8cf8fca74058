/**
 * What every browser test shares: where Chromium is, whether to skip (never under CI=true),
 * a web build that is not older than its sources, and the launch flags this machine needs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

export const CHROMIUM = process.env.GENDAN_CHROMIUM ?? '/usr/bin/chromium';
export const ROOT = resolve(import.meta.dirname, '../..');
export const SHOTS = join(ROOT, 'test-results');
const required = process.env.CI === 'true';
export const skip = existsSync(CHROMIUM) || required ? false : `browser tests skipped: ${CHROMIUM} not found (apt-get install chromium fonts-noto-cjk; CI=true makes this a failure)`;

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds dist/web when it is missing or older than the web sources. */
export function ensureWebBuild(): void {
  const index = join(ROOT, 'dist/web/index.html');
  const sources = Math.max(newest(join(ROOT, 'src/web')), newest(join(ROOT, 'src/contracts')), statSync(join(ROOT, 'vite.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', timeout: 120_000 });
  assert.equal(r.status, 0, 'vite build failed');
}

export async function launchChromium() {
  if (!existsSync(CHROMIUM)) throw new Error(`CI=true requires ${CHROMIUM}`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A signed-in JSON client for setting up what a browser test is not about (users, customers, orders). */
export async function apiAs(base: string, username: string, password: string) {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  assert.equal(login.status, 200, `login ${username}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    assert.ok(res.ok, `${method} ${path} → ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
}

/** A date `days` from today in the company calendar. */
export const inDays = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));

/**
 * The real server on a fresh SQLite file plus Chromium, for one describe block: call in
 * `before`, `close()` in `after`. Screenshots go to SHOTS.
 */
export async function startE2E(prefix: string) {
  ensureWebBuild();
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const { serve } = await import('../../src/server/main.ts');
  const { loadConfig } = await import('../../src/server/config.ts');
  const server = await serve(loadConfig({}, { databaseUrl: `sqlite:${join(dir, 'e2e.db')}`, port: 0, adminPassword: 'admin1234', logLevel: 'silent', host: '127.0.0.1', outboxPollMs: 100, outboxBackoffMs: 100 }));
  const browser = await launchChromium();
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.shutdown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type Viewport = { width: number; height: number };

/**
 * A page as a person in China sees it (zh-CN, Asia/Shanghai; a phone below 600 px wide), its
 * errors collected into `problems` — requests the app makes on purpose that fail (the session
 * probe's 401, a refused submit's 422) log as "Failed to load resource" and are not problems.
 */
export async function openPage(browser: Browser, problems: string[], viewport: Viewport = { width: 1366, height: 860 }, opts: { acceptDownloads?: boolean } = {}): Promise<{ ctx: BrowserContext; page: Page }> {
  const mobile = viewport.width < 600;
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: mobile, hasTouch: mobile, deviceScaleFactor: mobile ? 2 : 1, acceptDownloads: opts.acceptDownloads ?? false });
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000); // a busy CI machine can take more than 10 s to settle a page after a mutation
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(`console: ${m.text()}`));
  return { ctx, page };
}

/** Signs in through the login form and waits until the app has left it. */
export async function signInAs(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/**
 * Picks an option in an antd select (`select`: its root element) and waits until the select shows
 * it; `exact` matches the option's whole text. On a busy machine a click on an option still sliding
 * in can be lost, or the dropdown closes while the dialog around it is still zooming in, so each
 * step has a short limit and the whole pick is tried again.
 */
export async function pick(page: Page, select: Locator, text: string, { exact = false } = {}): Promise<void> {
  const option = page.locator('.ant-select-item-option:visible', { hasText: exact ? new RegExp(`^${text}$`) : text }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      await select.click({ timeout: 5_000 });
      await option.click({ timeout: 5_000 });
      return await select.filter({ hasText: text }).waitFor({ timeout: 5_000 });
    } catch (err) {
      if (attempt === 4) throw err;
    }
  }
}

/**
 * Picks a region in a division cascader (`cascader`: its root element) by searching `typed` and
 * clicking the first match containing `text`, then waits until the cascader shows it; like
 * `pick`, a click on a menu still sliding in can be lost on a busy machine, so it tries again.
 */
export async function pickRegion(page: Page, cascader: Locator, typed: string, text: string): Promise<void> {
  const item = page.locator('.ant-cascader-menu-item:visible', { hasText: text }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      await cascader.click({ timeout: 5_000 });
      await cascader.locator('input').fill(typed, { timeout: 5_000 });
      await item.click({ timeout: 5_000 });
      return await cascader.filter({ hasText: text }).waitFor({ timeout: 5_000 });
    } catch (err) {
      if (attempt === 4) throw err;
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Clicks `button` until `done` reaches `state` (up to 3 presses, 8 s each): a click on a dialog's
 * button while the dialog is still zooming in can be lost on a busy machine.
 */
export async function pressUntil(button: Locator, done: Locator, state: 'visible' | 'hidden' = 'visible'): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await button.click({ timeout: 5_000 }).catch(() => {});
    try {
      return await done.waitFor({ state, timeout: 8_000 });
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}
