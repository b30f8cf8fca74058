/**
 * Model-based test: random sequences of create/submit, approve, reject, edit + resubmit,
 * revise and cancel against the real API, compared step by step with a small model, and
 * the safety property checked after every step: no order is confirmed (or later) while
 * its approval chain is unfinished, and none that needed approval is confirmed without it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from './helpers.ts';

const THRESHOLD = 2_000_000; // ≥ ¥20,000 gross needs sales manager, then finance

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Model = { id: string; status: string };

for (const d of await dialects()) {
  describe(`orders model-based [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: Session;
    let manager: Session;
    let finance: Session;
    let w: Awaited<ReturnType<typeof orderWorld>>;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = (await t.as(['sales'])).session;
      manager = (await t.as(['sales_manager'])).session;
      finance = (await t.as(['finance'])).session;
      w = await orderWorld(t, admin, rep, { stock: 100_000 });
      await t.req(admin, 'POST', '/api/v1/admin/approval-rules', { name: '大额', condition: { field: 'amount', op: '>=', value: THRESHOLD }, levels: [{ approverRole: 'sales_manager' }, { approverRole: 'finance' }] });
      const checks = (await t.req(admin, 'GET', '/api/v1/admin/settings')).json()['order.checks'];
      await t.req(admin, 'PUT', '/api/v1/admin/settings/order.checks', { value: { ...checks, POSSIBLE_DUPLICATE_ORDER: 'off' } });
    });
    after(() => t?.close());

    async function assertSafe(models: Model[]) {
      const db = t.db.handle.db;
      for (const m of models) {
        const o = await db.selectFrom('salesOrder').select(['status', 'gross', 'submittedAt']).where('id', '=', m.id).executeTakeFirstOrThrow();
        assert.equal(o.status, m.status, `order ${m.id}: server ${o.status}, model ${m.status}`);
        if (!['confirmed', 'in_fulfilment', 'partially_shipped', 'shipped', 'delivered', 'completed'].includes(o.status)) continue;
        const steps = await db.selectFrom('approval').select(['state', 'createdAt']).where('documentType', '=', 'order').where('documentId', '=', m.id).where('createdAt', '>=', o.submittedAt!).execute();
        assert.ok(!steps.some((s) => s.state === 'pending' || s.state === 'waiting'), `confirmed with an open approval: ${m.id}`);
        const approved = steps.filter((s) => s.state === 'approved').length;
        const facts = (await db.selectFrom('salesOrder').select('facts').where('id', '=', m.id).executeTakeFirstOrThrow()).facts;
        if (JSON.parse(facts!).amount >= THRESHOLD) assert.equal(approved, 2, `confirmed without both approvals: ${m.id}`);
      }
    }

    for (const seed of [1, 7, 42]) {
      test(`seed ${seed}: 40 random steps keep the model and the safety property`, async () => {
        const rnd = prng(seed);
        const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
        const models: Model[] = [];
        const line = () => [{ productId: w.productId, qty: rnd() < 0.5 ? 1 : 30, unitPrice: 100_000 }];
        const needsApproval = (lines: { qty: number }[]) => lines[0].qty * 100_000 * 1.13 >= THRESHOLD;
        for (let step = 0; step < 40; step++) {
          const action = pick(['create', 'create', 'approve', 'approve', 'reject', 'resubmit', 'revise', 'cancel']);
          if (action === 'create') {
            const lines = line();
            const r = await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines, submit: true });
            assert.equal(r.statusCode, 201, r.body);
            models.push({ id: r.json().order.id, status: needsApproval(lines) ? 'pending_approval' : 'confirmed' });
          } else if (action === 'approve' || action === 'reject') {
            const who = pick([manager, finance]);
            const inbox = (await t.req(who, 'GET', '/api/v1/approvals')).json().items.filter((a: any) => a.documentType === 'order' && models.some((m) => m.id === a.documentId));
            if (inbox.length === 0) continue;
            const a = pick(inbox) as { id: string; documentId: string; level: number };
            const m = models.find((x) => x.id === a.documentId)!;
            if (action === 'approve') {
              assert.equal((await t.req(who, 'POST', `/api/v1/approvals/${a.id}/approve`, {})).statusCode, 200);
              if (a.level === 2) m.status = 'confirmed';
            } else {
              assert.equal((await t.req(who, 'POST', `/api/v1/approvals/${a.id}/reject`, { comment: '随机驳回' })).statusCode, 200);
              m.status = 'rejected';
            }
          } else if (action === 'resubmit') {
            const m = models.find((x) => x.status === 'rejected');
            if (!m) continue;
            const lines = line();
            assert.equal((await t.req(rep, 'PATCH', `/api/v1/orders/${m.id}`, { lines })).statusCode, 200);
            const r = await t.req(rep, 'POST', `/api/v1/orders/${m.id}/submit`, {});
            assert.equal(r.statusCode, 200, r.body);
            m.status = needsApproval(lines) ? 'pending_approval' : 'confirmed';
          } else if (action === 'revise') {
            const m = models.find((x) => x.status === 'confirmed');
            if (!m) continue;
            // A small change needs no approval; the order stays confirmed.
            const r = await t.req(rep, 'POST', `/api/v1/orders/${m.id}/revisions`, { reason: '随机修订', promisedDate: inDays(31 + step) });
            assert.equal(r.statusCode, 200, r.body);
          } else if (action === 'cancel') {
            const open = models.filter((x) => ['pending_approval', 'confirmed', 'rejected'].includes(x.status));
            if (open.length === 0) continue;
            const m = pick(open);
            assert.equal((await t.req(rep, 'POST', `/api/v1/orders/${m.id}/cancel`, { reason: '随机取消' })).statusCode, 200);
            m.status = 'cancelled';
          }
          await assertSafe(models);
        }
      });
    }
  });
}
