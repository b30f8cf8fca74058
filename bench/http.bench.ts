/**
 * HTTP throughput of the platform on this machine: /api/health (no auth, no DB) and an
 * authenticated, data-scoped list (/api/v1/customers, bearer token, 1,000 customers).
 * The server runs in a child process so the load generator does not share its event loop.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePorts } from '../test/helpers/net.ts';
import { waitForServer } from './util.ts';

export interface HttpFigures {
  name: string;
  connections: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}


function run(url: string, connections: number, duration: number, headers: Record<string, string> = {}) {
  return new Promise<autocannon.Result>((resolve, reject) => autocannon({ url, connections, duration, headers }, (err, r) => (err ? reject(err) : resolve(r))));
}

export async function httpBench(opts: { duration: number; customers: number }): Promise<HttpFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gendan-bench-'));
  const [port] = await freePorts(1);
  const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'b.db')}`, PORT: String(port), GENDAN_ADMIN_PASSWORD: 'bench1234', LOG_LEVEL: 'warn' };
  const server = spawn(process.execPath, ['bin/gendan.mjs', 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${base}/api/health`);
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'bench1234' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const session = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const tok = (await (await fetch(`${base}/api/v1/tokens`, { method: 'POST', headers: session, body: JSON.stringify({ name: 'bench' }) })).json()) as { secret: string };
    for (let i = 0; i < opts.customers; i++) {
      const r = await fetch(`${base}/api/v1/customers`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tok.secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `基准客户${i}有限公司`, contacts: [{ name: '张三', phone: `139${String(i).padStart(8, '0')}` }] }),
      });
      if (r.status !== 201) throw new Error(`seed customer ${i}: ${r.status} ${await r.text()}`);
    }
    const out: HttpFigures[] = [];
    const cases: [string, string, Record<string, string>][] = [
      ['GET /api/health', `${base}/api/health`, {}],
      ['GET /api/v1/customers?limit=50 (bearer)', `${base}/api/v1/customers?limit=50`, { authorization: `Bearer ${tok.secret}` }],
    ];
    for (const [name, url, headers] of cases) {
      for (const connections of [1, 32]) {
        const r = await run(url, connections, opts.duration, headers);
        out.push({ name, connections, requestsPerSec: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, errors: r.errors, non2xx: r.non2xx });
      }
    }
    return out;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}
