/**
 * Two real app servers on one PostgreSQL database, each with its inline worker: every job
 * runs once (SKIP LOCKED) and a notification produced through server A reaches a user whose
 * browser is connected to server B (LISTEN/NOTIFY).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { createTestDb, dialects, type TestDb } from '../helpers/db.ts';
import { freePorts } from '../helpers/net.ts';

const pg = (await dialects()).find((d) => d.name === 'postgres');

describe('two app servers on one PostgreSQL database', { skip: pg ? pg.skip : 'DIALECT excludes postgres' }, () => {
  let db: TestDb;
  const servers: ChildProcess[] = [];
  const urls: string[] = [];
  before(async () => {
    db = await createTestDb('postgres');
    for (const port of await freePorts(2)) {
      const child = spawn(process.execPath, ['bin/gendan.mjs', 'serve'], {
        env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), GENDAN_ADMIN_PASSWORD: 'admin1234', LOG_LEVEL: 'warn', GENDAN_OUTBOX_POLL_MS: '100' },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      servers.push(child);
      urls.push(`http://127.0.0.1:${port}`);
    }
    for (const u of urls) {
      for (let i = 0; i < 150; i++) {
        if (await fetch(`${u}/api/health`).then((r) => r.ok, () => false)) break;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  });
  after(async () => {
    for (const s of servers) s.kill('SIGTERM');
    await Promise.all(servers.map((s) => new Promise((r) => (s.exitCode !== null ? r(null) : s.once('exit', r)))));
    await db?.drop();
  });

  const login = async (base: string, username: string, password: string) => {
    const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    assert.equal(r.status, 200, await r.clone().text());
    return { cookie: r.headers.get('set-cookie')!.split(';')[0], csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
  };

  test('20 notifications made through A: delivered once each, pushed live to the user on B', async () => {
    const [a, b] = urls;
    const admin = await login(a, 'admin', 'admin1234');
    const h = { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' };
    const user = await fetch(`${a}/api/v1/admin/users`, { method: 'POST', headers: h, body: JSON.stringify({ username: 'rep_b', displayName: '乙', password: 'passw0rd!', roles: ['sales'] }) }).then((r) => r.json() as Promise<{ id: string }>);
    const rep = await login(b, 'rep_b', 'passw0rd!');

    const controller = new AbortController();
    const sse = await fetch(`${b}/api/v1/events`, { headers: { cookie: rep.cookie }, signal: controller.signal });
    assert.equal(sse.status, 200);
    const received: string[] = [];
    const reading = (async () => {
      const decoder = new TextDecoder();
      let buf = '';
      try {
        for await (const chunk of sse.body as unknown as AsyncIterable<Uint8Array>) {
          buf += decoder.decode(chunk, { stream: true });
          let i;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const frame = buf.slice(0, i);
            buf = buf.slice(i + 2);
            if (frame.includes('event: notification')) received.push(frame);
          }
        }
      } catch {
        /* aborted */
      }
    })();
    await new Promise((r) => setTimeout(r, 300));

    for (let i = 0; i < 20; i++) {
      const r = await fetch(`${a}/api/v1/customers`, { method: 'POST', headers: h, body: JSON.stringify({ name: `双机客户${i}`, ownerId: user.id }) });
      assert.equal(r.status, 201);
    }
    for (let i = 0; i < 100 && received.length < 20; i++) await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    await reading;
    assert.equal(received.length, 20, 'every notification reached the browser on the other server');

    const q = db.handle.db;
    const notes = await q.selectFrom('notification').select((eb) => eb.fn.countAll().as('n')).where('userId', '=', user.id).executeTakeFirstOrThrow();
    assert.equal(Number(notes.n), 20, 'stored once each');
    const attempts = await q.selectFrom('outboxAttempt').innerJoin('outbox', 'outbox.id', 'outboxAttempt.outboxId').select((eb) => eb.fn.countAll().as('n')).where('outbox.topic', '=', 'customer.assigned').executeTakeFirstOrThrow();
    assert.equal(Number(attempts.n), 20, 'each job ran exactly once across both workers');
  });
});
