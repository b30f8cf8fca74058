import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../src/server/config.ts';
import { createAuthService } from '../../src/server/modules/auth/index.ts';
import { createTestDb, dialects, type TestDb } from '../helpers/db.ts';
import { gendan, tableCounts } from './cli.ts';

for (const d of await dialects()) {
  describe(`gendan user create / token create [${d.name}]`, { skip: d.skip }, () => {
    let db: TestDb;
    let env: Record<string, string>;
    const auth = () => createAuthService(db.handle.db, loadConfig({}, { databaseUrl: db.url }));
    before(async () => {
      db = await createTestDb(d.name);
      env = { DATABASE_URL: db.url };
      // An integration listening for user events: the CLI must feed it like the web app does.
      await db.handle.db
        .insertInto('webhook')
        .values({ id: 'wh-users', name: 'HR sync', url: 'http://127.0.0.1:9/hook', preset: 'generic', secret: null, topics: '["user.*"]', active: 1, createdAt: new Date().toISOString() })
        .execute();
    });
    after(() => db?.drop());

    test('creates a user who can then sign in, with the password from GENDAN_USER_PASSWORD', async () => {
      const r = await gendan(['user', 'create', '--username', 'zhangw', '--roles', 'sales,coordinator', '--display-name', '张伟', '--email', 'zhangw@example.cn'], {
        ...env,
        GENDAN_USER_PASSWORD: 'Zhang2026pw',
      });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /created user zhangw \(张伟\), roles coordinator, sales/);
      const login = await auth().login({ username: 'zhangw', password: 'Zhang2026pw', ip: '127.0.0.1' });
      assert.equal(login.user.displayName, '张伟');
      assert.equal(login.user.email, 'zhangw@example.cn');
      assert.deepEqual(login.user.roles, ['coordinator', 'sales']);
      const queued = await db.handle.db.selectFrom('outbox').select('topic').where('channel', '=', 'webhook').execute();
      assert.deepEqual(queued.map((o) => o.topic), ['user.created'], 'the webhook for user.* got the new user');
    });

    test('unknown role and taken username fail with exit 1 and write nothing', async () => {
      const before = await tableCounts(db.handle);
      const [unknownRole, taken] = await Promise.all([
        gendan(['user', 'create', '--username', 'newguy', '--roles', 'sales,boss', '--password', 'abc12345'], env),
        gendan(['user', 'create', '--username', 'zhangw', '--roles', 'sales', '--password', 'abc12345'], env),
      ]);
      assert.equal(unknownRole.code, 1);
      assert.match(unknownRole.stderr, /UNKNOWN_ROLE: No such role .*boss/);
      assert.equal(taken.code, 1);
      assert.match(taken.stderr, /USERNAME_TAKEN/);
      assert.deepEqual(await tableCounts(db.handle), before, 'no row written anywhere');
    });

    test('token create prints only the secret on stdout, and it authenticates as the user', async () => {
      const [ok, nobody] = await Promise.all([
        gendan(['token', 'create', '--user', 'zhangw', '--name', 'erp-sync', '--days', '7'], env),
        gendan(['token', 'create', '--user', 'nobody'], env),
      ]);
      assert.equal(ok.code, 0, ok.stderr);
      const secret = ok.stdout.trim();
      assert.match(secret, /^gd_[\w-]{40,}$/, 'stdout is the secret alone');
      assert.match(ok.stderr, /only time the secret is shown/);
      const actor = await auth().resolveToken(secret);
      assert.equal(actor.username, 'zhangw');
      assert.equal(actor.via, 'token');
      const [token] = await auth().listTokens(actor.id);
      assert.equal(token.name, 'erp-sync');
      const days = (Date.parse(token.expiresAt!) - Date.now()) / 86_400_000;
      assert.ok(days > 6.9 && days <= 7, `expires in 7 days, got ${days}`);
      assert.equal(nobody.code, 1);
      assert.match(nobody.stderr, /no user "nobody"/);
    });
  });
}
