/**
 * `npm run bench` — benchmarks, printed as tables and written to bench/results/*.json.
 * `npm run bench -- --quick` runs short versions (seconds, not minutes); `--only=intake,lists`
 * runs some of the parts (http, customers, import — orders —, intake — the raw limit with it —, lists).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { customersBench } from './customers.bench.ts';
import { httpBench } from './http.bench.ts';
import { ordersBench } from './orders.bench.ts';
import { ordersImportBench } from './orders-import.bench.ts';
import { listsBench } from './lists.bench.ts';
import { rawBench } from './raw.bench.ts';

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (part: string) => !only || only.includes(part);
const day = new Date().toISOString().slice(0, 10);
const save = (name: string, figures: object) => writeFileSync(`bench/results/${name}-${day}.json`, JSON.stringify({ at: new Date().toISOString(), quick, ...figures }, null, 2));
mkdirSync('bench/results', { recursive: true });

if (wanted('http')) {
  const http = await httpBench({ duration: quick ? 3 : 10, customers: quick ? 200 : 1000 });
  console.log('\nHTTP (SQLite, server in a child process, autocannon)');
  console.table(http);
  save('http', { http });
}

if (wanted('customers')) {
  const customers = await customersBench({ rowsPerFile: quick ? 5000 : 100_000, files: 1 });
  console.log('\nCustomer import (.xlsx validated in a streaming pass, written in a second one, one transaction; the importing process runs with a 256 MB heap cap, so peak RSS shows the memory it needs) and duplicate check');
  console.table(customers.imports);
  console.table([{ customers: customers.customers, ...customers.duplicateCheck, peakRssMb: customers.peakRssMb }]);
  save('customers', customers);
}

if (wanted('import')) {
  const orderImport = await ordersImportBench({ orders: quick ? 2000 : 20_000 });
  console.log('\nOrder import (.xlsx, 5 lines per order, one row per line; read in two streaming passes, drafts written 1,000 at a time in one transaction; 256 MB heap cap; target 100,000 rows < 15 s, < 300 MB)');
  console.table(orderImport);
  save('order-import', { orderImport });
}

if (wanted('intake')) {
  const raw = await rawBench({ seconds: quick ? 3 : 10 });
  console.log('\nRaw limit: the intake transaction shape straight on the driver (no HTTP, no framework); on SQLite also behind bare HTTP, each order committed alone or with group commit');
  console.table(raw);
  // The ratio is to the driver-only rows (SQLite at FULL), not to the bare-HTTP ones.
  const limit = (dialect: string) => Math.max(0, ...raw.filter((r) => r.dialect === (dialect === 'sqlite' ? 'sqlite (FULL)' : dialect)).map((r) => r.txPerSec));
  const intake = (await ordersBench({ duration: quick ? 5 : 15 })).map((r) => ({ ...r, ratioToRaw: Math.round((r.ordersPerSec / limit(r.dialect)) * 100) / 100 }));
  console.log('\nOrder intake over HTTP (5 lines, created + checked + numbered + confirmed with 5 reservations per request; the contention rows put every order on 5 of 20 hot SKUs until stock runs short, then count oversold units), ratio to the raw limit of its dialect');
  console.table(intake);
  save('orders', { raw, intake });
}

if (wanted('lists')) {
  const lists = await listsBench({ orders: quick ? 50_000 : 1_000_000, samples: quick ? 50 : 100 });
  console.log('\nOrder list and timeline at scale (routes through the app, no network; target p99 < 50 ms)');
  console.table(lists);
  save('lists', { lists });
}
