import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from './helpers.ts';

for (const d of await dialects()) {
  describe(`choosing products per item when converting a requirement [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let rep: Session;
    let otherRep: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      rep = (await t.as(['sales'])).session;
      otherRep = (await t.as(['sales'])).session;
    });
    after(() => t?.close());

    const product = async (over: Record<string, unknown> = {}) => {
      const sku = `BR-${Math.random().toString(36).slice(2, 8)}`;
      const r = await t.req(admin, 'POST', '/api/v1/products', { sku, name: `支架 ${sku}`, unit: '件', listPrice: 20_000, floorPrice: 10_000, cost: 8_000, specOptions: { 材质: ['钢', '铝'] }, ...over });
      assert.equal(r.statusCode, 201, r.body);
      return r.json() as { id: string; sku: string };
    };

    /** A confirmed requirement: item 0 names the world's product, item 1 is free text only. */
    async function confirmedRequirement() {
      const w = await orderWorld(t, admin, rep, { stock: 50 });
      const r = (
        await t.req(rep, 'POST', '/api/v1/requirements', {
          customerId: w.customerId,
          title: '产线改造',
          items: [
            { productId: w.productId, description: '伺服电机', qty: 2, spec: { 电压: '380V' } },
            { description: '定制支架（铝）', qty: 6, spec: { 材质: '铝' }, note: '客户自提图纸' },
          ],
        })
      ).json();
      const url = (await t.req(rep, 'POST', `/api/v1/requirements/${r.id}/confirmation-link`, {})).json().url as string;
      const ok = await t.app.inject({ method: 'POST', url: `/api/portal/${url.split('/c/')[1]}/confirm`, payload: { version: 1 } });
      assert.equal(ok.statusCode, 200, ok.body);
      return { w, r };
    }
    const status = async (id: string) => (await t.req(rep, 'GET', `/api/v1/requirements/${id}`)).json().status;
    const orderCount = async () => Number((await t.db.handle.db.selectFrom('salesOrder').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    test('a product picked for the free-text item (and one replacing the suggestion) becomes the line, with qty, spec and note carried', async () => {
      const { w, r } = await confirmedRequirement();
      const bracket = await product();
      const motor2 = await product({ name: '替代电机', listPrice: 150_000, floorPrice: 100_000, specOptions: { 电压: ['380V'] } });
      const res = await t.req(rep, 'POST', `/api/v1/requirements/${r.id}/convert`, { promisedDate: inDays(40), items: [{ itemIndex: 1, productId: bracket.id }, { itemIndex: 0, productId: motor2.id }] });
      assert.equal(res.statusCode, 201, res.body);
      const o = res.json();
      assert.deepEqual(
        o.lines.map((l: any) => [l.productId, l.qty, l.spec, l.unitPrice, l.note]),
        [
          [motor2.id, 2, { 电压: '380V' }, 150_000, null],
          [bracket.id, 6, { 材质: '铝' }, 20_000, '客户自提图纸'],
        ],
      );
      assert.notEqual(o.lines[0].productId, w.productId, 'the suggestion was replaced');
      assert.equal(o.requirementId, r.id);
      assert.equal(await status(r.id), 'converted');
    });

    test('unknown, inactive, out-of-range and duplicate choices are field errors naming the item; nothing is converted', async () => {
      const { r } = await confirmedRequirement();
      const old = await product();
      const cur = (await t.req(admin, 'GET', `/api/v1/products/${old.id}`)).json();
      assert.equal((await t.req(admin, 'PATCH', `/api/v1/products/${old.id}`, { active: false, version: cur.version })).statusCode, 200);
      const n = await orderCount();

      const unknown = await t.req(rep, 'POST', `/api/v1/requirements/${r.id}/convert`, { promisedDate: inDays(40), items: [{ itemIndex: 1, productId: 'no-such-product' }] }, { 'accept-language': 'en-US' });
      assert.equal(unknown.statusCode, 400);
      assert.deepEqual(unknown.json().details.map((x: any) => [x.path, x.code, x.description]), [['items.1.productId', 'not_found', '定制支架（铝）']]);
      assert.match(unknown.json().details[0].message, /does not exist/);

      const inactive = await t.req(rep, 'POST', `/api/v1/requirements/${r.id}/convert`, { promisedDate: inDays(40), items: [{ itemIndex: 1, productId: old.id }] }, { 'accept-language': 'zh-CN' });
      assert.equal(inactive.statusCode, 400);
      assert.deepEqual(inactive.json().details.map((x: any) => [x.path, x.code, x.sku]), [['items.1.productId', 'inactive', old.sku]]);
      assert.match(inactive.json().details[0].message, /已停用/);

      const bracket = await product();
      const range = await t.req(rep, 'POST', `/api/v1/requirements/${r.id}/convert`, { promisedDate: inDays(40), items: [{ itemIndex: 5, productId: bracket.id }] });
      assert.deepEqual(range.json().details.map((x: any) => [x.path, x.code]), [['items.0.itemIndex', 'not_found'], ['items.1.productId', 'product_required']]);

      const twice = await t.req(rep, 'POST', `/api/v1/requirements/${r.id}/convert`, { promisedDate: inDays(40), items: [{ itemIndex: 1, productId: bracket.id }, { itemIndex: 1, productId: bracket.id }] });
      assert.deepEqual(twice.json().details.map((x: any) => [x.path, x.code]), [['items.1.itemIndex', 'duplicate_item']]);

      const malformed = await t.req(rep, 'POST', `/api/v1/requirements/${r.id}/convert`, { promisedDate: inDays(40), items: [{ itemIndex: -1, productId: bracket.id }] });
      assert.equal(malformed.statusCode, 400);
      assert.equal(malformed.json().details[0].path, 'items.0.itemIndex');

      assert.equal(await status(r.id), 'confirmed', 'the requirement is still waiting');
      assert.equal(await orderCount(), n, 'no order created');
    });

    test("a requirement outside the caller's scope is 404 even with valid choices", async () => {
      const { r } = await confirmedRequirement();
      const bracket = await product();
      const res = await t.req(otherRep, 'POST', `/api/v1/requirements/${r.id}/convert`, { promisedDate: inDays(40), items: [{ itemIndex: 1, productId: bracket.id }] });
      assert.equal(res.statusCode, 404);
      assert.equal(await status(r.id), 'confirmed');
    });
  });
}
