/** Real server processes and a small company set up through the API, for the proofs. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

const PASSWORD = 'proof-admin-1';

/** A seeded pseudo-random generator (mulberry32), so a failing run can be replayed. */
export function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `gendan serve` in a child process on `databaseUrl`; resolves once it answers its health check. */
export async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), GENDAN_ADMIN_PASSWORD: PASSWORD, GENDAN_OUTBOX_POLL_MS: '100', GENDAN_OUTBOX_BACKOFF_MS: '200', GENDAN_OUTBOX_LEASE_MS: '2000', LOG_LEVEL: 'fatal', NODE_ENV: 'production' };
  const child = spawn(process.execPath, ['bin/gendan.mjs', 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (b) => (stderr += b));
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${stderr}`);
}

export async function stopServer(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

export async function api(base: string, path: string, headers: Record<string, string>, body?: unknown) {
  const r = await fetch(`${base}${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (r.status >= 300) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json() as Promise<any>;
}

/** An API token for the admin, a warehouse, `products` products with `stock` each, and a customer. */
export async function proofWorld(base: string, opts: { products: number; stock: number }) {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const { secret } = await api(base, '/api/v1/tokens', { cookie, 'x-csrf-token': csrfToken }, { name: 'proof' });
  const auth = { authorization: `Bearer ${secret}` };
  const wh = await api(base, '/api/v1/warehouses', auth, { code: 'PROOF', name: '验证仓', isDefault: true });
  const productIds: string[] = [];
  for (let i = 0; i < opts.products; i++) {
    const p = await api(base, '/api/v1/products', auth, { sku: `PF-${i}`, name: `验证产品${i}`, unit: '件', listPrice: 10_000 });
    await api(base, '/api/v1/stock/movements', auth, { type: 'receipt', productId: p.id, warehouseId: wh.id, qty: opts.stock, reason: '期初' });
    productIds.push(p.id);
  }
  const c = await api(base, '/api/v1/customers', auth, { name: '验证客户', addresses: [{ province: '上海市', city: '上海市', district: '浦东新区', detail: '张江路 1 号', recipient: '张三', phone: '13800138000' }] });
  const promisedDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  /** The body of a submitted order for `qty` of each product. */
  const orderBody = (qty: number, only?: string[]) =>
    JSON.stringify({ customerId: c.customer.id, promisedDate, lines: (only ?? productIds).map((productId) => ({ productId, qty, unitPrice: 10_000 })), submit: true, acknowledge: [{ code: 'POSSIBLE_DUPLICATE_ORDER', reason: 'proof' }] });
  return { auth, warehouseId: wh.id as string, productIds, customerId: c.customer.id as string, orderBody };
}
