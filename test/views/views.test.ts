import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';

const URL = '/api/v1/saved-views';

for (const d of await dialects()) {
  describe(`saved views [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
    });
    after(() => t?.close());

    const list = async (s: Session) => {
      const r = await t.req(s, 'GET', `${URL}?entity=orders`);
      assert.equal(r.statusCode, 200, r.body);
      return r.json().items as any[];
    };
    const create = async (s: Session, body: Record<string, unknown>) => t.req(s, 'POST', URL, { entity: 'orders', query: {}, ...body });

    test('create, list, rename, re-filter and delete my view; empty filter values are dropped', async () => {
      const { session: rep } = await t.as(['sales']);
      const r = await create(rep, { name: '  我的紧急草稿 ', query: { status: 'draft', priority: 'urgent', q: 'SO-2026', customerId: '' } });
      assert.equal(r.statusCode, 201, r.body);
      const v = r.json();
      assert.equal(v.name, '我的紧急草稿');
      assert.deepEqual(v.query, { status: 'draft', priority: 'urgent', q: 'SO-2026' });
      assert.deepEqual([v.shared, v.isDefault, v.editable, v.ownerId], [false, false, true, rep.userId]);
      assert.deepEqual((await list(rep)).map((x) => x.id), [v.id]);

      const p = await t.req(rep, 'PATCH', `${URL}/${v.id}`, { name: '紧急', query: { overdue: 'true' } });
      assert.equal(p.statusCode, 200, p.body);
      assert.deepEqual([p.json().name, p.json().query], ['紧急', { overdue: 'true' }]);
      assert.ok(p.json().updatedAt >= v.updatedAt);

      const del = await t.req(rep, 'DELETE', `${URL}/${v.id}`);
      assert.equal(del.statusCode, 200, del.body);
      assert.deepEqual(await list(rep), []);
      assert.equal((await t.req(rep, 'DELETE', `${URL}/${v.id}`)).statusCode, 404);
    });

    test('a duplicate name is a 409 naming the field; the same name is fine for another user', async () => {
      const { session: a } = await t.as(['sales']);
      const { session: b } = await t.as(['sales']);
      assert.equal((await create(a, { name: '本月' })).statusCode, 201);
      const dup = await create(a, { name: '本月' });
      assert.equal(dup.statusCode, 409, dup.body);
      assert.equal(dup.json().code, 'NAME_TAKEN');
      assert.deepEqual(dup.json().details.map((x: any) => x.path), ['name']);
      assert.equal((await create(b, { name: '本月' })).statusCode, 201);
      const other = (await create(a, { name: '上月' })).json();
      const rename = await t.req(a, 'PATCH', `${URL}/${other.id}`, { name: '本月' });
      assert.equal(rename.statusCode, 409, rename.body);
      assert.deepEqual((await list(a)).map((x) => x.name).sort(), ['上月', '本月']);

      // A double-clicked save: one view, one clean 409, never a 500.
      const twice = await Promise.all([1, 2, 3].map(() => create(a, { name: '双击' })));
      assert.deepEqual(twice.map((r) => r.statusCode).sort(), [201, 409, 409], twice.map((r) => r.body).join('\n'));
      assert.equal((await list(a)).filter((x) => x.name === '双击').length, 1);
    });

    test('private views are invisible to others (404); shared ones are visible but only the owner or an admin may change them (403)', async () => {
      const { session: owner } = await t.as(['sales']);
      const { session: other } = await t.as(['sales_manager']);
      const mine = (await create(owner, { name: '私有', query: { status: 'confirmed' } })).json();
      const shared = (await create(owner, { name: '共享', query: { priority: 'high' }, shared: true })).json();
      const seen = await list(other);
      assert.ok(!seen.some((x) => x.id === mine.id), 'a private view is not listed for others');
      const s = seen.find((x) => x.id === shared.id);
      assert.ok(s, 'a shared view is listed for everyone');
      assert.deepEqual([s.editable, s.isDefault, s.ownerId], [false, false, owner.userId]);

      assert.equal((await t.req(other, 'PATCH', `${URL}/${mine.id}`, { name: 'x' })).statusCode, 404);
      assert.equal((await t.req(other, 'DELETE', `${URL}/${mine.id}`)).statusCode, 404);
      const edit = await t.req(other, 'PATCH', `${URL}/${shared.id}`, { name: '改名' });
      assert.equal(edit.statusCode, 403, edit.body);
      assert.equal(edit.json().code, 'FORBIDDEN');
      assert.equal((await t.req(other, 'PATCH', `${URL}/${shared.id}`, { shared: false })).statusCode, 403);
      assert.equal((await t.req(other, 'DELETE', `${URL}/${shared.id}`)).statusCode, 403);
      const still = (await list(owner)).find((x) => x.id === shared.id);
      assert.deepEqual([still.name, still.shared], ['共享', true], 'a refused change changes nothing');

      // Making someone's shared view my default is mine to choose and does not touch theirs.
      const def = await t.req(other, 'PATCH', `${URL}/${shared.id}`, { isDefault: true });
      assert.equal(def.statusCode, 200, def.body);
      assert.equal(def.json().isDefault, true);
      assert.equal((await list(owner)).find((x) => x.id === shared.id).isDefault, false);

      // Unsharing hides it from others again; their default goes with it.
      assert.equal((await t.req(owner, 'PATCH', `${URL}/${shared.id}`, { shared: false })).statusCode, 200);
      assert.ok(!(await list(other)).some((x) => x.id === shared.id));

      const again = (await create(owner, { name: '再共享', shared: true })).json();
      const byAdmin = await t.req(admin, 'DELETE', `${URL}/${again.id}`);
      assert.equal(byAdmin.statusCode, 200, byAdmin.body);
      assert.ok(!(await list(owner)).some((x) => x.id === again.id));
    });

    test('one default per user and list, also when set concurrently; deleting the default clears it', async () => {
      const { session: rep } = await t.as(['sales']);
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) ids.push((await create(rep, { name: `视图${i}`, isDefault: i === 0 })).json().id);
      assert.deepEqual((await list(rep)).filter((x) => x.isDefault).map((x) => x.id), [ids[0]]);
      const rs = await Promise.all(ids.map((id) => t.req(rep, 'PATCH', `${URL}/${id}`, { isDefault: true })));
      assert.ok(rs.every((r) => r.statusCode === 200), rs.map((r) => r.body).join('\n'));
      const defaults = (await list(rep)).filter((x) => x.isDefault);
      assert.equal(defaults.length, 1);
      assert.equal((await t.req(rep, 'PATCH', `${URL}/${defaults[0].id}`, { isDefault: false })).json().isDefault, false);
      assert.equal((await list(rep)).filter((x) => x.isDefault).length, 0);
      await t.req(rep, 'PATCH', `${URL}/${ids[3]}`, { isDefault: true });
      await t.req(rep, 'DELETE', `${URL}/${ids[3]}`);
      assert.equal((await list(rep)).filter((x) => x.isDefault).length, 0);
    });

    test('bad input is a 400 naming the field in the caller’s language; nothing is written', async () => {
      const { session: rep } = await t.as(['sales']);
      const cases: [Record<string, unknown>, string][] = [
        [{ name: '   ' }, 'name'],
        [{ name: 'x'.repeat(61) }, 'name'],
        [{ name: 'ok', entity: 'invoices' }, 'entity'],
        [{ name: 'ok', query: { priority: 'huge' } }, 'query.priority'],
        [{ name: 'ok', query: { status: 'lost' } }, 'query.status'],
        [{ name: 'ok', query: { from: '2026-13-40' } }, 'query.from'],
        [{ name: 'ok', query: { limit: '50' } }, 'query.limit'],
        [{ name: 'ok', shared: 'yes' }, 'shared'],
      ];
      for (const [body, path] of cases) {
        for (const [lang, pattern] of [['zh-CN', /[\u4e00-\u9fff]/], ['en-US', /^[\x20-\x7e]+$/]] as const) {
          const r = await t.req(rep, 'POST', URL, { entity: 'orders', query: {}, ...body }, { 'accept-language': lang });
          assert.equal(r.statusCode, 400, `${path}: ${r.body}`);
          assert.equal(r.json().code, 'VALIDATION_FAILED');
          const e = r.json().details.find((x: any) => x.path === path);
          assert.ok(e, `${path}: ${r.body}`);
          assert.match(e.message, pattern, `${lang} ${path}: ${e.message}`);
        }
      }
      const v = (await create(rep, { name: '好的' })).json();
      const bad = await t.req(rep, 'PATCH', `${URL}/${v.id}`, { query: { overdue: 'maybe' } }, { 'accept-language': 'en-US' });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.deepEqual(bad.json().details.map((x: any) => x.path), ['query.overdue']);
      assert.equal((await t.req(rep, 'PATCH', `${URL}/${v.id}`, {})).statusCode, 400);
      assert.equal((await t.req(rep, 'GET', `${URL}?entity=nope`)).statusCode, 400);
      assert.deepEqual((await list(rep)).map((x) => [x.name, x.query]), [['好的', {}]]);
    });

    test('views follow the list’s permission: a role that may not read orders keeps no order views', async () => {
      const role = await t.req(admin, 'POST', '/api/v1/admin/roles', { key: `viewer_${d.name}`, name: '只看客户', nameEn: 'Customers only', permissions: ['customers:read'], dataScope: 'own' });
      assert.equal(role.statusCode, 201, role.body);
      const { session: s } = await t.as([`viewer_${d.name}`]);
      assert.equal((await t.req(s, 'GET', `${URL}?entity=orders`)).statusCode, 403);
      assert.equal((await create(s, { name: 'x' })).statusCode, 403);
      assert.equal((await t.req(null, 'GET', `${URL}?entity=orders`)).statusCode, 401);
    });
  });
}
