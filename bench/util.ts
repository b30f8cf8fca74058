import pg from 'pg';

/** Waits until a freshly spawned server answers its health check. */
export async function waitForServer(url: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} did not start`);
}

/**
 * Runs `fn` against a fresh PostgreSQL database (dropped afterwards); prints a line and
 * skips when PostgreSQL is not reachable (TEST_PG_URL or 127.0.0.1:5432).
 */
export async function withPostgresDatabase(label: string, fn: (url: string) => Promise<void>): Promise<void> {
  const admin = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const c = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 2000 });
  const name = `gendan_bench_${label}_${Date.now().toString(36)}`;
  try {
    await c.connect();
    await c.query(`create database ${name}`);
  } catch {
    console.log(`PostgreSQL not reachable: ${label} bench on SQLite only`);
    await c.end().catch(() => {});
    return;
  }
  try {
    await fn(admin.replace(/\/[^/]*$/, `/${name}`));
  } finally {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  }
}
