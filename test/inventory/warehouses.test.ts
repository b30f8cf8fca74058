import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';

for (const d of await dialects()) {
  describe(`PATCH /warehouses/:id [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    let clerk: Session;
    let rep: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      clerk = (await t.as(['warehouse'])).session;
      rep = (await t.as(['sales'])).session;
    });
    after(() => t?.close());

    let seq = 0;
    const warehouse = async (over: Record<string, unknown> = {}) => {
      seq += 1;
      const r = await t.req(admin, 'POST', '/api/v1/warehouses', { code: `W${seq}`, name: `仓库${seq}`, ...over });
      assert.equal(r.statusCode, 201, r.body);
      return r.json();
    };
    const product = async () => {
      const r = await t.req(admin, 'POST', '/api/v1/products', { sku: `WP-${++seq}`, name: '轴承', unit: '个', listPrice: 1000, floorPrice: 500, cost: 300 });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().id as string;
    };

    test('name and address change, the code never does; the change is on the audit trail', async () => {
      const w = await warehouse({ address: '宁波市北仑区' });
      assert.equal(w.address, '宁波市北仑区');
      const r = await t.req(clerk, 'PATCH', `/api/v1/warehouses/${w.id}`, { name: '原料仓', address: '宁波市鄞州区 1 号' });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual([r.json().code, r.json().name, r.json().address], [w.code, '原料仓', '宁波市鄞州区 1 号']);
      const listed = (await t.req(clerk, 'GET', '/api/v1/warehouses')).json().items.find((x: any) => x.id === w.id);
      assert.equal(listed.name, '原料仓');
      const code = await t.req(clerk, 'PATCH', `/api/v1/warehouses/${w.id}`, { code: 'NEW' }, { 'accept-language': 'en-US' });
      assert.equal(code.statusCode, 400);
      assert.equal(code.json().details[0].path, 'code');
      const ev = await t.db.handle.db.selectFrom('event').select('data').where('entityId', '=', w.id).where('type', '=', 'warehouse.updated').execute();
      assert.equal(ev.length, 1);
      assert.deepEqual(JSON.parse(ev[0].data).before, { name: w.name, address: '宁波市北仑区' });
      const cleared = await t.req(clerk, 'PATCH', `/api/v1/warehouses/${w.id}`, { address: null });
      assert.equal(cleared.json().address, null);
    });

    test('bad input is a localized field error and changes nothing; unknown id 404; no inventory:write 403', async () => {
      const w = await warehouse();
      const empty = await t.req(clerk, 'PATCH', `/api/v1/warehouses/${w.id}`, { name: '  ' }, { 'accept-language': 'zh-CN' });
      assert.equal(empty.statusCode, 400);
      assert.equal(empty.json().details[0].path, 'name');
      assert.equal((await t.req(clerk, 'PATCH', `/api/v1/warehouses/${w.id}`, { address: 'x'.repeat(301) })).statusCode, 400);
      assert.equal((await t.req(clerk, 'PATCH', `/api/v1/warehouses/${w.id}`, { active: 'no' })).statusCode, 400);
      assert.equal((await t.req(clerk, 'GET', '/api/v1/warehouses')).json().items.find((x: any) => x.id === w.id).name, w.name);
      assert.equal((await t.req(clerk, 'PATCH', '/api/v1/warehouses/nope', { name: 'x' })).statusCode, 404);
      assert.equal((await t.req(rep, 'PATCH', `/api/v1/warehouses/${w.id}`, { name: 'x' })).statusCode, 403);
    });

    test('a warehouse holding stock cannot be deactivated; an empty one can, stops being the default and takes no movements', async () => {
      const full = await warehouse();
      const productId = await product();
      assert.equal((await t.req(clerk, 'POST', '/api/v1/stock/movements', { type: 'receipt', productId, warehouseId: full.id, qty: 5, reason: '入库' })).statusCode, 201);
      const refused = await t.req(clerk, 'PATCH', `/api/v1/warehouses/${full.id}`, { active: false }, { 'accept-language': 'en-US' });
      assert.equal(refused.statusCode, 400);
      assert.deepEqual(refused.json().details.map((x: any) => [x.path, x.code]), [['active', 'warehouse_not_empty']]);
      assert.match(refused.json().details[0].message, /still holds stock/);
      assert.equal((await t.req(clerk, 'GET', '/api/v1/warehouses')).json().items.find((x: any) => x.id === full.id).active, true);

      const empty = await warehouse({ isDefault: true });
      const off = await t.req(clerk, 'PATCH', `/api/v1/warehouses/${empty.id}`, { active: false });
      assert.equal(off.statusCode, 200, off.body);
      assert.deepEqual([off.json().active, off.json().isDefault], [false, false]);
      const m = await t.req(clerk, 'POST', '/api/v1/stock/movements', { type: 'receipt', productId, warehouseId: empty.id, qty: 1, reason: '入库' });
      assert.equal(m.statusCode, 400);
      assert.equal(m.json().details[0].code, 'inactive');
      assert.equal((await t.req(clerk, 'PATCH', `/api/v1/warehouses/${empty.id}`, { active: true })).json().active, true);
    });
  });
}
