/**
 * `npm run bench` — benchmarks, printed as tables and written to bench/results/*.json.
 * `npm run bench -- --quick` runs short versions (seconds, not minutes).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { httpBench } from './http.bench.ts';

const quick = process.argv.includes('--quick');
mkdirSync('bench/results', { recursive: true });

const http = await httpBench({ duration: quick ? 3 : 10, customers: quick ? 200 : 1000 });
console.log('\nHTTP (SQLite, server in a child process, autocannon)');
console.table(http);
writeFileSync(`bench/results/http-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify({ at: new Date().toISOString(), quick, http }, null, 2));
