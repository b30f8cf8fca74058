import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import type { LiveMessage } from '../../src/server/platform/live.ts';
import { LiveHub } from '../../src/server/platform/live.ts';
import { createTestDb, dialects, type TestDb } from '../helpers/db.ts';
import { waitFor } from './helpers.ts';

test('LiveHub without PostgreSQL delivers in process, per user', async () => {
  const hub = new LiveHub();
  const got: LiveMessage[] = [];
  const off = hub.subscribe('u1', (m) => got.push(m));
  hub.subscribe('u2', () => assert.fail('u2 must not receive u1 messages'));
  await hub.publish({ userId: 'u1', type: 'notification', data: { n: 1 } });
  assert.deepEqual(got, [{ userId: 'u1', type: 'notification', data: { n: 1 } }]);
  off();
  await hub.publish({ userId: 'u1', type: 'notification', data: { n: 2 } });
  assert.equal(got.length, 1);
  await hub.close();
});

const pgDialect = (await dialects()).find((d) => d.name === 'postgres');

describe('LiveHub on PostgreSQL (LISTEN/NOTIFY)', { skip: pgDialect ? pgDialect.skip : 'DIALECT excludes postgres' }, () => {
  let t: TestDb;
  // Two "servers": each its own pool and its own LISTEN connection.
  const pools: pg.Pool[] = [];
  const hubs: LiveHub[] = [];

  before(async () => {
    t = await createTestDb('postgres');
    for (let i = 0; i < 2; i++) {
      const pool = new pg.Pool({ connectionString: t.url, max: 2 });
      const hub = new LiveHub();
      await hub.connectPostgres(t.url, pool);
      pools.push(pool);
      hubs.push(hub);
    }
  });
  after(async () => {
    await Promise.all(hubs.map((h) => h.close()));
    await Promise.all(pools.map((p) => p.end()));
    await t?.drop();
  });

  test('a publish on one hub reaches a subscriber on the other, and only that user', async () => {
    const [a, b] = hubs;
    const onB: LiveMessage[] = [];
    const onBOther: LiveMessage[] = [];
    const offB = b.subscribe('user-1', (m) => onB.push(m));
    const offOther = b.subscribe('user-2', (m) => onBOther.push(m));
    try {
      await a.publish({ userId: 'user-1', type: 'notification', data: { title: '订单已发货', n: 1 } });
      await waitFor('message on hub B', () => onB.length === 1, 5_000);
      assert.deepEqual(onB[0], { userId: 'user-1', type: 'notification', data: { title: '订单已发货', n: 1 } });
      assert.equal(onBOther.length, 0);
    } finally {
      offB();
      offOther();
    }
  });

  test('a payload too big for NOTIFY arrives as a truncated marker instead of failing', async () => {
    const [a, b] = hubs;
    const got: LiveMessage[] = [];
    const off = b.subscribe('user-big', (m) => got.push(m));
    try {
      await a.publish({ userId: 'user-big', type: 'order.updated', data: { blob: 'x'.repeat(10_000) } });
      await waitFor('marker', () => got.length === 1, 5_000);
      assert.deepEqual(got[0], { userId: 'user-big', type: 'order.updated', data: { truncated: true } });
    } finally {
      off();
    }
  });

  test('the listener reconnects after its connection is killed', async () => {
    const [a, b] = hubs;
    const got: LiveMessage[] = [];
    const off = b.subscribe('user-r', (m) => got.push(m));
    try {
      const admin = new pg.Client({ connectionString: t.url });
      await admin.connect();
      // Kill every LISTEN connection on this database (both hubs' listeners).
      const killed = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'LISTEN%' and pid <> pg_backend_pid()`);
      await admin.end();
      assert.equal(killed.rowCount, 2);
      await waitFor(
        'a message after the reconnect',
        async () => {
          await a.publish({ userId: 'user-r', type: 'ping', data: {} });
          return got.length > 0;
        },
        10_000,
      );
    } finally {
      off();
    }
  });
});
