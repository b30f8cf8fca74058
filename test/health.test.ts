import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { dialects } from './helpers/db.ts';

for (const d of await dialects()) {
  describe(`platform basics [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(d.name);
    });
    after(() => t?.close());

    test('GET /api/health answers without auth and names the dialect', async () => {
      const res = await t.req(null, 'GET', '/api/health');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { status: 'ok', db: d.name, version: '0.1.0' });
    });

    test('OpenAPI document lists the admin and auth routes', async () => {
      const res = await t.req(null, 'GET', '/api/openapi.json');
      assert.equal(res.statusCode, 200);
      const doc = res.json();
      assert.equal(doc.openapi, '3.0.3');
      assert.ok(doc.paths['/api/v1/admin/users']);
      assert.ok(doc.paths['/api/auth/login']);
    });

    test('unknown API path is a JSON 404 with a request id', async () => {
      const res = await t.req(null, 'GET', '/api/v1/nope');
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().code, 'ROUTE_NOT_FOUND');
      assert.ok(res.json().requestId);
    });
  });
}
