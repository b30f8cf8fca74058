import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkLedger, reserveForOrder } from '../../src/server/modules/inventory/index.ts';
import { inTransaction } from '../../src/server/platform/db/transaction.ts';
import { systemActor } from '../../src/server/platform/http/actor.ts';
import { newId } from '../../src/server/platform/ids.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { productFactory, warehouseFactory } from '../helpers/factories.ts';

for (const d of await dialects()) {
  describe(`inventory: adjustments above the approval threshold [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let keeper: Session;
    let approver: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      keeper = (await t.as(['warehouse'])).session;
      approver = (await t.as(['admin'])).session;
      // 10 units, or ¥500 of cost.
      const r = await t.req(admin, 'PUT', '/api/v1/admin/settings/inventory.adjustmentApproval', { value: { qty: 10, valueFen: 50_000 } });
      assert.equal(r.statusCode, 200, r.body);
    });
    after(() => t?.close());

    const db = () => t.db.handle.db;
    const move = (body: Record<string, unknown>, s = keeper) => t.req(s, 'POST', '/api/v1/stock/movements', body);
    const onHand = async (productId: string, warehouseId: string) => (await t.req(keeper, 'GET', `/api/v1/stock?productId=${productId}&warehouseId=${warehouseId}`)).json().items[0]?.onHand ?? 0;
    async function stocked(cost = 1_000) {
      const p = await productFactory.insert(db(), { cost });
      const w = await warehouseFactory.insert(db());
      assert.equal((await move({ type: 'receipt', productId: p.id, warehouseId: w.id, qty: 100 })).statusCode, 201);
      return { p, w };
    }

    test('at or below both limits an adjustment is booked at once; above either it waits and the ledger does not move', async () => {
      const { p, w } = await stocked();
      assert.equal((await move({ type: 'adjustment', productId: p.id, warehouseId: w.id, qty: -10, reason: '破损' })).statusCode, 201);
      const big = await move({ type: 'adjustment', productId: p.id, warehouseId: w.id, qty: -11, reason: '盘亏' });
      assert.equal(big.statusCode, 202, big.body);
      assert.deepEqual([big.json().pending.status, big.json().pending.qty, big.json().pending.reason], ['pending', -11, '盘亏']);
      // Value: 6 × ¥100 = ¥600 > ¥500.
      const pricey = await stocked(10_000);
      const v = await move({ type: 'adjustment', productId: pricey.p.id, warehouseId: pricey.w.id, qty: 6, reason: '盘盈' });
      assert.equal(v.statusCode, 202, v.body);
      assert.equal((await move({ type: 'adjustment', productId: pricey.p.id, warehouseId: pricey.w.id, qty: 5, reason: '盘盈' })).statusCode, 201);
      assert.equal(await onHand(p.id, w.id), 90);
      assert.equal(await onHand(pricey.p.id, pricey.w.id), 105);
      // Receipts and issues are never held.
      assert.equal((await move({ type: 'issue', productId: p.id, warehouseId: w.id, qty: 50 })).statusCode, 201);
    });

    test('the requester cannot approve; another approver books it once; rejected changes nothing; a keeper cannot decide', async () => {
      const { p, w } = await stocked();
      const req = (await move({ type: 'adjustment', productId: p.id, warehouseId: w.id, qty: -20, reason: '盘亏 20' }, admin)).json().pending;
      const self = await t.req(admin, 'POST', `/api/v1/stock/adjustment-requests/${req.id}/approve`, {});
      assert.equal(self.statusCode, 403);
      assert.equal(self.json().code, 'ADJUSTMENT_SELF_APPROVAL');
      assert.equal((await t.req(keeper, 'POST', `/api/v1/stock/adjustment-requests/${req.id}/approve`, {})).statusCode, 403);
      assert.equal(await onHand(p.id, w.id), 100);
      const [a1, a2] = await Promise.all([t.req(approver, 'POST', `/api/v1/stock/adjustment-requests/${req.id}/approve`, { note: '已核实' }), t.req(approver, 'POST', `/api/v1/stock/adjustment-requests/${req.id}/approve`, {})]);
      assert.deepEqual([a1.statusCode, a2.statusCode].sort(), [200, 409], `${a1.body} ${a2.body}`);
      const ok = a1.statusCode === 200 ? a1.json() : a2.json();
      assert.equal(ok.status, 'approved');
      assert.ok(ok.movementId);
      assert.equal(await onHand(p.id, w.id), 80);
      const m = await db().selectFrom('stockMovement').select(['type', 'qty', 'reason']).where('id', '=', ok.movementId).executeTakeFirstOrThrow();
      assert.deepEqual([m.type, Number(m.qty), m.reason], ['adjustment', -20000, '盘亏 20']);

      const other = (await move({ type: 'adjustment', productId: p.id, warehouseId: w.id, qty: 30, reason: '盘盈 30' })).json().pending;
      const noNote = await t.req(approver, 'POST', `/api/v1/stock/adjustment-requests/${other.id}/reject`, {});
      assert.equal(noNote.statusCode, 400);
      const rej = await t.req(approver, 'POST', `/api/v1/stock/adjustment-requests/${other.id}/reject`, { note: '数量不对，重新盘点' });
      assert.equal(rej.statusCode, 200, rej.body);
      assert.deepEqual([rej.json().status, rej.json().movementId, rej.json().decisionNote], ['rejected', null, '数量不对，重新盘点']);
      assert.equal(await onHand(p.id, w.id), 80);
      assert.equal((await t.req(approver, 'POST', `/api/v1/stock/adjustment-requests/${other.id}/approve`, {})).statusCode, 409);
      const pending = (await t.req(keeper, 'GET', '/api/v1/stock/adjustment-requests?status=pending')).json().items.map((x: any) => x.id);
      assert.ok(!pending.includes(other.id) && !pending.includes(req.id));
      assert.equal((await t.req(approver, 'POST', `/api/v1/stock/adjustment-requests/${newId()}/approve`, {})).statusCode, 404);
      assert.deepEqual((await checkLedger(db())).violations, []);
    });

    test('approving a take-out that would now go below reserved is 422 and the request stays pending', async () => {
      const { p, w } = await stocked();
      const req = (await move({ type: 'adjustment', productId: p.id, warehouseId: w.id, qty: -50, reason: '报废' })).json().pending;
      await inTransaction(db(), (tx) => reserveForOrder(tx, { orderId: newId(), actor: systemActor, lines: [{ orderLineId: newId(), productId: p.id, warehouseId: w.id, qty: 60_000 }] }));
      const r = await t.req(approver, 'POST', `/api/v1/stock/adjustment-requests/${req.id}/approve`, {});
      assert.equal(r.statusCode, 422, r.body);
      assert.equal(r.json().code, 'INSUFFICIENT_STOCK');
      const listed = (await t.req(keeper, 'GET', '/api/v1/stock/adjustment-requests?status=pending')).json().items.find((x: any) => x.id === req.id);
      assert.equal(listed.status, 'pending');
      assert.equal(await onHand(p.id, w.id), 100);
    });
  });
}
