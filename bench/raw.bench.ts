/**
 * The raw limit: the order-intake transaction's shape (customer lookup, number allocation,
 * order + 5 lines, 5 conditional stock reservations + 5 reservation rows, a timeline event,
 * an outbox row) executed directly on better-sqlite3 / pg — no HTTP, no framework, no
 * query builder. It is the ceiling for intake on this machine; the API bench is read
 * against it as a ratio. The schema is the real one (migrated), seeded through the app.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { openAndMigrate } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/config.ts';
import { createUsersService } from '../src/server/modules/admin/index.ts';
import { systemActor } from '../src/server/platform/http/actor.ts';
import { newId } from '../src/server/platform/ids.ts';
import { seedIntakeWorld, withPostgresDatabase } from './util.ts';

export interface RawFigures {
  dialect: string;
  connections: number;
  txPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

export interface World {
  ownerId: string;
  customerId: string;
  warehouseId: string;
  productIds: string[];
}

/** Seeds a customer, a warehouse and 5 products with plenty of stock through the real app. */
export async function seedWorld(databaseUrl: string): Promise<World> {
  const handle = await openAndMigrate({ databaseUrl });
  const config = loadConfig({}, { databaseUrl, logLevel: 'silent' });
  const { app } = await buildApp({ config, handle, logger: false });
  try {
    await app.ready();
    const admin = await createUsersService(handle.db).create(systemActor, { username: `raw_${newId().slice(-6)}`, displayName: '基准', password: 'passw0rd!', roles: ['admin'], teamId: null, managerId: null, email: null });
    const { customerId, warehouseId, productIds } = await seedIntakeWorld(app, { username: admin.username, password: 'passw0rd!' }, 'RAW');
    return { ownerId: admin.id, customerId, warehouseId, productIds };
  } finally {
    await app.close();
    await handle.close();
  }
}

const LOOKUP = `select id, status, owner_id from customer where id = ?`;
const SEQ = `update sequence set value = value + 1 where key = ? returning value`;

/** The writes of one intake transaction (after the customer look-up and the number), as [sql, params] with `?` placeholders. */
function intakeStatements(w: World, seq: number): [string, unknown[]][] {
  const now = new Date().toISOString();
  const orderId = newId();
  const writes: [string, unknown[]][] = [
    [
      `insert into sales_order (id, number, customer_id, currency, promised_date, priority, status, owner_id, created_by, net, tax, gross, lines_hash, warnings, custom_fields, version, submitted_at, confirmed_at, created_at, updated_at)
       values (?, ?, ?, 'CNY', '2027-01-31', 'normal', 'confirmed', ?, ?, 50000, 6500, 56500, 'h', '[]', '{}', 1, ?, ?, ?, ?)`,
      [orderId, `RAW-${seq}`, w.customerId, w.ownerId, w.ownerId, now, now, now, now],
    ],
  ];
  w.productIds.forEach((productId, i) => {
    const lineId = newId();
    writes.push(
      [
        `insert into order_line (id, order_id, line_no, product_id, qty, unit_price, list_price, discount_bp, tax_rate_bp, net, tax, spec, warehouse_id, reserved_qty, short_qty)
         values (?, ?, ?, ?, 1000, 10000, 10000, 0, 1300, 10000, 1300, '{}', ?, 1000, 0)`,
        [lineId, orderId, i + 1, productId, w.warehouseId],
      ],
      [`update stock set reserved = reserved + 1000, updated_at = ? where product_id = ? and warehouse_id = ? and on_hand - reserved >= 1000`, [now, productId, w.warehouseId]],
      [`insert into reservation (id, order_id, order_line_id, product_id, warehouse_id, qty, state, created_at) values (?, ?, ?, ?, ?, 1000, 'active', ?)`, [newId(), orderId, lineId, productId, w.warehouseId, now]],
    );
  });
  writes.push(
    [`insert into event (id, entity_type, entity_id, type, actor_id, at, stage, data) values (?, 'order', ?, 'order.confirmed', ?, ?, 'review', '{}')`, [newId(), orderId, w.ownerId, now]],
    [`insert into outbox (id, channel, topic, payload, state, next_attempt_at, created_at) values (?, 'inapp', 'order.confirmed', '{}', 'pending', ?, ?)`, [newId(), now, now]],
  );
  return writes;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! * 100) / 100 : 0;
}

/** Opens the bench database the way the raw limit runs it: WAL, the given sync level, foreign keys, the raw number sequence. */
export function openRawSqlite(path: string, synchronous: 'FULL' | 'NORMAL' = 'FULL') {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.prepare(`insert into sequence (key, value) values ('raw', 0) on conflict do nothing`).run();
  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string) => cache.get(sql) ?? cache.set(sql, db.prepare(sql)).get(sql)!;
  /** The statements of one intake, inside a transaction the caller holds; returns the order number. */
  const writes = (w: World): string => {
    stmt(LOOKUP).get(w.customerId);
    const { value } = stmt(SEQ).get('raw') as { value: number };
    for (const [sql, params] of intakeStatements(w, value)) {
      const r = stmt(sql).run(...params);
      if (r.changes !== 1) throw new Error(`no row changed: ${sql}`);
    }
    return `RAW-${value}`;
  };
  /** `fn` in one IMMEDIATE transaction, rolled back if it throws. */
  const inTransaction = <T>(fn: () => T): T => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const out = fn();
      db.exec('COMMIT');
      return out;
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
  };
  /** One intake, its own transaction. */
  const intake = (w: World): string => inTransaction(() => writes(w));
  return { db, writes, inTransaction, intake };
}

