/**
 * API fuzzing from the OpenAPI document: for every write endpoint with a JSON body, invalid
 * payloads derived from its schema (a property of the wrong type, out of range, too long,
 * missing, unknown; the body not an object; malformed JSON). No answer may be a 5xx, every
 * rejection must carry a stable code, and rejected requests must change nothing (row counts
 * of every table before and after). CI runs FUZZ_CASES=25 per endpoint; `npm run proof` 200.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type Session, type TestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/db.ts';
import { inDays, orderWorld } from '../orders/helpers.ts';
import { rng } from './proof-world.ts';

const CASES = Number(process.env.FUZZ_CASES ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
/** Tables that a rejected request may legitimately touch (a failed login is counted). */
const VOLATILE = new Set(['login_throttle', 'session', 'kysely_migration', 'kysely_migration_lock']);

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[]; anyOf?: Schema[]; oneOf?: Schema[]; nullable?: boolean; minimum?: number; maximum?: number; minLength?: number; maxLength?: number; maxItems?: number };

/** A plausible value for a schema (the mutations below then break one thing in it). */
function sample(s: Schema | undefined, depth = 0): unknown {
  if (!s || depth > 6) return null;
  if (s.enum) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return sample(alt.find((x) => x.type !== 'null') ?? alt[0], depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v, depth + 1)]));
    case 'array':
      return [sample(s.items, depth + 1)];
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    default:
      return null;
  }
}

/** Every property path of a sampled body, with the schema at that path. */
function paths(s: Schema | undefined, prefix: string[] = [], out: { path: string[]; schema: Schema; required: boolean }[] = [], depth = 0) {
  if (!s || depth > 5) return out;
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return paths(alt.find((x) => x.type !== 'null') ?? alt[0], prefix, out, depth + 1);
  if (s.properties) {
    for (const [k, v] of Object.entries(s.properties)) {
      out.push({ path: [...prefix, k], schema: v, required: (s.required ?? []).includes(k) });
      paths(v, [...prefix, k], out, depth + 1);
    }
  }
  if (s.items) paths(s.items, [...prefix, '0'], out, depth + 1);
  return out;
}

function setAt(body: unknown, path: string[], value: unknown, remove = false): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const k of path.slice(0, -1)) {
    if (!node[k] || typeof node[k] !== 'object') node[k] = {};
    node = node[k] as Record<string, unknown>;
  }
  if (remove) delete node[path.at(-1)!];
  else node[path.at(-1)!] = value;
  return copy;
}

/** A value that breaks the schema at a path: wrong type, out of range, too long, hostile text. */
function breaking(s: Schema, random: () => number): unknown {
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  const pool: unknown[] = [{ nested: { deeper: [1, 2, 3] } }, [1, 'two', null], 'x'.repeat(100_000), -1e308, 1e308, 1.0000001, true, '\u0000\ud800', "'; drop table customer; --", '<script>alert(1)</script>', '${7*7}{{7*7}}', 'ＡＢＣ　全角', Number.MAX_SAFE_INTEGER + 2];
  if (type === 'string') pool.push(123, s.maxLength !== undefined ? 'y'.repeat(s.maxLength + 1) : null);
  if (type === 'integer' || type === 'number') pool.push('12', 0.5, s.minimum !== undefined ? s.minimum - 1 : -1, s.maximum !== undefined ? s.maximum + 1 : 1e20);
  if (type === 'array') pool.push('not-an-array', Array.from({ length: (s.maxItems ?? 1000) + 1 }, () => sample(s.items)));
  if (type === 'object') pool.push('not-an-object', []);
  if (s.enum) pool.push('not_in_the_enum');
  if (!s.nullable) pool.push(null);
  return pool[Math.floor(random() * pool.length)];
}

