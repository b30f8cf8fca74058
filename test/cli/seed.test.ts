import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ensureAdmin } from '../../src/server/bootstrap.ts';
import { loadConfig } from '../../src/server/config.ts';
import { demoAccountList } from '../../src/server/demo/accounts.ts';
import { createAuthService } from '../../src/server/modules/auth/index.ts';
import { createTestDb, dialects, type TestDb } from '../helpers/db.ts';
import { gendan, tableCounts } from './cli.ts';

for (const d of await dialects()) {
  describe(`gendan seed --demo [${d.name}]`, { skip: d.skip }, () => {
    let db: TestDb;
    before(async () => {
      db = await createTestDb(d.name);
      // As `serve --demo` does on a first start: admin exists, with a password that is not the demo one.
      await ensureAdmin(db.handle, 'FirstStart123');
    });
    after(() => db?.drop());

    test('seeds the organisation once; a second run changes nothing; every login-page account signs in', async () => {
      const first = await gendan(['seed', '--demo'], { DATABASE_URL: db.url });
      assert.equal(first.code, 0, first.stderr);
      const afterFirst = await tableCounts(db.handle);
      const second = await gendan(['seed', '--demo'], { DATABASE_URL: db.url });
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stdout, /nothing changed/);
      assert.deepEqual(await tableCounts(db.handle), afterFirst, 'same rows in every table, events included');

      const q = db.handle.db;
      const users = await q.selectFrom('appUser').select(['id', 'username', 'displayName', 'email', 'mobile', 'teamId', 'managerId']).execute();
      const by = (u: string) => users.find((x) => x.username === u)!;
      assert.equal(by('wangjl').displayName, '王建林');
      assert.equal(by('lixs').managerId, by('wangjl').id, 'sales rep reports to the sales manager');
      assert.equal(by('lixs').email, 'lixs@demo.gendan.cn');
      assert.match(by('lixs').mobile!, /^1[3-9]\d{9}$/);
      const east = await q.selectFrom('team').selectAll().where('name', '=', '华东销售一组').executeTakeFirstOrThrow();
      assert.equal(east.managerId, by('wangjl').id);
      assert.equal(by('lixs').teamId, east.id);
      const customers = await q.selectFrom('customer').select(['code', 'ownerId']).execute();
      assert.equal(customers.length, 7);
      assert.equal(customers.filter((c) => c.ownerId === by('lixs').id).length, 3, 'the sales rep owns customers of his own');
      assert.ok(customers.some((c) => c.ownerId === by('wuxm').id), 'and so does the other team');

      const auth = createAuthService(q, loadConfig({}, { databaseUrl: db.url }));
      for (const a of demoAccountList) {
        const r = await auth.login({ username: a.username, password: a.password, ip: '127.0.0.1' });
        assert.ok(r.user.roles.includes(a.role), `${a.username} has role ${a.role}`);
      }
    });
  });
}

for (const d of await dialects()) {
  describe(`first start of two servers at once [${d.name}]`, { skip: d.skip }, () => {
    // A race: it only bites when the two transactions overlap (as in CI's two-server test, where the loser crashed on the unique username).
    test('both ensure the admin on an empty database: one creates it, the other finds it, neither fails', async () => {
      const db = await createTestDb(d.name);
      try {
        const { openDatabase } = await import('../../src/server/platform/db/database.ts');
        const other = openDatabase(db.url);
        try {
          const results = await Promise.all([ensureAdmin(db.handle, 'FirstStart123'), ensureAdmin({ ...db.handle, db: other.db }, 'FirstStart123')]);
          assert.equal(results.filter(Boolean).length, 1, 'exactly one server created the admin');
          const admins = await db.handle.db.selectFrom('appUser').select('id').where('username', '=', 'admin').execute();
          assert.equal(admins.length, 1);
          assert.equal((await db.handle.db.selectFrom('userRole').select('userId').where('userId', '=', admins[0].id).execute()).length, 1);
        } finally {
          await other.close();
        }
      } finally {
        await db.drop();
      }
    });
  });
}
