import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from './helpers.ts';

for (const d of await dialects()) {
  describe(`order revisions after confirmation [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: Session;
    let manager: Session;
    let warehouse: { user: { id: string }; session: Session };
    let w: Awaited<ReturnType<typeof orderWorld>>;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = (await t.as(['sales'])).session;
      manager = (await t.as(['sales_manager'])).session;
      warehouse = await t.as(['warehouse']);
      w = await orderWorld(t, admin, rep, { stock: 100 });
      await t.req(admin, 'POST', '/api/v1/admin/approval-rules', { name: '≥ ¥50,000', condition: { field: 'amount', op: '>=', value: 5_000_000 }, levels: [{ approverRole: 'sales_manager' }] });
    });
    after(() => t?.close());

    const confirmed = async (qty = 10) => {
      const r = await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty, unitPrice: 100_000 }], submit: true, acknowledge: [{ code: 'POSSIBLE_DUPLICATE_ORDER', reason: '测试' }] });
      assert.equal(r.json().order.status, 'confirmed', r.body);
      return r.json().order;
    };
    const reserved = async () => (await t.req(admin, 'GET', `/api/v1/stock?productId=${w.productId}`)).json().items[0].reserved;

    test('preview shows the impact and changes nothing; applying re-reserves, keeps v1 readable and tells the warehouse', async () => {
      const o = await confirmed(10);
      const r0 = await reserved();
      const preview = await t.req(rep, 'POST', `/api/v1/orders/${o.id}/revisions`, { reason: '客户追加', lines: [{ productId: w.productId, qty: 14, unitPrice: 100_000 }], promisedDate: inDays(35), preview: true });
      assert.equal(preview.statusCode, 200, preview.body);
      const impact = preview.json().impact;
      assert.deepEqual([impact.amountBefore, impact.amountAfter, impact.amountDelta], [1_130_000, 1_582_000, 452_000]);
      assert.equal(impact.lines[0].stockDelta, 4);
      assert.equal(impact.promisedDate.after, inDays(35));
      assert.equal(impact.needsApproval, false);
      assert.equal(await reserved(), r0, 'preview changes nothing');
      const applied = await t.req(rep, 'POST', `/api/v1/orders/${o.id}/revisions`, { reason: '客户追加', lines: [{ productId: w.productId, qty: 14, unitPrice: 100_000 }], promisedDate: inDays(35) });
      assert.equal(applied.statusCode, 200, applied.body);
      assert.equal(applied.json().revision.state, 'applied');
      assert.equal(applied.json().order.lines[0].reservedQty, 14);
      assert.equal(applied.json().order.version, o.version + 1);
      assert.equal(await reserved(), r0 + 4);
      const revs = (await t.req(rep, 'GET', `/api/v1/orders/${o.id}/revisions`)).json().items;
      assert.equal(revs[0].revisionNo, 1);
      assert.equal(revs[0].before.lines[0].qty, 10, 'the previous version stays readable');
      const tl = (await t.req(rep, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items.map((e: any) => e.type);
      assert.ok(tl.includes('order.revised'));
      const note = await t.db.handle.db.selectFrom('outbox').select('payload').where('topic', '=', 'order.revised').where('channel', '=', 'inapp').execute();
      assert.ok(note.some((n) => JSON.parse(n.payload).userId === warehouse.user.id), 'the warehouse is told about the stock change');
    });

    test('a revision that raises the amount into a rule waits for approval; approval applies it', async () => {
      const o = await confirmed(10);
      const r = await t.req(rep, 'POST', `/api/v1/orders/${o.id}/revisions`, { reason: '大幅追加', lines: [{ productId: w.productId, qty: 50, unitPrice: 100_000 }] });
      assert.equal(r.json().revision.state, 'pending_approval');
      assert.deepEqual(r.json().impact.rules, ['≥ ¥50,000']);
      assert.equal(r.json().order.lines[0].qty, 10, 'not applied yet');
      assert.equal((await t.req(rep, 'POST', `/api/v1/orders/${o.id}/revisions`, { reason: 'x', note: 'y' })).statusCode, 409, 'one pending revision at a time');
      const step = (await t.req(manager, 'GET', '/api/v1/approvals')).json().items.find((a: any) => a.documentType === 'order_revision');
      assert.equal(step.summary.revisionNo, 1);
      assert.equal((await t.req(manager, 'POST', `/api/v1/approvals/${step.id}/approve`, {})).statusCode, 200);
      const now = (await t.req(rep, 'GET', `/api/v1/orders/${o.id}`)).json();
      assert.equal(now.lines[0].qty, 50);
      assert.equal(step.summary.orderId, o.id);
      const tl = (await t.req(rep, 'GET', `/api/v1/orders/${o.id}/timeline`)).json().items.map((e: any) => e.type);
      assert.ok(tl.includes('approval.approved'), 'the revision approval is on the order timeline');
      assert.equal(now.totals.gross, 5_650_000);
    });

    test('approving a revision whose order changed since the request is refused (409)', async () => {
      const o = await confirmed(10);
      const r = await t.req(rep, 'POST', `/api/v1/orders/${o.id}/revisions`, { reason: '追加', lines: [{ productId: w.productId, qty: 60, unitPrice: 100_000 }] });
      const step = (await t.req(manager, 'GET', '/api/v1/approvals')).json().items.find((a: any) => a.documentId === r.json().revision.id);
      await t.db.handle.db.updateTable('salesOrder').set({ version: o.version + 5 }).where('id', '=', o.id).execute();
      const res = await t.req(manager, 'POST', `/api/v1/approvals/${step.id}/approve`, {});
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().code, 'ORDER_CHANGED');
    });

    test('revising a cancelled or draft order is a 409; a reason is required', async () => {
      const o = await confirmed(1);
      assert.equal((await t.req(rep, 'POST', `/api/v1/orders/${o.id}/revisions`, { note: 'x' })).statusCode, 400);
      await t.req(rep, 'POST', `/api/v1/orders/${o.id}/cancel`, { reason: '客户取消' });
      const r = await t.req(rep, 'POST', `/api/v1/orders/${o.id}/revisions`, { reason: 'x', note: 'y' });
      assert.equal(r.statusCode, 409);
      assert.equal(r.json().code, 'INVALID_STATE');
    });
  });
}
