import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createNotificationHandlers } from '../../src/server/modules/notifications/index.ts';
import { OutboxWorker } from '../../src/server/platform/outbox/worker.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { productFactory, warehouseFactory } from '../helpers/factories.ts';

type Note = { userId: string; kind: string; title: string; body: string; link: string | null };

for (const d of await dialects()) {
  describe(`inventory: adjustment requests reach their approvers [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let keeper: Session;
    let approver: Session;
    let stocktaker: Session;
    let englishApprover: Session;
    let disabled: string;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      keeper = (await t.as(['warehouse'])).session;
      approver = (await t.as(['admin'])).session;
      // A custom role that may approve adjustments and nothing about orders.
      const role = await t.req(admin, 'POST', '/api/v1/admin/roles', { key: 'stock_auditor', name: '库存稽核', nameEn: 'Stock auditor', permissions: ['inventory:read', 'inventory:approve'], dataScope: 'all' });
      assert.equal(role.statusCode, 201, role.body);
      stocktaker = (await t.as(['stock_auditor'])).session;
      englishApprover = (await t.as(['stock_auditor'])).session;
      await t.db.handle.db.updateTable('appUser').set({ locale: 'en-US' }).where('id', '=', englishApprover.userId).execute();
      disabled = (await t.user(['stock_auditor'])).id;
      const off = await t.req(admin, 'PATCH', `/api/v1/admin/users/${disabled}`, { active: false });
      assert.equal(off.statusCode, 200, off.body);
      const r = await t.req(admin, 'PUT', '/api/v1/admin/settings/inventory.adjustmentApproval', { value: { qty: 10, valueFen: null } });
      assert.equal(r.statusCode, 200, r.body);
    });
    after(() => t?.close());

    const db = () => t.db.handle.db;
    const move = (body: Record<string, unknown>, s = keeper) => t.req(s, 'POST', '/api/v1/stock/movements', body);
    async function stocked() {
      const p = await productFactory.insert(db());
      const w = await warehouseFactory.insert(db());
      assert.equal((await move({ type: 'receipt', productId: p.id, warehouseId: w.id, qty: 100 })).statusCode, 201);
      return { p, w };
    }
    async function ask(qty: number, s = keeper, reason = '盘亏') {
      const { p, w } = await stocked();
      const r = await move({ type: 'adjustment', productId: p.id, warehouseId: w.id, qty, reason }, s);
      assert.equal(r.statusCode, 202, r.body);
      return { ...(r.json().pending as { id: string; sku: string }), productId: p.id };
    }
    /** In-app notifications written to the outbox for a topic, about one request (by its link or SKU). */
    async function notes(topic: string, about: string): Promise<Note[]> {
      const rows = await db().selectFrom('outbox').select('payload').where('channel', '=', 'inapp').where('topic', '=', topic).execute();
      return rows.map((r) => JSON.parse(r.payload) as Note).filter((n) => n.link?.includes(about) || n.title.includes(about));
    }
    const count = async (s: Session) => {
      const r = await t.req(s, 'GET', '/api/v1/stock/adjustment-requests/count');
      assert.equal(r.statusCode, 200, r.body);
      return r.json().toDecide as number;
    };
    const toDecide = async (s: Session) => (await t.req(s, 'GET', '/api/v1/stock/adjustment-requests?mine=to_decide')).json().items.map((x: { id: string }) => x.id) as string[];

    test('a pending request tells every active user who may approve it, in their language, and nobody else', async () => {
      const req = await ask(-25, keeper, '破损报废');
      const told = await notes('stock.adjustment_requested', req.id);
      const to = told.map((n) => n.userId);
      for (const s of [admin, approver, stocktaker, englishApprover]) assert.ok(to.includes(s.userId), `approver ${s.userId} not told`);
      assert.ok(!to.includes(keeper.userId), 'the requester is not told');
      assert.ok(!to.includes(disabled), 'a disabled approver is not told');
      assert.equal(new Set(to).size, to.length, 'one notification per approver');
      const zh = told.find((n) => n.userId === stocktaker.userId)!;
      assert.match(zh.title, new RegExp(`待审批库存调整：${req.sku} -25`));
      assert.match(zh.body, /破损报废/);
      assert.equal(zh.link, `/approvals?focus=${req.id}`);
      assert.match(told.find((n) => n.userId === englishApprover.userId)!.title, new RegExp(`Stock adjustment to approve: ${req.sku} -25`));
      // Approvers are emailed too, like order approvals.
      const mails = await db().selectFrom('outbox').select('payload').where('channel', '=', 'email').where('topic', '=', 'stock.adjustment_requested').execute();
      assert.ok(mails.some((m) => JSON.parse(m.payload).userId === stocktaker.userId && JSON.parse(m.payload).subject.includes(req.sku)));
      // Delivered by the outbox worker: it shows in the approver's notification list.
      const worker = new OutboxWorker(t.db.handle, { handlers: createNotificationHandlers(t.ctx), backoffMs: 20, pollMs: 60_000 });
      while ((await worker.runOnce()) > 0);
      const list = (await t.req(stocktaker, 'GET', '/api/v1/notifications')).json().items as { kind: string; link: string }[];
      assert.ok(list.some((n) => n.kind === 'stock.adjustment_requested' && n.link === `/approvals?focus=${req.id}`), 'the in-app notification reaches the approver');
    });

    test('within the threshold nothing waits and nobody is told', async () => {
      const { p, w } = await stocked();
      const r = await move({ type: 'adjustment', productId: p.id, warehouseId: w.id, qty: -5, reason: '小额' });
      assert.equal(r.statusCode, 201, r.body);
      const sku = (await db().selectFrom('product').select('sku').where('id', '=', p.id).executeTakeFirstOrThrow()).sku;
      assert.deepEqual(await notes('stock.adjustment_requested', sku), []);
    });

    test('the badge count and the inbox hold what the caller may decide — not their own, nothing for a keeper', async () => {
      const before = { approver: await count(approver), stocktaker: await count(stocktaker) };
      const mine = await ask(40, approver, '盘盈');
      assert.ok(!(await notes('stock.adjustment_requested', mine.id)).some((n) => n.userId === approver.userId));
      assert.equal(await count(approver), before.approver, 'own request is not counted');
      assert.equal(await count(stocktaker), before.stocktaker + 1);
      assert.equal(await count(keeper), 0);
      assert.ok(!(await toDecide(approver)).includes(mine.id));
      assert.ok((await toDecide(stocktaker)).includes(mine.id));
      assert.deepEqual(await toDecide(keeper), []);
      const self = await t.req(approver, 'POST', `/api/v1/stock/adjustment-requests/${mine.id}/approve`, {});
      assert.equal(self.statusCode, 403);
      assert.equal(self.json().code, 'ADJUSTMENT_SELF_APPROVAL');
      assert.deepEqual(await notes('stock.adjustment_approved', mine.id), []);
      assert.equal(await count(stocktaker), before.stocktaker + 1, 'a refused self-approval leaves it pending');
    });

    test('the requester hears the decision with the note; decided requests leave the count and move to the decider’s history', async () => {
      const yes = await ask(-30, keeper);
      const no = await ask(-35, keeper);
      const n0 = await count(stocktaker);
      const a = await t.req(stocktaker, 'POST', `/api/v1/stock/adjustment-requests/${yes.id}/approve`, { note: '已核实' });
      assert.equal(a.statusCode, 200, a.body);
      const r = await t.req(englishApprover, 'POST', `/api/v1/stock/adjustment-requests/${no.id}/reject`, { note: '请重新盘点' });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(await count(stocktaker), n0 - 2);
      assert.ok(!(await toDecide(stocktaker)).includes(yes.id));

      const ok = (await notes('stock.adjustment_approved', yes.sku)).filter((n) => n.userId === keeper.userId);
      assert.equal(ok.length, 1);
      assert.match(ok[0].title, new RegExp(`库存调整已批准：${yes.sku} -30`));
      assert.match(ok[0].body, /已核实/);
      const rejected = (await notes('stock.adjustment_rejected', no.sku)).filter((n) => n.userId === keeper.userId);
      assert.equal(rejected.length, 1);
      assert.match(rejected[0].title, /被驳回/);
      assert.match(rejected[0].body, /请重新盘点/);
      // Nobody else hears about the decision.
      assert.equal((await notes('stock.adjustment_approved', yes.sku)).length, 1);

      const decided = (await t.req(stocktaker, 'GET', '/api/v1/stock/adjustment-requests?mine=decided')).json().items.map((x: { id: string }) => x.id);
      assert.ok(decided.includes(yes.id) && !decided.includes(no.id));
      // Two approvers at once: one decides, one 409, the requester is told once.
      const both = await ask(-45, keeper);
      const [x, y] = await Promise.all([t.req(stocktaker, 'POST', `/api/v1/stock/adjustment-requests/${both.id}/approve`, {}), t.req(approver, 'POST', `/api/v1/stock/adjustment-requests/${both.id}/reject`, { note: '不同意' })]);
      assert.deepEqual([x.statusCode, y.statusCode].sort(), [200, 409], `${x.body} ${y.body}`);
      const told = [...(await notes('stock.adjustment_approved', both.sku)), ...(await notes('stock.adjustment_rejected', both.sku))];
      assert.equal(told.length, 1);
    });
  });
}
