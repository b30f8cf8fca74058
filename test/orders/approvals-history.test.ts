import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from './helpers.ts';

for (const d of await dialects()) {
  describe(`approvals inbox history: what the caller decided [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: Session;
    let m1: Session;
    let m2: Session;
    let m3: Session;
    let w: Awaited<ReturnType<typeof orderWorld>>;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = (await t.as(['sales'])).session;
      m1 = (await t.as(['sales_manager'])).session;
      m2 = (await t.as(['sales_manager'])).session;
      m3 = (await t.as(['sales_manager'])).session;
      w = await orderWorld(t, admin, rep, { stock: 100 });
      const rule = await t.req(admin, 'POST', '/api/v1/admin/approval-rules', { name: '≥ ¥10,000', condition: { field: 'amount', op: '>=', value: 1_000_000 }, levels: [{ approverRole: 'sales_manager' }] });
      assert.equal(rule.statusCode, 201, rule.body);
    });
    after(() => t?.close());

    const pendingOrder = async (qty: number) => {
      const r = await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty, unitPrice: 100_000 }], submit: true, acknowledge: [{ code: 'POSSIBLE_DUPLICATE_ORDER', reason: '分批' }] });
      assert.equal(r.json().order.status, 'pending_approval', r.body);
      return r.json().order.id as string;
    };
    const inbox = async (s: Session, state?: string) => {
      const r = await t.req(s, 'GET', `/api/v1/approvals${state ? `?state=${state}` : ''}`);
      assert.equal(r.statusCode, 200, r.body);
      return (r.json().items as { documentId: string; state: string; decidedBy: string | null }[]).map((a) => a.documentId);
    };

    test('approved/rejected list the steps the caller decided, not every step once addressed to their role; pending stays the inbox', async () => {
      const a = await pendingOrder(10);
      const b = await pendingOrder(11);
      const c = await pendingOrder(12);
      const stepOf = async (orderId: string) => ((await t.req(m1, 'GET', '/api/v1/approvals')).json().items as { id: string; documentId: string }[]).find((x) => x.documentId === orderId)!.id;
      assert.equal((await t.req(m1, 'POST', `/api/v1/approvals/${await stepOf(a)}/approve`, { comment: '同意' })).statusCode, 200);
      assert.equal((await t.req(m2, 'POST', `/api/v1/approvals/${await stepOf(b)}/reject`, { comment: '价格太低' })).statusCode, 200);

      assert.deepEqual(await inbox(m1, 'approved'), [a]);
      assert.deepEqual(await inbox(m1, 'rejected'), []);
      assert.deepEqual(await inbox(m2, 'rejected'), [b]);
      assert.deepEqual(await inbox(m2, 'approved'), []);
      assert.deepEqual(await inbox(m3, 'approved'), [], 'same role, decided nothing');
      assert.deepEqual(await inbox(m3, 'rejected'), []);
      assert.deepEqual(await inbox(rep, 'approved'), [], 'the submitter decided nothing');
      for (const m of [m1, m2, m3]) {
        assert.deepEqual(await inbox(m), [c], 'the default is the pending inbox');
        assert.deepEqual(await inbox(m, 'pending'), [c]);
      }
      assert.deepEqual(await inbox(rep, 'pending'), [], 'never their own documents');

      // Newest decision first.
      assert.equal((await t.req(m1, 'POST', `/api/v1/approvals/${await stepOf(c)}/approve`, {})).statusCode, 200);
      assert.deepEqual(await inbox(m1, 'approved'), [c, a]);
      assert.deepEqual(await inbox(m2, 'pending'), []);
    });

    test('an unknown state is a localized 400', async () => {
      const r = await t.req(m1, 'GET', '/api/v1/approvals?state=done', undefined, { 'accept-language': 'en-US' });
      assert.equal(r.statusCode, 400);
      assert.equal(r.json().details[0].path, 'state');
    });
  });
}
