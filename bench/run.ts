/**
 * `npm run bench` — benchmarks, printed as tables and written to bench/results/*.json.
 * `npm run bench -- --quick` runs short versions (seconds, not minutes).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { customersBench } from './customers.bench.ts';
import { httpBench } from './http.bench.ts';
import { ordersBench } from './orders.bench.ts';
import { listsBench } from './lists.bench.ts';
import { rawBench } from './raw.bench.ts';

const quick = process.argv.includes('--quick');
mkdirSync('bench/results', { recursive: true });

const http = await httpBench({ duration: quick ? 3 : 10, customers: quick ? 200 : 1000 });
console.log('\nHTTP (SQLite, server in a child process, autocannon)');
console.table(http);
writeFileSync(`bench/results/http-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify({ at: new Date().toISOString(), quick, http }, null, 2));

const customers = await customersBench({ rowsPerFile: quick ? 5000 : 100_000, files: 1 });
console.log('\nCustomer import (.xlsx validated in a streaming pass, written in a second one, one transaction; the importing process runs with a 256 MB heap cap, so peak RSS shows the memory it needs) and duplicate check');
console.table(customers.imports);
console.table([{ customers: customers.customers, ...customers.duplicateCheck, peakRssMb: customers.peakRssMb }]);
writeFileSync(`bench/results/customers-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify({ at: new Date().toISOString(), quick, ...customers }, null, 2));

const raw = await rawBench({ seconds: quick ? 3 : 10 });
console.log('\nRaw limit: the intake transaction shape straight on the driver (no HTTP, no framework)');
console.table(raw);
const limit = (dialect: string) => Math.max(0, ...raw.filter((r) => r.dialect.startsWith(dialect) && !r.dialect.includes('NORMAL')).map((r) => r.txPerSec));

const intake = (await ordersBench({ duration: quick ? 5 : 15 })).map((r) => ({ ...r, ratioToRaw: Math.round((r.ordersPerSec / limit(r.dialect)) * 100) / 100 }));
console.log('\nOrder intake over HTTP (5 lines, created + checked + numbered + confirmed with 5 reservations per request; the contention rows put every order on 5 of 20 hot SKUs until stock runs short, then count oversold units), ratio to the raw limit of its dialect');
console.table(intake);
writeFileSync(`bench/results/orders-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify({ at: new Date().toISOString(), quick, raw, intake }, null, 2));

const lists = await listsBench({ orders: quick ? 50_000 : 1_000_000, samples: quick ? 50 : 100 });
console.log('\nOrder list and timeline at scale (routes through the app, no network; target p99 < 50 ms)');
console.table(lists);
writeFileSync(`bench/results/lists-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify({ at: new Date().toISOString(), quick, lists }, null, 2));
