import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from './helpers.ts';

for (const d of await dialects()) {
  describe(`orders from a confirmed requirement [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = (await t.as(['sales'])).session;
      for (const entity of ['requirement', 'order']) await t.req(admin, 'POST', '/api/v1/admin/custom-fields', { entity, key: 'channel', label: '渠道', type: 'select', options: ['直销', '经销'] });
    });
    after(() => t?.close());

    async function confirmedRequirement(items: Record<string, unknown>[]) {
      const w = await orderWorld(t, admin, rep, { stock: 50 });
      const r = (await t.req(rep, 'POST', '/api/v1/requirements', { customerId: w.customerId, title: '年度备件', items: items.map((i) => ({ productId: w.productId, ...i })), customFields: { channel: '经销' } })).json();
      const url = (await t.req(rep, 'POST', `/api/v1/requirements/${r.id}/confirmation-link`, {})).json().url as string;
      const ok = await t.app.inject({ method: 'POST', url: `/api/portal/${url.split('/c/')[1]}/confirm`, payload: { version: 1 } });
      assert.equal(ok.statusCode, 200, ok.body);
      return { w, r };
    }

    test('the confirmed version becomes a draft order: lines, spec and custom fields carried over, requirement converted', async () => {
      const { w, r } = await confirmedRequirement([{ description: '电机', qty: 4, spec: { 电压: '220V' } }]);
      const res = await t.req(rep, 'POST', `/api/v1/requirements/${r.id}/convert`, { promisedDate: inDays(40) });
      assert.equal(res.statusCode, 201, res.body);
      const o = res.json();
      assert.equal(o.status, 'draft');
      assert.equal(o.requirementId, r.id);
      assert.deepEqual(o.lines.map((l: any) => [l.productId, l.qty, l.unitPrice, l.spec]), [[w.productId, 4, 100_000, { 电压: '220V' }]]);
      assert.deepEqual(o.customFields, { channel: '经销' });
      assert.equal(o.shipToAddress.city, '宁波市', "the customer's default address");
      assert.equal((await t.req(rep, 'GET', `/api/v1/requirements/${r.id}`)).json().status, 'converted');
      const twice = await t.req(rep, 'POST', `/api/v1/requirements/${r.id}/convert`, { promisedDate: inDays(40) });
      assert.equal(twice.statusCode, 409);
      assert.equal(twice.json().code, 'REQUIREMENT_NOT_CONFIRMED');
    });

    test('an unconfirmed requirement or a line without a product cannot become an order; nothing changes', async () => {
      const w = await orderWorld(t, admin, rep);
      const draft = (await t.req(rep, 'POST', '/api/v1/requirements', { customerId: w.customerId, title: '草稿', items: [{ productId: w.productId, description: 'x', qty: 1 }], customFields: { channel: '直销' } })).json();
      assert.equal((await t.req(rep, 'POST', `/api/v1/requirements/${draft.id}/convert`, { promisedDate: inDays(40) })).statusCode, 409);
      const { r } = await confirmedRequirement([{ description: '电机', qty: 1 }, { productId: null, description: '定制支架（待建料号）', qty: 2 }]);
      const res = await t.req(rep, 'POST', `/api/v1/requirements/${r.id}/convert`, { promisedDate: inDays(40) });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json().details.map((x: any) => [x.path, x.code]), [['items.1.productId', 'product_required']]);
      assert.equal((await t.req(rep, 'GET', `/api/v1/requirements/${r.id}`)).json().status, 'confirmed');
    });
  });
}