export async function rawSqlite(path: string, w: World, seconds: number, synchronous: 'FULL' | 'NORMAL' = 'FULL'): Promise<RawFigures> {
  const { db, intake } = openRawSqlite(path, synchronous);
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const t0 = performance.now();
    intake(w);
    latencies.push(performance.now() - t0);
  }
  db.close();
  latencies.sort((a, b) => a - b);
  return { dialect: `sqlite (${synchronous})`, connections: 1, txPerSec: Math.round(latencies.length / seconds), p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) };
}

/**
 * The raw transaction behind a bare node:http server in a child process (no framework, no
 * auth, no validation), loaded by autocannon with a 5-line order body: what HTTP alone costs the
 * raw transaction, and its latency at 32 clients — with one commit per order, or with the
 * orders that arrived together sharing one commit (group commit, as the app does).
 */
export async function rawSqliteOverHttp(path: string, w: World, seconds: number, connections: number, commit: 'each' | 'group'): Promise<RawFigures> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'raw-http-child.ts'), path, JSON.stringify(w), commit], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  try {
    const port = await Promise.race([
      once(child.stdout, 'data').then(([d]) => Number(String(d).trim())),
      exited.then(([code]) => Promise.reject(new Error(`raw HTTP server exited with ${code}`))),
    ]);
    const body = JSON.stringify({ customerId: w.customerId, promisedDate: '2027-01-31', lines: w.productIds.map((productId) => ({ productId, qty: 1, unitPrice: 10_000 })), submit: true });
    const r = await new Promise<autocannon.Result>((resolve, reject) =>
      autocannon({ url: `http://127.0.0.1:${port}/orders`, method: 'POST', connections, duration: seconds, headers: { 'content-type': 'application/json' }, body }, (err, res) => (err ? reject(err) : resolve(res))),
    );
    if (r.non2xx || r.errors) throw new Error(`raw HTTP: ${r.non2xx} non-2xx, ${r.errors} errors`);
    return { dialect: `sqlite (FULL) + bare HTTP, ${commit === 'each' ? 'commit each' : 'group commit'}`, connections, txPerSec: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99 };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** A named (server-side prepared) pg query for a `?` statement. */
const names = new Map<string, string>();
const prepared = (sql: string, values: unknown[]) => {
  let i = 0;
  const text = sql.replace(/\?/g, () => `$${++i}`);
  const name = names.get(sql) ?? names.set(sql, `raw${names.size}`).get(sql)!;
  return { name, text, values };
};

export async function rawPostgres(url: string, w: World, seconds: number, connections: number): Promise<RawFigures> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  pool.on('error', () => {}); // an idle client killed when the scratch database is dropped
  await pool.query(`insert into sequence (key, value) values ('raw', 0) on conflict do nothing`);
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  const client = async () => {
    const c = await pool.connect();
    try {
      while (performance.now() < until) {
        const t0 = performance.now();
        await c.query('BEGIN');
        await c.query(prepared(LOOKUP, [w.customerId]));
        const writes = intakeStatements(w, Number((await c.query(prepared(SEQ, ['raw']))).rows[0].value));
        for (const [sql, params] of writes) {
          const r = await c.query(prepared(sql, params));
          if (r.rowCount !== 1) throw new Error(`no row changed: ${sql}`);
        }
        await c.query('COMMIT');
        latencies.push(performance.now() - t0);
      }
    } finally {
      c.release();
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, client));
  } finally {
    await pool.end();
  }
  latencies.sort((a, b) => a - b);
  return { dialect: 'postgres', connections, txPerSec: Math.round(latencies.length / seconds), p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) };
}

/** The raw limit on SQLite (FULL and NORMAL; FULL behind bare HTTP at 1 and 32 clients, each or group commit) and, when reachable, PostgreSQL at 1, 8 and 16 connections. */
export async function rawBench(opts: { seconds: number }): Promise<RawFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gendan-bench-raw-'));
  const out: RawFigures[] = [];
  try {
    const file = join(dir, 'raw.db');
    const w = await seedWorld(`sqlite:${file}`);
    out.push(await rawSqlite(file, w, opts.seconds, 'FULL'), await rawSqlite(file, w, opts.seconds, 'NORMAL'));
    for (const commit of ['each', 'group'] as const) {
      for (const connections of [1, 32]) out.push(await rawSqliteOverHttp(file, w, opts.seconds, connections, commit));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await withPostgresDatabase('raw', async (url) => {
    const w = await seedWorld(url);
    for (const connections of [1, 8, 16]) out.push(await rawPostgres(url, w, opts.seconds, connections));
  });
  return out;
}
