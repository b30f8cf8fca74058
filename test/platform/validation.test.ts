import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';

for (const d of await dialects()) {
  describe(`bad input [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let s: Awaited<ReturnType<TestApp['as']>>['session'];
    before(async () => {
      t = await createTestApp(d.name);
      s = (await t.as(['admin'])).session;
    });
    after(() => t?.close());

    const users = async () => Number((await t.db.handle.db.selectFrom('appUser').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    test('malformed JSON → 400 MALFORMED_JSON, nothing written', async () => {
      const n = await users();
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/admin/users', payload: '{"username": "x",', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' } });
      assert.equal(r.statusCode, 400);
      assert.equal(r.json().code, 'MALFORMED_JSON');
      assert.ok(r.json().requestId);
      assert.equal(await users(), n);
    });

    test('unknown fields and wrong types → 400 VALIDATION_FAILED naming each field, localized', async () => {
      const n = await users();
      const body = { username: 'ok_name', displayName: 42, password: 'passw0rd!', roles: ['sales'], favouriteColour: 'red' };
      const zh = await t.req(s, 'POST', '/api/v1/admin/users', body);
      assert.equal(zh.statusCode, 400);
      assert.equal(zh.json().code, 'VALIDATION_FAILED');
      const paths = zh.json().details.map((x: any) => x.path).sort();
      assert.deepEqual(paths, ['displayName', 'favouriteColour']);
      assert.match(zh.json().message, /字段/);
      const en = await t.req(s, 'POST', '/api/v1/admin/users', body, { 'accept-language': 'en-US' });
      assert.match(en.json().message, /fields/);
      assert.ok(en.json().details.find((x: any) => x.path === 'displayName').message.includes('displayName'));
      assert.equal(await users(), n);
    });

    test('a NUL character in any field → 400 naming the field (PostgreSQL text cannot hold it), nothing written', async () => {
      const n = await users();
      const r = await t.req(s, 'POST', '/api/v1/customers', { name: '客户\u0000甲', contacts: [{ name: '张\u0000三' }] }, { 'accept-language': 'en-US' });
      assert.equal(r.statusCode, 400, r.body);
      assert.deepEqual(r.json().details, [{ path: 'name', code: 'invalid_characters', message: 'name: contains a forbidden control character (NUL)' }]);
      const nested = await t.req(s, 'POST', '/api/v1/customers', { name: '客户乙', contacts: [{ name: '张\u0000三' }] });
      assert.equal(nested.json().details[0].path, 'contacts.0.name');
      assert.equal(await users(), n);
    });

    test('missing required field is reported as required', async () => {
      const r = await t.req(s, 'POST', '/api/v1/admin/users', { username: 'abc', displayName: 'x', roles: ['sales'] }, { 'accept-language': 'en' });
      assert.equal(r.statusCode, 400);
      assert.deepEqual(r.json().details, [{ path: 'password', code: 'invalid_type', message: 'password: required' }]);
    });

    test('business-rule errors: weak password 422, unknown role 422, taken username 409 — nothing written', async () => {
      const n = await users();
      const weak = await t.req(s, 'POST', '/api/v1/admin/users', { username: 'weak1', displayName: '弱', password: 'aaaaaaaa', roles: ['sales'] });
      assert.equal(weak.statusCode, 422);
      assert.equal(weak.json().code, 'PASSWORD_TOO_WEAK');
      const role = await t.req(s, 'POST', '/api/v1/admin/users', { username: 'role1', displayName: '角', password: 'passw0rd!', roles: ['pirate'] });
      assert.equal(role.statusCode, 422);
      assert.equal(role.json().code, 'UNKNOWN_ROLE');
      const u = await t.user(['sales']);
      const taken = await t.req(s, 'POST', '/api/v1/admin/users', { username: u.username, displayName: '重', password: 'passw0rd!', roles: ['sales'] });
      assert.equal(taken.statusCode, 409);
      assert.equal(taken.json().code, 'USERNAME_TAKEN');
      assert.equal(await users(), n + 1);
    });

    test('an id that does not exist → 404 NOT_FOUND', async () => {
      const r = await t.req(s, 'GET', '/api/v1/admin/users/0190aaaa-0000-7000-8000-000000000000');
      assert.equal(r.statusCode, 404);
      assert.equal(r.json().code, 'NOT_FOUND');
    });
  });
}
