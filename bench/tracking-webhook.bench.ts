/**
 * Tracking webhook ingestion (issue 6): Kuaidi100 pushes through the real route
 * (form body, MD5 signature check, only new events applied, each in its transaction with the
 * timeline event), sent with `app.inject` so the figure is the server's, not the network's.
 * 2,000 dispatched waybills; each gets a push carrying one new event on top of its history,
 * 8 in flight at once. On SQLite and (when reachable) PostgreSQL.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp } from '../src/server/app.ts';
import { ensureAdmin, openAndMigrate } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/config.ts';
import { withPostgresDatabase } from './util.ts';

export interface WebhookFigures {
  dialect: string;
  waybills: number;
  pushes: number;
  eventsApplied: number;
  pushesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

const SALT = 'bench-salt';
const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex').toUpperCase();

async function runOne(databaseUrl: string, dialect: string, waybills: number, rounds: number, concurrency: number): Promise<WebhookFigures> {
  const handle = await openAndMigrate({ databaseUrl });
  const config = loadConfig({}, { databaseUrl, logLevel: 'silent', kuaidi100: { key: 'bench', salt: SALT, pollUrl: 'http://127.0.0.1:9/poll' } });
  const { app } = await buildApp({ config, handle, logger: false });
  await app.ready();
  try {
    const db = handle.db;
    await ensureAdmin(handle, 'bench1234');
    const owner = (await db.selectFrom('appUser').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;
    const at = new Date().toISOString();
    await db.insertInto('customer').values({ id: 'bench-c', code: 'BENCH', name: '基准客户', nameKey: '基准客户', taxId: null, invoice: '{}', tier: 'B', tags: '[]', ownerId: owner, paymentTermsDays: 30, creditLimit: 0, currency: 'CNY', status: 'active', province: null, customFields: '{}', version: 1, createdBy: null, createdAt: at, updatedAt: at }).execute();
    await db
      .insertInto('salesOrder')
      .values({ id: 'bench-o', number: 'SO-BENCH', customerId: 'bench-c', requirementId: null, customerPo: null, currency: 'CNY', promisedDate: '2099-01-01', priority: 'normal', nonStandard: 0, nonStandardReason: null, shipTo: null, status: 'partially_shipped', ownerId: owner, createdBy: owner, submittedBy: null, net: 0, tax: 0, gross: 0, linesHash: 'x', facts: null, warnings: '[]', note: null, customFields: '{}', version: 1, submittedAt: at, confirmedAt: at, createdAt: at, updatedAt: at })
      .execute();
    const tn = (j: number) => `SF${String(100_000_000_000 + j)}`;
    for (let i = 0; i < waybills; i += 1000) {
      const rows = [];
      for (let j = i; j < Math.min(waybills, i + 1000); j++) {
        rows.push({ id: `bench-s-${String(j).padStart(6, '0')}`, number: `SH-BENCH-${j}`, orderId: 'bench-o', customerId: 'bench-c', ownerId: owner, status: 'dispatched' as const, shipTo: null, carrier: 'sf', trackingNumber: tn(j), eta: null, note: null, createdBy: owner, createdAt: at, dispatchedAt: at, deliveredAt: null, receipt: null, lastMovementAt: at });
      }
      await db.insertInto('shipment').values(rows).execute();
    }
    // Kuaidi100 resends the whole history, newest first: round r carries r + 1 entries.
    const ftime = (r: number) => new Date(Date.UTC(2026, 10, 20, r, 0, 0) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    const push = (j: number, r: number) => {
      const data = Array.from({ length: r + 1 }, (_, k) => ({ context: `到达 ${r - k} 号中转站`, ftime: ftime(r - k), areaName: '浙江省,宁波市' }));
      const param = JSON.stringify({ status: 'polling', message: '', lastResult: { message: 'ok', state: '0', ischeck: '0', com: 'shunfeng', nu: tn(j), data } });
      return app.inject({ method: 'POST', url: '/api/v1/carriers/kuaidi100/webhook', payload: new URLSearchParams({ param, sign: md5(param + SALT) }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    };
    const jobs: [number, number][] = [];
    for (let r = 0; r < rounds; r++) for (let j = 0; j < waybills; j++) jobs.push([j, r]);
    const lat: number[] = [];
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < jobs.length) {
          const [j, r] = jobs[next++];
          const t0 = performance.now();
          const res = await push(j, r);
          if (res.statusCode !== 200) throw new Error(`push failed: ${res.statusCode} ${res.body}`);
          lat.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    const applied = Number((await db.selectFrom('trackingEvent').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    if (applied !== waybills * rounds) throw new Error(`expected ${waybills * rounds} events, stored ${applied}`);
    lat.sort((a, b) => a - b);
    return { dialect, waybills, pushes: jobs.length, eventsApplied: applied, pushesPerSecond: Math.round(jobs.length / seconds), p50Ms: +lat[Math.floor(lat.length * 0.5)].toFixed(1), p99Ms: +lat[Math.floor(lat.length * 0.99)].toFixed(1) };
  } finally {
    await app.close();
    await handle.close();
  }
}

/** Figures for both dialects (PostgreSQL skipped when unreachable). */
export async function benchTrackingWebhook(opts: { waybills?: number; rounds?: number; concurrency?: number } = {}): Promise<WebhookFigures[]> {
  const waybills = opts.waybills ?? 2_000;
  const rounds = opts.rounds ?? 2;
  const concurrency = opts.concurrency ?? 8;
  const out: WebhookFigures[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'gendan-bench-webhook-'));
  try {
    out.push(await runOne(`sqlite:${join(dir, 'bench.db')}`, 'sqlite', waybills, rounds, concurrency));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await withPostgresDatabase('webhook', async (url) => {
    out.push(await runOne(url, 'postgres', waybills, rounds, concurrency));
  });
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const f of await benchTrackingWebhook()) console.log(JSON.stringify(f));
}
