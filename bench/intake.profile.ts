/**
 * On-demand profile of one order intake (`POST /orders` with submit: true) in-process,
 * without HTTP sockets: statements per order (by SQL text), time in the database vs
 * JavaScript, and COMMIT time. `node --import tsx bench/intake.profile.ts [orders=300] [postgres]`
 * (PostgreSQL: a fresh database, time per statement is the round trip); add `--cpu-prof`
 * to node for a CPU profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { ensureAdmin, openAndMigrate } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/config.ts';
import { seedIntakeWorld, withPostgresDatabase } from './util.ts';

// Count and time every statement better-sqlite3 or node-pg runs.
const counts = new Map<string, { n: number; ms: number }>();
let counting = false;
let sqlMs = 0;
function record(sql: string, t: number) {
  const d = performance.now() - t;
  if (!counting) return;
  sqlMs += d;
  const key = sql.slice(0, 140);
  const c = counts.get(key) ?? { n: 0, ms: 0 };
  c.n++;
  c.ms += d;
  counts.set(key, c);
}
const origPrepare = SqliteDatabase.prototype.prepare;
(SqliteDatabase.prototype as any).prepare = function (this: SqliteDatabase.Database, sql: string) {
  const stmt = origPrepare.call(this, sql);
  for (const m of ['run', 'all', 'get', 'iterate'] as const) {
    const f = (stmt as any)[m].bind(stmt);
    (stmt as any)[m] = (...args: unknown[]) => {
      const t = performance.now();
      try {
        return f(...args);
      } finally {
        record(sql, t);
      }
    };
  }
  return stmt;
};
const origQuery = pg.Client.prototype.query;
(pg.Client.prototype as any).query = function (this: pg.Client, ...args: any[]) {
  const t = performance.now();
  const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
  const r = (origQuery as any).apply(this, args);
  return r && typeof r.then === 'function' ? r.finally(() => record(String(text), t)) : r;
};

const N = Number(process.argv[2] ?? 300);

async function profile(databaseUrl: string) {
  const handle = await openAndMigrate({ databaseUrl });
  await ensureAdmin(handle, 'bench1234');
  const config = loadConfig({}, { databaseUrl, logLevel: 'silent' });
  const { app } = await buildApp({ config, handle, logger: false });
  await app.ready();

  const { post, productIds, customerId } = await seedIntakeWorld(app, { username: 'admin', password: 'bench1234' }, 'B');
  const promisedDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const body = { customerId, promisedDate, lines: productIds.map((productId) => ({ productId, qty: 1, unitPrice: 10_000 })), submit: true, acknowledge: [{ code: 'POSSIBLE_DUPLICATE_ORDER', reason: 'benchmark' }] };

  for (let i = 0; i < 30; i++) await post('/api/v1/orders', body); // warm up
  counting = true;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await post('/api/v1/orders', body);
  const total = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / N;
  counting = false;
  const stmts = [...counts.values()].reduce((s, c) => s + c.n, 0);
  const commit = [...counts.entries()].find(([k]) => k.toLowerCase() === 'commit')?.[1];
  console.log(`orders=${N} ms/order=${(total / N).toFixed(2)} cpuMs/order=${cpuMs.toFixed(2)} orders/s=${Math.round((N * 1000) / total)} statements/order=${(stmts / N).toFixed(1)} sqlMs/order=${(sqlMs / N).toFixed(2)} commitMs=${commit ? (commit.ms / commit.n).toFixed(2) : '?'} jsMs/order=${((total - sqlMs) / N).toFixed(2)}`);
  for (const [k, v] of [...counts.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(process.env.TOP ?? 70))) {
    console.log(`${(v.n / N).toFixed(1).padStart(5)}× ${(v.ms / N).toFixed(3).padStart(7)} ms  ${k}`);
  }
  await app.close();
  await handle.close();
}

if (process.argv[3] === 'postgres') await withPostgresDatabase('intake_profile', profile);
else {
  const dir = mkdtempSync(join(tmpdir(), 'gendan-prof-'));
  try {
    await profile(`sqlite:${join(dir, 'p.db')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
