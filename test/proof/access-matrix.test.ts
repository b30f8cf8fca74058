/**
 * The access matrix, generated from the app's route table, so a new endpoint is covered the
 * day it is added: (1) nothing but an explicit list of public routes answers without
 * credentials; (2) every role × every route with a declared permission the role lacks → 403;
 * (3) a sales rep reads and writes nothing of another team's rep — every route with an id of
 * the other rep's customer, requirement, order, shipment, link or file → no 2xx and the row
 * unchanged, and no list contains their ids; (4) restricted fields (cost, margin, credit limit)
 * never appear in any JSON a role without the field right receives.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { roleKeys, seededRoles } from '../../src/contracts/permissions.ts';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';

/** Routes anyone may call. Adding one here is a decision: say why in the commit. */
const PUBLIC = new Set([
  'GET /api/health',
  'GET /api/openapi.json',
  'POST /api/auth/login',
  'GET /api/auth/demo-accounts', // empty unless the server runs in demo mode
  'POST /api/v1/carriers/kuaidi100/webhook', // signature-checked
  'GET /api/portal/:token', // the customer's secure link: the token is the credential
  'POST /api/portal/:token/confirm',
  'POST /api/portal/:token/confirm-receipt',
  // A customer-level link opens each of that customer's orders within the same token.
  'GET /api/portal/:token/orders/:orderId',
  'POST /api/portal/:token/orders/:orderId/confirm-receipt',
  'GET /api/portal/:token/shipments/:shipmentId/delivery-note.pdf',
  'POST /api/portal/:token/shipments/:shipmentId/receipt-photo',
]);

/** JSON keys that carry a restricted field, by the field right that hides them. */
const RESTRICTED_KEYS: Record<string, string[]> = {
  'product.cost': ['cost', 'unitCost'],
  'order.margin': ['margin', 'marginPct', 'marginBp'],
  'order.cost': ['costTotal', 'orderCost'],
  'customer.creditLimit': ['creditLimit'],
};

const NOT_JSON = (url: string) => url === '/api/v1/events' || /\.(xlsx|pdf)$/.test(url) || url.startsWith('/api/docs');
const ID = '0190aaaa-0000-7000-8000-000000000000';

interface Route {
  method: string;
  url: string;
  permission?: string;
  public?: boolean;
}

function collectKeys(value: unknown, keys: Set<string>, found: string[], path = '$'): void {
  if (Array.isArray(value)) value.forEach((v, i) => collectKeys(v, keys, found, `${path}[${i}]`));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (keys.has(k) && v !== null && v !== undefined) found.push(`${path}.${k}`);
      collectKeys(v, keys, found, `${path}.${k}`);
    }
  }
}

