/**
 * Test databases on both dialects (DESIGN.md: every integration test runs on SQLite and
 * PostgreSQL). SQLite: a fresh file per test database. PostgreSQL: a fresh database on
 * 127.0.0.1:5432 (or TEST_PG_URL), dropped afterwards. Without a reachable PostgreSQL the
 * postgres variants skip with a message — except under CI=true, where they fail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openAndMigrate } from '../../src/server/bootstrap.ts';
import type { DbHandle } from '../../src/server/platform/db/database.ts';
import type { DialectName } from '../../src/server/platform/db/dialect.ts';

export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const isCI = process.env.CI === 'true' || process.env.CI === '1';

let pgAvailable: Promise<boolean> | undefined;
/**
 * Whether PostgreSQL answers. Nothing listening (refused, unknown host) is a quick no; a slow
 * or full server (a loaded machine: connect timeout, "too many clients") is asked again for up
 * to 30 s before the answer is no, so a busy CI machine does not turn into "not reachable".
 */
export function postgresAvailable(): Promise<boolean> {
  return (pgAvailable ??= (async () => {
    const until = Date.now() + 30_000;
    for (;;) {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
      try {
        await c.connect();
        await c.query('select 1');
        return true;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || Date.now() > until) return false;
        await new Promise((r) => setTimeout(r, 1000));
      } finally {
        await c.end().catch(() => {});
      }
    }
  })());
}

/** The dialects to run on, and how to skip the ones that are missing. */
export async function dialects(): Promise<{ name: DialectName; skip: string | false }[]> {
  const only = process.env.DIALECT as DialectName | undefined;
  const pgOk = await postgresAvailable();
  if (!pgOk && isCI && only !== 'sqlite') throw new Error(`PostgreSQL is required when CI=true but ${PG_ADMIN_URL} is not reachable`);
  const all: { name: DialectName; skip: string | false }[] = [
    { name: 'sqlite', skip: false },
    { name: 'postgres', skip: pgOk ? false : `PostgreSQL not reachable at ${PG_ADMIN_URL} — postgres variant skipped (required when CI=true)` },
  ];
  return only ? all.filter((d) => d.name === only) : all;
}

export interface TestDb {
  handle: DbHandle;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database. */
export async function createTestDb(dialect: DialectName): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gendan-test-'));
    const url = `sqlite:${join(dir, 'test.db')}`;
    const handle = await openAndMigrate({ databaseUrl: url });
    return {
      handle,
      url,
      async drop() {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `gendan_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const handle = await openAndMigrate({ databaseUrl: url });
  return {
    handle,
    url,
    async drop() {
      await handle.close();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
