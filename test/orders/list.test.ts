import assert from 'node:assert/strict';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type * as XL from 'exceljs';
import { orderStatuses } from '../../src/contracts/orders.ts';
import { orderStatusLabels } from '../../src/contracts/order-list.ts';
import ExcelJS from '../../src/server/platform/exceljs.ts';
import { newId } from '../../src/server/platform/ids.ts';
import { loadActor } from '../../src/server/modules/admin/index.ts';
import { createOrderList } from '../../src/server/modules/orders/order-list.ts';
import { zhCN } from '../../src/web/i18n/zh-CN.ts';
import { enUS } from '../../src/web/i18n/en-US.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from './helpers.ts';

type World = Awaited<ReturnType<typeof orderWorld>>;

async function sheetOf(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const ws = wb.worksheets[0];
  const rows: XL.CellValue[][] = [];
  ws.eachRow((r) => rows.push((r.values as XL.CellValue[]).slice(1)));
  const width = rows[0].length;
  return { ws, header: rows[0] as string[], rows: rows.slice(1).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)) };
}

for (const d of await dialects()) {
  describe(`order list: counts, export [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
    });
    after(() => t?.close());

    let qty = 1;
    const make = async (rep: Session, w: World, opts: { submit?: boolean; priority?: string; customerPo?: string } = {}) => {
      const r = await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), priority: opts.priority ?? 'normal', customerPo: opts.customerPo ?? null, submit: opts.submit ?? false, lines: [{ productId: w.productId, qty: qty++, unitPrice: 100_000, spec: { 电压: '380V' } }] });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().order;
    };
    const counts = async (s: Session, qs = '') => {
      const r = await t.req(s, 'GET', `/api/v1/orders/counts${qs ? `?${qs}` : ''}`);
      assert.equal(r.statusCode, 200, r.body);
      return r.json() as { byStatus: Record<string, number>; total: number };
    };
    const listed = async (s: Session, qs: string) => {
      const r = await t.req(s, 'GET', `/api/v1/orders?limit=200&${qs}`);
      assert.equal(r.statusCode, 200, r.body);
      return r.json().items as any[];
    };
    const exported = async (s: Session, qs = '', lang?: string) => {
      const r = await t.req(s, 'GET', `/api/v1/orders/export.xlsx${qs ? `?${qs}` : ''}`, undefined, lang ? { 'accept-language': lang } : {});
      assert.equal(r.statusCode, 200, r.body);
      assert.match(String(r.headers['content-type']), /spreadsheetml/);
      return { res: r, ...(await sheetOf(r.rawPayload)) };
    };

    test('status counts agree with the list per status, ignore the status tab, follow the other filters and the data scope', async () => {
      const a = await t.as(['sales']);
      const b = await t.as(['sales']);
      const wa = await orderWorld(t, admin, a.session, { stock: 100 });
      const wb = await orderWorld(t, admin, b.session, { stock: 100 });
      await make(a.session, wa, { priority: 'urgent' });
      await make(a.session, wa);
      await make(a.session, wa, { submit: true, priority: 'urgent' });
      const c = await make(a.session, wa, { submit: true });
      assert.equal((await t.req(a.session, 'POST', `/api/v1/orders/${c.id}/cancel`, { reason: '客户取消' })).statusCode, 200);
      await make(b.session, wb);
      await make(b.session, wb, { submit: true });

      const mine = await counts(a.session);
      assert.deepEqual(Object.keys(mine.byStatus).sort(), [...orderStatuses].sort(), 'every status is present');
      assert.deepEqual([mine.byStatus.draft, mine.byStatus.confirmed, mine.byStatus.cancelled, mine.total], [2, 1, 1, 4], 'a rep counts only own orders');
      for (const s of orderStatuses) assert.equal((await listed(a.session, `status=${s}`)).length, mine.byStatus[s], s);
      assert.equal((await listed(a.session, '')).length, mine.total);
      assert.deepEqual(await counts(a.session, 'status=draft'), mine, 'the status tab does not narrow the counts');

      const urgent = await counts(a.session, 'priority=urgent');
      assert.deepEqual([urgent.byStatus.draft, urgent.byStatus.confirmed, urgent.total], [1, 1, 2]);
      const theirs = await counts(b.session, `customerId=${wa.customerId}`);
      assert.equal(theirs.total, 0, "another rep's customer is out of scope");

      const all = await counts(admin);
      for (const s of orderStatuses) assert.equal((await listed(admin, `status=${s}`)).length, all.byStatus[s], `admin ${s}`);
      const both = await counts(admin, `ownerId=${b.user.id}`);
      assert.deepEqual([both.byStatus.draft, both.byStatus.confirmed, both.total], [1, 1, 2]);
    });

    test('a sales manager counts and exports the team’s orders, not another team’s', async () => {
      const team = await t.req(admin, 'POST', '/api/v1/admin/teams', { name: `华东一组-${d.name}` });
      assert.equal(team.statusCode, 201, team.body);
      const mgr = await t.as(['sales_manager'], { teamId: team.json().id });
      const inTeam = await t.as(['sales'], { teamId: team.json().id });
      const outside = await t.as(['sales']);
      const w1 = await orderWorld(t, admin, inTeam.session);
      const w2 = await orderWorld(t, admin, outside.session);
      await make(inTeam.session, w1, { customerPo: 'TEAM-1' });
      await make(inTeam.session, w1, { customerPo: 'TEAM-2' });
      await make(outside.session, w2, { customerPo: 'TEAM-X' });
      const c = await counts(mgr.session, 'q=TEAM-');
      assert.deepEqual([c.byStatus.draft, c.total], [2, 2]);
      const x = await exported(mgr.session, 'q=TEAM-');
      assert.deepEqual(x.rows.map((r) => r[8]), ['TEAM-2', 'TEAM-1']);
      assert.equal((await counts(admin, 'q=TEAM-')).total, 3);
    });

    test('created-date filters are days in China: an order made at 01:00 Beijing time (17:00 UTC the day before) belongs to its Beijing day', async () => {
      const rep = await t.as(['sales']);
      const w = await orderWorld(t, admin, rep.session);
      const o = await make(rep.session, w);
      await t.db.handle.db.updateTable('salesOrder').set({ createdAt: '2026-03-01T17:00:00.000Z' }).where('id', '=', o.id).execute();
      for (const [qs, n] of [['from=2026-03-02&to=2026-03-02', 1], ['from=2026-03-01&to=2026-03-01', 0], ['to=2026-03-01', 0], ['from=2026-03-02', 1], ['to=2026-03-02', 1]] as const) {
        assert.equal((await counts(rep.session, qs)).total, n, qs);
        assert.equal((await listed(rep.session, qs)).length, n, qs);
      }
      const x = await exported(rep.session, 'from=2026-03-02&to=2026-03-02');
      assert.equal(x.rows.length, 1);
      assert.equal(x.rows[0][7], '2026-03-02 01:00', 'created at in China time');
    });

    test('search treats % and _ literally', async () => {
      const rep = await t.as(['sales']);
      const w = await orderWorld(t, admin, rep.session);
      await make(rep.session, w, { customerPo: 'PO_100%' });
      await make(rep.session, w, { customerPo: 'PO-1000' });
      assert.equal((await counts(rep.session, `q=${encodeURIComponent('po_100%')}`)).total, 1);
      assert.equal((await counts(rep.session, `q=${encodeURIComponent('_')}`)).total, 1);
      assert.equal((await counts(rep.session, 'q=po')).total, 2);
    });

    test('bad filters are a 400 naming the field, in the caller’s language', async () => {
      for (const url of ['/api/v1/orders/counts?priority=huge', '/api/v1/orders/export.xlsx?from=2026-02-30x', '/api/v1/orders/counts?overdue=yes']) {
        const zh = await t.req(admin, 'GET', url);
        const en = await t.req(admin, 'GET', url, undefined, { 'accept-language': 'en-US' });
        assert.equal(zh.statusCode, 400, zh.body);
        assert.equal(en.statusCode, 400, en.body);
        assert.match(zh.json().details[0].message, /[\u4e00-\u9fff]/);
        assert.match(en.json().details[0].message, /^[\x20-\x7e]+$/);
      }
      assert.equal((await t.req(null, 'GET', '/api/v1/orders/export.xlsx')).statusCode, 401);
    });

    test('the export holds the filtered orders in scope, localized headers and statuses, yuan amounts, escaped formulas, no hidden fields', async () => {
      const rep = await t.as(['sales']);
      const w = await orderWorld(t, admin, rep.session, { stock: 100 });
      const draft = await make(rep.session, w, { customerPo: '=HYPERLINK("http://evil","x")' });
      const confirmed = await make(rep.session, w, { submit: true, priority: 'urgent' });
      await t.db.handle.db.updateTable('customer').set({ name: '=1+2' }).where('id', '=', w.customerId).execute();
      const other = await t.as(['sales']);
      await make(other.session, await orderWorld(t, admin, other.session));

      const zh = await exported(rep.session);
      assert.deepEqual(zh.header, ['订单号', '客户', '状态', '优先级', '承诺交期', '含税金额（元）', '负责人', '创建时间', '客户 PO 号'], 'no margin column for a role that may not see margins');
      assert.equal(zh.res.headers['x-total-count'], '2');
      assert.equal(zh.res.headers['x-export-truncated'], 'false');
      assert.match(String(zh.res.headers['content-disposition']), /attachment; filename="orders-\d{8}\.xlsx"/);
      assert.deepEqual(zh.rows.map((r) => r[0]), [confirmed.number, null], 'newest first; a draft has no number');
      const [c, dr] = zh.rows;
      assert.deepEqual(c.slice(1, 7), ["'=1+2", '已确认', '紧急', confirmed.promisedDate, confirmed.totals.gross / 100, confirmed.ownerName]);
      assert.equal(typeof c[5], 'number');
      assert.equal(zh.ws.getRow(2).getCell(6).numFmt, '#,##0.00');
      assert.match(String(c[7]), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      assert.equal(dr[2], '草稿');
      assert.equal(dr[8], `'=HYPERLINK("http://evil","x")`, 'formula-like text is escaped, never a formula');
      assert.ok(zh.rows.every((r) => r.every((v) => typeof v !== 'object' || v === null)), 'plain values only, no formula cells');
      assert.equal(draft.customerPo, '=HYPERLINK("http://evil","x")');

      const en = await exported(rep.session, 'status=confirmed', 'en-US');
      assert.deepEqual(en.header.slice(0, 3), ['Order number', 'Customer', 'Status']);
      assert.deepEqual(en.rows.map((r) => [r[0], r[2], r[3]]), [[confirmed.number, 'Confirmed', 'Urgent']]);

      // An admin sees margins, so the column is there, with the margin captured at submit.
      const withMargin = await exported(admin, `customerId=${w.customerId}`);
      assert.equal(withMargin.header.at(-1), '毛利率（%）');
      assert.deepEqual(withMargin.rows.map((r) => r[9] ?? null), [40, null]);
      assert.ok(!withMargin.header.some((h) => /成本|cost/i.test(h)));
    });

    test('a large export streams in batches, newest first, every row once', async () => {
      const rep = await t.as(['sales']);
      const w = await orderWorld(t, admin, rep.session);
      const tpl = await make(rep.session, w);
      const row = await t.db.handle.db.selectFrom('salesOrder').selectAll().where('id', '=', tpl.id).executeTakeFirstOrThrow();
      const n = 2_345;
      const base = Date.now();
      const ids: string[] = [];
      for (let i = 0; i < n; i += 500) {
        const chunk = Array.from({ length: Math.min(500, n - i) }, (_, k) => {
          const id = newId(base + i + k);
          ids.push(id);
          return { ...row, id, customerPo: `BULK-${i + k}` };
        });
        await t.db.handle.db.insertInto('salesOrder').values(chunk).execute();
      }
      const started = performance.now();
      const x = await exported(rep.session, 'q=BULK-');
      const ms = performance.now() - started;
      assert.equal(x.rows.length, n);
      const expected = [...ids].sort().reverse().map((id) => `BULK-${ids.indexOf(id)}`);
      assert.deepEqual(x.rows.map((r) => r[8]), expected);
      t.app.log.info(`exported ${n} orders in ${ms.toFixed(0)} ms`);
      assert.equal((await counts(rep.session, 'q=BULK-')).byStatus.draft, n);

      // A long export yields while it works: another request over the network is not held until it ends.
      // (SQLite answers synchronously, so only there could an export starve the server; on PostgreSQL a
      // second request's timing is dominated by its own round trips, which would make this check noisy.)
      if (d.name === 'sqlite') {
        const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
        const headers = { cookie: rep.session.cookie };
        const t0 = performance.now();
        const running = fetch(`${address}/api/v1/orders/export.xlsx?q=BULK-`, { headers }).then(async (r) => {
          await r.arrayBuffer();
          return performance.now() - t0;
        });
        await new Promise((r) => setTimeout(r, 30));
        const t1 = performance.now();
        assert.equal((await fetch(`${address}/api/auth/me`, { headers })).status, 200);
        const meMs = performance.now() - t1;
        const exportMs = await running;
        assert.ok(meMs < exportMs / 2, `a request during the export took ${meMs.toFixed(0)} ms of the export's ${exportMs.toFixed(0)} ms`);
      }

      // The cap: the newest `maxRows` orders, and the size check says the file was cut.
      const capped = createOrderList(t.db.handle.db, t.config, { maxRows: 1_500 });
      const actor = (await loadActor(t.db.handle.db, rep.user.id, 'session'))!;
      assert.deepEqual(await capped.exportSize(actor, { q: 'BULK-' }), { total: n, rows: 1_500, truncated: true });
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      const ended = once(out, 'end');
      await capped.exportXlsx(actor, { q: 'BULK-' }, 'zh-CN', out);
      await ended;
      const cut = await sheetOf(Buffer.concat(chunks));
      assert.deepEqual(cut.rows.map((r) => r[8]), expected.slice(0, 1_500));
    });

    test('status words in the export are the web app’s words', () => {
      for (const s of orderStatuses) {
        assert.equal(orderStatusLabels[s].zh, zhCN.orders.status[s], s);
        assert.equal(orderStatusLabels[s].en, enUS.orders.status[s], s);
      }
    });
  });
}