for (const d of await dialects()) {
  describe(`access matrix from the route table [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let routes: Route[];
    let admin: Session;
    let repA: Session;
    let repB: Session;
    const sessions = new Map<string, Session>();
    /** Objects of rep A (team 1), by the first path segment that addresses them. */
    const owned: Record<string, string> = {};
    let ownedText: string[] = [];

    before(async () => {
      t = await createTestApp(d.name);
      routes = (t as unknown as { routes: Route[] }).routes.filter((r) => r.url.startsWith('/api/'));
      admin = (await t.as(['admin'])).session;
      const teams = [];
      for (const name of ['华东一组', '华南二组']) teams.push((await t.req(admin, 'POST', '/api/v1/admin/teams', { name })).json().id as string);
      repA = (await t.as(['sales'], { teamId: teams[0] })).session;
      repB = (await t.as(['sales'], { teamId: teams[1] })).session;
      for (const role of roleKeys) sessions.set(role, (await t.as([role], { teamId: teams[1] })).session);

      const w = await orderWorld(t, admin, repA, { stock: 50 });
      owned.customers = w.customerId;
      const order = (await t.req(repA, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(30), lines: [{ productId: w.productId, qty: 2, unitPrice: 100_000 }], submit: true })).json().order;
      assert.equal(order.status, 'confirmed');
      owned.orders = order.id;
      const req = await t.req(repA, 'POST', '/api/v1/requirements', { customerId: w.customerId, title: '矩阵需求', items: [{ description: '外壳', qty: 1 }], dueDate: inDays(40) });
      assert.equal(req.statusCode, 201, req.body);
      owned.requirements = req.json().id;
      const file = await t.req(repA, 'POST', '/api/v1/files?name=spec.txt', Buffer.from('图纸说明'), { 'content-type': 'application/octet-stream' });
      assert.equal(file.statusCode, 201, file.body);
      owned.files = file.json().id;
      const link = await t.req(repA, 'POST', `/api/v1/orders/${order.id}/customer-link`, {});
      owned['customer-links'] = link.json().id;
      const s = await t.req(admin, 'POST', '/api/v1/shipments', { orderId: order.id, lines: [{ orderLineId: order.lines[0].id, qty: 1 }] });
      assert.equal(s.statusCode, 201, s.body);
      owned.shipments = s.json().id;
      const view = await t.req(repA, 'POST', '/api/v1/saved-views', { entity: 'orders', name: '我的加急单', query: { priority: 'urgent' } });
      assert.equal(view.statusCode, 201, view.body);
      owned['saved-views'] = view.json().id;
      ownedText = [...Object.values(owned), order.number];
    });
    after(() => t?.close());

    const call = (s: Session | null, r: Route, url = r.url, payload?: unknown) => t.req(s, r.method, url, r.method === 'GET' || r.method === 'DELETE' ? undefined : (payload ?? {}));
    const fill = (url: string) => url.replace(/:(\w+)/g, (_m, name: string) => (name === 'stage' ? 'review' : name === 'token' ? 'x'.repeat(43) : ID));

    test('only the listed routes answer without credentials; every other API route → 401', async () => {
      const open = routes.filter((r) => r.public).map((r) => `${r.method} ${r.url}`);
      assert.deepEqual(open.sort(), [...PUBLIC].sort(), 'a route became public (or stopped being): update PUBLIC deliberately');
      const leaks: string[] = [];
      for (const r of routes.filter((x) => !x.public && !x.url.startsWith('/api/docs'))) {
        const res = await call(null, r, fill(r.url));
        if (res.statusCode !== 401) leaks.push(`${r.method} ${r.url} → ${res.statusCode}`);
      }
      assert.deepEqual(leaks, []);
    });

    test('every role × every route whose permission the role lacks → 403', async () => {
      const wrong: string[] = [];
      let checked = 0;
      for (const role of seededRoles) {
        const s = sessions.get(role.key)!;
        for (const r of routes.filter((x) => x.permission && !(role.permissions as readonly string[]).includes(x.permission))) {
          checked += 1;
          const res = await call(s, r, fill(r.url));
          if (res.statusCode !== 403) wrong.push(`${role.key}: ${r.method} ${r.url} (${r.permission}) → ${res.statusCode}`);
        }
      }
      assert.ok(checked > 100, `only ${checked} combinations checked`);
      assert.deepEqual(wrong, []);
    });

    test("another team's sales rep reads nothing and changes nothing of rep A's objects, by any route", async () => {
      const snapshot = async () => {
        const db = t.db.handle.db;
        const rows = await Promise.all([
          db.selectFrom('customer').select(['version', 'updatedAt']).where('id', '=', owned.customers!).executeTakeFirst(),
          db.selectFrom('salesOrder').select(['version', 'updatedAt', 'status']).where('id', '=', owned.orders!).executeTakeFirst(),
          db.selectFrom('requirement').selectAll().where('id', '=', owned.requirements!).executeTakeFirst(),
          db.selectFrom('shipment').selectAll().where('id', '=', owned.shipments!).executeTakeFirst(),
          db.selectFrom('customerLink').selectAll().where('id', '=', owned['customer-links']!).executeTakeFirst(),
          db.selectFrom('savedView').selectAll().where('id', '=', owned['saved-views']!).executeTakeFirst(),
          db.selectFrom('event').select((eb) => eb.fn.countAll().as('n')).where('entityId', 'in', Object.values(owned)).executeTakeFirst(),
        ]);
        return JSON.stringify(rows);
      };
      const before = await snapshot();
      const leaks: string[] = [];
      let checked = 0;
      for (const r of routes.filter((x) => !x.public && !NOT_JSON(x.url))) {
        const m = /^\/api\/v1\/([\w-]+)\/:(\w+)/.exec(r.url);
        const target = m && owned[m[1]!];
        if (!target) continue;
        checked += 1;
        const url = fill(r.url.replace(`:${m![2]}`, target));
        for (const s of [repB, sessions.get('sales_manager')!, sessions.get('coordinator')!]) {
          const res = await call(s, r, url);
          if (res.statusCode < 300) leaks.push(`${r.method} ${url} → ${res.statusCode}`);
        }
      }
      assert.ok(checked >= 20, `only ${checked} routes addressed rep A's objects`);
      assert.deepEqual(leaks, []);
      assert.equal(await snapshot(), before, "a refused request changed rep A's data");
    });

    test("no list shows another team's objects to a sales rep, a team manager or a coordinator", async () => {
      const leaks: string[] = [];
      for (const r of routes.filter((x) => x.method === 'GET' && !x.public && !x.url.includes(':') && !NOT_JSON(x.url))) {
        for (const [who, s] of [['sales', repB], ['sales_manager', sessions.get('sales_manager')!], ['coordinator', sessions.get('coordinator')!]] as const) {
          const res = await call(s, r);
          if (res.statusCode >= 300) continue;
          for (const text of ownedText) if (res.body.includes(text)) leaks.push(`${who}: ${r.url} shows ${text}`);
        }
      }
      assert.deepEqual(leaks, []);
    });

    test('restricted fields never reach a role without the field right, in any list or detail', async () => {
      const leaks: string[] = [];
      for (const role of seededRoles.filter((x) => x.hiddenFields.length > 0)) {
        const keys = new Set(role.hiddenFields.flatMap((f) => RESTRICTED_KEYS[f] ?? []));
        const s = sessions.get(role.key)!;
        for (const r of routes.filter((x) => x.method === 'GET' && !x.public && !NOT_JSON(x.url))) {
          const m = /^\/api\/v1\/([\w-]+)\/:(\w+)/.exec(r.url);
          if (r.url.includes(':') && !(m && owned[m[1]!])) continue;
          const url = m ? fill(r.url.replace(`:${m[2]}`, owned[m[1]!]!)) : r.url;
          const res = await call(s, r, url);
          if (res.statusCode >= 300 || !res.headers['content-type']?.toString().includes('json')) continue;
          const found: string[] = [];
          collectKeys(res.json(), keys, found);
          for (const f of found) leaks.push(`${role.key}: ${url} ${f}`);
        }
      }
      assert.deepEqual(leaks, []);
    });
  });
}