function cases(schema: Schema, random: () => number, n: number): { label: string; payload: string }[] {
  const base = sample(schema);
  const props = paths(schema);
  const out: { label: string; payload: string }[] = [
    { label: 'malformed JSON', payload: '{"a": 1,' },
    { label: 'array body', payload: '[]' },
    { label: 'string body', payload: '"x"' },
    { label: 'null body', payload: 'null' },
    { label: 'unknown property', payload: JSON.stringify({ ...(base as object), zzUnknown: 1 }) },
  ];
  while (out.length < n && props.length) {
    const p = props[Math.floor(random() * props.length)]!;
    if (p.required && random() < 0.25) out.push({ label: `missing ${p.path.join('.')}`, payload: JSON.stringify(setAt(base, p.path, undefined, true)) });
    else {
      const v = breaking(p.schema, random);
      out.push({ label: `${p.path.join('.')} = ${JSON.stringify(v)?.slice(0, 40)}`, payload: JSON.stringify(setAt(base, p.path, v)) });
    }
  }
  return out.slice(0, Math.max(n, 5));
}

for (const d of await dialects()) {
  describe(`API fuzzing from the OpenAPI document [${d.name}]`, { skip: d.skip }, () => {
    let t: TestApp;
    let admin: Session;
    const ids: Record<string, string> = {};
    before(async () => {
      t = await createTestApp(d.name);
      admin = (await t.as(['admin'])).session;
      const rep = (await t.as(['sales'])).session;
      const w = await orderWorld(t, admin, rep, { stock: 20 });
      const o = (await t.req(rep, 'POST', '/api/v1/orders', { customerId: w.customerId, promisedDate: inDays(20), lines: [{ productId: w.productId, qty: 1, unitPrice: 100_000 }] })).json().order;
      Object.assign(ids, { customers: w.customerId, products: w.productId, warehouses: w.warehouseId, orders: o.id });
    });
    after(() => t?.close());

    async function rowCounts(): Promise<Record<string, number>> {
      const db = t.db.handle.db;
      const tables =
        t.db.handle.dialect === 'sqlite'
          ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)).rows.map((r) => r.name)
          : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(db)).rows.map((r) => r.name);
      const out: Record<string, number> = {};
      for (const name of tables.filter((x) => !VOLATILE.has(x)).sort()) out[name] = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db)).rows[0]!.n);
      return out;
    }

    test(`${CASES} invalid payloads per write endpoint (seed ${SEED}): no 5xx, every rejection a coded 4xx, nothing written`, { timeout: 600_000 }, async (ctx) => {
      const doc = (await t.req(admin, 'GET', '/api/openapi.json')).json() as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>> };
      const random = rng(SEED);
      const failures: string[] = [];
      let sent = 0;
      let endpoints = 0;
      for (const [path, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          const schema = op.requestBody?.content?.['application/json']?.schema;
          if (!['post', 'put', 'patch'].includes(method) || !schema) continue;
          endpoints += 1;
          const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
            const resource = /^\/api\/v1\/([\w-]+)\//.exec(path)?.[1] ?? '';
            return ids[resource] ?? (name === 'token' ? 'x'.repeat(43) : name === 'stage' ? 'review' : '0190aaaa-0000-7000-8000-000000000000');
          });
          const before = await rowCounts();
          let accepted = 0;
          for (const c of cases(schema, random, CASES)) {
            sent += 1;
            const res = await t.app.inject({ method: method.toUpperCase() as 'POST', url, payload: c.payload, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' } });
            if (res.statusCode >= 500) failures.push(`${method.toUpperCase()} ${path} [${c.label}] → ${res.statusCode} ${res.body.slice(0, 200)}`);
            else if (res.statusCode >= 400 && typeof res.json().code !== 'string') failures.push(`${method.toUpperCase()} ${path} [${c.label}] → ${res.statusCode} without a code`);
            else if (res.statusCode < 400) accepted += 1;
          }
          if (accepted === 0) {
            const afterCounts = await rowCounts();
            const changed = Object.keys(afterCounts).filter((k) => afterCounts[k] !== before[k]);
            if (changed.length) failures.push(`${method.toUpperCase()} ${path}: rejected requests changed ${changed.join(', ')}`);
          }
        }
      }
      ctx.diagnostic(JSON.stringify({ endpoints, sent, failures: failures.length }));
      assert.ok(endpoints >= 40, `only ${endpoints} write endpoints found in the OpenAPI document`);
      assert.deepEqual(failures, []);
    });
  });
}
