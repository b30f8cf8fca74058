import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createUsersService } from '../../src/server/modules/admin/index.ts';
import { openDatabase, type DbHandle } from '../../src/server/platform/db/database.ts';
import { systemActor } from '../../src/server/platform/http/actor.ts';
import { createTestDb, dialects, type TestDb } from '../helpers/db.ts';
import { gendan } from './cli.ts';

const isCI = process.env.CI === 'true' || process.env.CI === '1';
const pgToolsMissing = ['pg_dump', 'pg_restore', 'psql'].some((t) => spawnSync(t, ['--version']).error);

const user = (h: DbHandle, username: string) =>
  createUsersService(h.db).create(systemActor, { username, displayName: username, password: 'passw0rd!', roles: ['sales'] });
const usernames = async (h: DbHandle) => (await h.db.selectFrom('appUser').select('username').orderBy('username').execute()).map((u) => u.username);
const hasTable = async (h: DbHandle, name: string) => (await h.db.introspection.getTables()).some((t) => t.name === name);

for (const d of await dialects()) {
  let skip = d.skip;
  if (!skip && d.name === 'postgres' && pgToolsMissing) {
    if (isCI) throw new Error('pg_dump/pg_restore/psql are required when CI=true');
    skip = 'PostgreSQL client tools (pg_dump, pg_restore, psql) not installed — postgres backup tests skipped';
  }

  describe(`gendan backup / restore [${d.name}]`, { skip }, () => {
    let db: TestDb;
    let dir: string;
    let env: Record<string, string>;
    /** SQLite: the test's own connection must be closed for restore, so checks use a fresh one each time. */
    const withDb = async <T>(fn: (h: DbHandle) => Promise<T>) => {
      const h = openDatabase(db.url);
      try {
        return await fn(h);
      } finally {
        await h.close();
      }
    };
    before(async () => {
      db = await createTestDb(d.name);
      dir = mkdtempSync(join(tmpdir(), 'gendan-backup-'));
      env = { DATABASE_URL: db.url };
      await user(db.handle, 'kept_before_backup');
    });
    after(async () => {
      await db?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    const file = () => join(dir, d.name === 'sqlite' ? 'b.db' : 'b.dump');

    test('backup writes a file and reports its size and the time it took', async () => {
      const r = await gendan(['backup', '--out', file()], env);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /backup written: .*b\.(db|dump)\nsize [\d.]+ (B|KiB|MiB), took [\d.]+ m?s/);
      assert.match(r.stderr, /backup 100%/);
      assert.ok(statSync(file()).size > 0);
    });

    test('restore refuses to replace data without --force, then --force brings the backed-up state back', async () => {
      // After the backup: a user and a table the backup does not know (as a newer migration would add).
      await user(db.handle, 'added_after_backup');
      await db.handle.db.schema.createTable('zz_after_backup').addColumn('x', 'integer').execute();

      if (d.name === 'sqlite') {
        const busy = await gendan(['restore', file(), '--force'], env);
        assert.equal(busy.code, 1, 'refused while the test still has the file open');
        assert.match(busy.stderr, /open in another process/);
        await db.handle.close();
      }

      const refused = await gendan(['restore', file()], env);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /already holds data .*--force/s);
      assert.deepEqual(await withDb(usernames), ['added_after_backup', 'kept_before_backup'], 'unchanged');

      const forced = await gendan(['restore', file(), '--force'], env);
      assert.equal(forced.code, 0, forced.stderr);
      assert.match(forced.stdout, /contents: 1 users, \d+ events/);
      assert.deepEqual(await withDb(usernames), ['kept_before_backup']);
      assert.equal(await withDb((h) => hasTable(h, 'zz_after_backup')), false, 'objects newer than the backup are gone');
      // The restored database is migrated and usable.
      await withDb((h) => user(h, 'works_after_restore'));
    });

    if (d.name === 'sqlite') {
      test('the replaced file is kept beside the database', async () => {
        const target = db.url.replace(/^sqlite:/, '');
        const kept = readdirSync(join(target, '..')).filter((f) => f.includes('.before-restore-'));
        assert.equal(kept.length, 1);
      });
    } else {
      test('a dump that breaks half-way rolls back: the database is unchanged', async () => {
        const bytes = readFileSync(file());
        // Keep the table of contents (so it passes the format check) but lose the data at the end.
        const broken = join(dir, 'broken.dump');
        writeFileSync(broken, bytes.subarray(0, bytes.length - 100));
        const r = await gendan(['restore', broken, '--force'], env);
        assert.notEqual(r.code, 0);
        assert.match(r.stderr, /rolled back: the database is unchanged/);
        assert.deepEqual(await usernames(db.handle), ['kept_before_backup', 'works_after_restore']);
      });
    }
  });
}
