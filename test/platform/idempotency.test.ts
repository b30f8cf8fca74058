import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { nowIso, sha256 } from '../../src/server/platform/ids.ts';

for (const d of await dialects()) {
  describe(`Idempotency-Key [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(d.name);
    });
    after(() => t?.close());

    const count = async (table: 'team' | 'appUser') => Number((await t.db.handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    test('the same key and body replayed 10× → one record, byte-identical responses', async () => {
      const { session } = await t.as(['admin']);
      const before = await count('team');
      const key = { 'idempotency-key': 'team-create-0001' };
      const responses = [];
      for (let i = 0; i < 10; i++) responses.push(await t.req(session, 'POST', '/api/v1/admin/teams', { name: '华南销售组' }, key));
      assert.equal(await count('team'), before + 1);
      for (const r of responses) {
        assert.equal(r.statusCode, 201);
        assert.equal(r.body, responses[0].body);
      }
      assert.equal(responses[1].headers['idempotent-replayed'], 'true');
    });

    test('the same key with a different body → 422 IDEMPOTENCY_KEY_REUSED, nothing written', async () => {
      const { session } = await t.as(['admin']);
      const key = { 'idempotency-key': 'team-create-0002' };
      assert.equal((await t.req(session, 'POST', '/api/v1/admin/teams', { name: '西南组' }, key)).statusCode, 201);
      const before = await count('team');
      const r = await t.req(session, 'POST', '/api/v1/admin/teams', { name: '西北组' }, key);
      assert.equal(r.statusCode, 422);
      assert.equal(r.json().code, 'IDEMPOTENCY_KEY_REUSED');
      assert.equal(await count('team'), before);
    });

    test('concurrent duplicates while the first is in flight → one record; the others 409 or the replayed 201', async () => {
      const { session } = await t.as(['admin']);
      const before = await count('appUser');
      const body = { username: 'concurrent_u', displayName: '并发', password: 'passw0rd!', roles: ['sales'] };
      const rs = await Promise.all(Array.from({ length: 5 }, () => t.req(session, 'POST', '/api/v1/admin/users', body, { 'idempotency-key': 'user-create-x' })));
      const first = rs.find((r) => r.statusCode === 201 && r.headers['idempotent-replayed'] === undefined);
      assert.ok(first, `one request did the work: ${rs.map((r) => r.statusCode)}`);
      for (const r of rs.filter((r) => r !== first)) {
        if (r.statusCode === 409) assert.equal(r.json().code, 'IDEMPOTENCY_IN_FLIGHT');
        else assert.equal(r.body, first.body, 'a later duplicate replays the first response');
      }
      assert.equal(await count('appUser'), before + 1);
      const replay = await t.req(session, 'POST', '/api/v1/admin/users', body, { 'idempotency-key': 'user-create-x' });
      assert.equal(replay.statusCode, 201);
      assert.equal(replay.body, first.body);
    });

    test('a duplicate while the first still runs (its key claimed, no response yet) → 409 IDEMPOTENCY_IN_FLIGHT, nothing written', async () => {
      // Claim the key as the first request's preHandler does, so "still in flight" does not
      // depend on how the scheduler interleaves concurrent requests.
      const { session, user } = await t.as(['admin']);
      const body = { name: '在途组' };
      const requestHash = sha256(`POST /api/v1/admin/teams\n${JSON.stringify(body)}`);
      await t.db.handle.db.insertInto('idempotencyKey').values({ userId: user.id, key: 'in-flight-1', requestHash, state: 'in_flight', statusCode: null, responseBody: null, createdAt: nowIso() }).execute();
      const before = await count('team');
      const r = await t.req(session, 'POST', '/api/v1/admin/teams', body, { 'idempotency-key': 'in-flight-1' });
      assert.equal(r.statusCode, 409);
      assert.equal(r.json().code, 'IDEMPOTENCY_IN_FLIGHT');
      assert.equal(await count('team'), before);
      const other = await t.req(session, 'POST', '/api/v1/admin/teams', { name: '别的组' }, { 'idempotency-key': 'in-flight-1' });
      assert.equal(other.statusCode, 422);
      assert.equal(other.json().code, 'IDEMPOTENCY_KEY_REUSED', 'a different body under a claimed key is still a reuse');
    });

    test('keys are scoped to the user; a rejected first request is replayed as rejected', async () => {
      const a = await t.as(['admin']);
      const b = await t.as(['admin']);
      const key = { 'idempotency-key': 'shared-key' };
      assert.equal((await t.req(a.session, 'POST', '/api/v1/admin/teams', { name: '甲组' }, key)).statusCode, 201);
      assert.equal((await t.req(b.session, 'POST', '/api/v1/admin/teams', { name: '乙组' }, key)).statusCode, 201);
      const dup1 = await t.req(a.session, 'POST', '/api/v1/admin/teams', { name: '甲组' }, { 'idempotency-key': 'dup-name' });
      assert.equal(dup1.statusCode, 409);
      const dup2 = await t.req(a.session, 'POST', '/api/v1/admin/teams', { name: '甲组' }, { 'idempotency-key': 'dup-name' });
      assert.equal(dup2.body, dup1.body);
    });

    test('a key longer than 255 characters is a 400', async () => {
      const { session } = await t.as(['admin']);
      const r = await t.req(session, 'POST', '/api/v1/admin/teams', { name: '长键组' }, { 'idempotency-key': 'k'.repeat(256) });
      assert.equal(r.statusCode, 400);
    });
  });
}
