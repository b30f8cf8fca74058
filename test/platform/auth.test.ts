import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { THROTTLE } from '../../src/server/modules/auth/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';

for (const d of await dialects()) {
  describe(`accounts and sessions [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(d.name);
    });
    after(() => t?.close());

    const teamCount = async () => Number((await t.db.handle.db.selectFrom('team').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    test('login sets an HttpOnly SameSite=Lax cookie; me answers; logout ends the session', async () => {
      const u = await t.user(['sales']);
      const res = await t.req(null, 'POST', '/api/auth/login', { username: u.username, password: 'passw0rd!' });
      assert.equal(res.statusCode, 200);
      const cookie = res.cookies.find((c) => c.name === 'gendan_sid')!;
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      assert.ok(cookie.value.length >= 40, 'session id has ≥ 128 bits');
      const s = { cookie: `gendan_sid=${cookie.value}`, csrf: res.json().csrfToken, userId: u.id };
      const me = await t.req(s, 'GET', '/api/auth/me');
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().user.username, u.username);
      assert.deepEqual(me.json().user.roles, ['sales']);
      assert.ok(me.json().user.hiddenFields.includes('product.cost'));
      assert.equal((await t.req(s, 'POST', '/api/auth/logout')).statusCode, 200);
      const again = await t.req(s, 'GET', '/api/auth/me');
      assert.equal(again.statusCode, 401);
      assert.equal(again.json().code, 'SESSION_EXPIRED');
    });

    test('the session id stored is a hash, never the cookie value', async () => {
      const { session } = await t.as(['sales']);
      const raw = session.cookie.split('=')[1];
      const rows = await t.db.handle.db.selectFrom('session').select('id').where('userId', '=', session.userId).execute();
      assert.equal(rows.length, 1);
      assert.notEqual(rows[0].id, raw);
    });

    test('wrong password and unknown user answer identically (no user enumeration)', async () => {
      const u = await t.user(['sales']);
      const wrong = await t.req(null, 'POST', '/api/auth/login', { username: u.username, password: 'nope-nope1' });
      const unknown = await t.req(null, 'POST', '/api/auth/login', { username: 'no_such_user_x', password: 'nope-nope1' });
      assert.equal(wrong.statusCode, 401);
      assert.equal(unknown.statusCode, 401);
      assert.equal(wrong.json().code, 'INVALID_CREDENTIALS');
      assert.equal(unknown.json().code, 'INVALID_CREDENTIALS');
      assert.equal(wrong.json().message, unknown.json().message);
    });

    test('repeated failures throttle the account — even the right password — and unknown names alike', async () => {
      const u = await t.user(['sales']);
      for (let i = 0; i < THROTTLE.perAccount; i++) {
        const r = await t.req(null, 'POST', '/api/auth/login', { username: u.username, password: `wrong-${i}x1` }, { 'x-forwarded-for': `10.0.0.${i}` });
        assert.equal(r.statusCode, 401);
      }
      const locked = await t.req(null, 'POST', '/api/auth/login', { username: u.username, password: 'passw0rd!' });
      assert.equal(locked.statusCode, 429);
      assert.equal(locked.json().code, 'LOGIN_THROTTLED');
      for (let i = 0; i < THROTTLE.perAccount; i++) await t.req(null, 'POST', '/api/auth/login', { username: 'ghost_user', password: `wrong-${i}x1` });
      const ghost = await t.req(null, 'POST', '/api/auth/login', { username: 'ghost_user', password: 'whatever1' });
      assert.equal(ghost.statusCode, 429);
      assert.equal(ghost.json().message, locked.json().message);
    });

    test('login rotates the session: the cookie presented at login stops working', async () => {
      const u = await t.user(['sales']);
      const first = await t.login(u.username);
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: 'passw0rd!' }, headers: { cookie: first.cookie } });
      assert.equal(res.statusCode, 200);
      assert.equal((await t.req(first, 'GET', '/api/auth/me')).statusCode, 401);
    });

    test('idle and absolute timeouts end a session', async () => {
      const a = await t.as(['sales']);
      const b = await t.as(['sales']);
      const db = t.db.handle.db;
      const longAgo = new Date(Date.now() - (t.config.sessionIdleMinutes + 1) * 60_000).toISOString();
      await db.updateTable('session').set({ lastSeenAt: longAgo }).where('userId', '=', a.user.id).execute();
      await db.updateTable('session').set({ expiresAt: new Date(Date.now() - 1000).toISOString() }).where('userId', '=', b.user.id).execute();
      for (const s of [a.session, b.session]) {
        const r = await t.req(s, 'GET', '/api/auth/me');
        assert.equal(r.statusCode, 401);
        assert.equal(r.json().code, 'SESSION_EXPIRED');
      }
    });

    test('state-changing cookie requests need the CSRF token; missing or forged → 403 and nothing written', async () => {
      const { session } = await t.as(['admin']);
      const before = await teamCount();
      const missing = await t.app.inject({ method: 'POST', url: '/api/v1/admin/teams', payload: { name: '华东一组' }, headers: { cookie: session.cookie } });
      assert.equal(missing.statusCode, 403);
      assert.equal(missing.json().code, 'CSRF_INVALID');
      const forged = await t.req({ ...session, csrf: 'x'.repeat(session.csrf.length) }, 'POST', '/api/v1/admin/teams', { name: '华东一组' });
      assert.equal(forged.statusCode, 403);
      assert.equal(await teamCount(), before);
      const ok = await t.req(session, 'POST', '/api/v1/admin/teams', { name: '华东一组' });
      assert.equal(ok.statusCode, 201);
    });

    test('unauthenticated API calls get 401; a role without the permission gets 403', async () => {
      assert.equal((await t.req(null, 'GET', '/api/v1/admin/users')).statusCode, 401);
      const { session } = await t.as(['sales']);
      const r = await t.req(session, 'GET', '/api/v1/admin/users');
      assert.equal(r.statusCode, 403);
      assert.equal(r.json().code, 'FORBIDDEN');
    });

    test('bearer tokens: shown once, stored hashed, no CSRF needed, revocable, expiring, last-used recorded', async () => {
      const { session } = await t.as(['admin']);
      const created = await t.req(session, 'POST', '/api/v1/tokens', { name: 'ERP 同步' });
      assert.equal(created.statusCode, 201);
      const { secret, token } = created.json();
      assert.match(secret, /^gd_/);
      const stored = await t.db.handle.db.selectFrom('apiToken').selectAll().where('id', '=', token.id).executeTakeFirstOrThrow();
      assert.notEqual(stored.tokenHash, secret);
      assert.ok(!JSON.stringify((await t.req(session, 'GET', '/api/v1/tokens')).json()).includes(secret), 'list never shows the secret');
      const bearer = { authorization: `Bearer ${secret}` };
      const viaToken = await t.app.inject({ method: 'POST', url: '/api/v1/admin/teams', payload: { name: 'API 组' }, headers: bearer });
      assert.equal(viaToken.statusCode, 201);
      const listed = (await t.req(session, 'GET', '/api/v1/tokens')).json().items.find((x: any) => x.id === token.id);
      assert.ok(listed.lastUsedAt);
      assert.equal((await t.req(session, 'DELETE', `/api/v1/tokens/${token.id}`)).statusCode, 200);
      const revoked = await t.app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: bearer });
      assert.equal(revoked.statusCode, 401);
      assert.equal(revoked.json().code, 'INVALID_TOKEN');

      const short = (await t.req(session, 'POST', '/api/v1/tokens', { name: 'short', expiresInDays: 1 })).json();
      await t.db.handle.db.updateTable('apiToken').set({ expiresAt: new Date(Date.now() - 1).toISOString() }).where('id', '=', short.token.id).execute();
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${short.secret}` } })).statusCode, 401);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Bearer gd_forged' } })).statusCode, 401);
    });

    test('disabling a user ends their sessions and stops their tokens', async () => {
      const { session: adminS } = await t.as(['admin']);
      const victim = await t.as(['sales']);
      const tok = (await t.req(victim.session, 'POST', '/api/v1/tokens', { name: 'mine' })).json();
      const r = await t.req(adminS, 'PATCH', `/api/v1/admin/users/${victim.user.id}`, { active: false });
      assert.equal(r.statusCode, 200);
      assert.equal(r.json().active, false);
      assert.equal((await t.req(victim.session, 'GET', '/api/auth/me')).statusCode, 401);
      const rows = await t.db.handle.db.selectFrom('session').select('id').where('userId', '=', victim.user.id).execute();
      assert.equal(rows.length, 0);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${tok.secret}` } })).statusCode, 401);
      assert.equal((await t.req(null, 'POST', '/api/auth/login', { username: victim.user.username, password: 'passw0rd!' })).statusCode, 401);
    });
  });
}
