import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { createTestDb, dialects, type TestDb } from '../../../../test/helpers/db.ts';
import { openDatabase, type DbHandle } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { enqueue, loadDeliveries } from './outbox.ts';
import { OutboxWorker, type OutboxHandler } from './worker.ts';

async function waitFor(what: string, fn: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

for (const d of await dialects()) {
  describe(`outbox worker [${d.name}]`, { skip: d.skip }, () => {
    let t: TestDb;
    before(async () => {
      t = await createTestDb(d.name);
    });
    after(() => t?.drop());

    test('a failing job backs off exponentially and is dead after maxAttempts', async () => {
      const id = await inTransaction(t.handle.db, (tx) => enqueue(tx, { channel: 'always-fails', topic: 't', payload: { n: 1 } }));
      let calls = 0;
      const worker = new OutboxWorker(t.handle, {
        handlers: {
          'always-fails': async () => {
            calls += 1;
            throw new Error(`boom ${calls}`);
          },
        },
        // Long enough that "right away" stays inside the backoff on a loaded machine.
        backoffMs: 200,
        pollMs: 60_000,
        maxAttempts: 4,
      });
      const gaps: number[] = [];
      for (let attempt = 1; attempt <= 4; attempt++) {
        const row = await t.handle.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        await sleep(Math.max(0, Date.parse(row.nextAttemptAt) - Date.now()) + 2);
        assert.equal(await worker.runOnce(), 1, `attempt ${attempt} claims the job once it is due`);
        const [after] = await loadDeliveries(t.handle.db, [id]);
        const last = after.attemptLog.at(-1)!;
        gaps.push(Date.parse(after.nextAttemptAt) - Date.parse(last.at));
        // Not due yet: a second run right away claims nothing.
        if (attempt < 4) assert.equal(await worker.runOnce(), 0);
      }
      const [row] = await loadDeliveries(t.handle.db, [id]);
      assert.equal(row.state, 'dead');
      assert.equal(row.attempts, 4);
      assert.equal(row.lastError, 'boom 4');
      assert.deepEqual(
        row.attemptLog.map((a) => [a.attempt, a.ok, a.error]),
        [
          [1, false, 'boom 1'],
          [2, false, 'boom 2'],
          [3, false, 'boom 3'],
          [4, false, 'boom 4'],
        ],
      );
      for (let i = 1; i < 3; i++) assert.ok(gaps[i] > gaps[i - 1], `backoff grows: ${gaps.join(', ')}`);
      assert.ok(gaps[0] >= 180 && gaps[2] >= 750, `about 200, 400, 800 ms: ${gaps.join(', ')}`);
      await sleep(200);
      assert.equal(await worker.runOnce(), 0, 'a dead job is never claimed again');
      assert.equal(calls, 4);
    });

    test('a job succeeds on a later attempt and is done with one ok attempt row', async () => {
      const id = await inTransaction(t.handle.db, (tx) => enqueue(tx, { channel: 'flaky', topic: 't', payload: {} }));
      let calls = 0;
      const worker = new OutboxWorker(t.handle, {
        handlers: {
          flaky: async () => {
            calls += 1;
            if (calls === 1) throw new Error('first try fails');
          },
        },
        backoffMs: 20,
        pollMs: 10,
      });
      worker.start();
      try {
        await waitFor('done', async () => (await loadDeliveries(t.handle.db, [id]))[0].state === 'done');
      } finally {
        await worker.stop();
      }
      const [row] = await loadDeliveries(t.handle.db, [id]);
      assert.deepEqual(
        row.attemptLog.map((a) => a.ok),
        [false, true],
      );
      assert.equal(row.lastError, null);
      assert.equal(calls, 2);
    });

    test('a slow delivery does not hold back the jobs claimed with it', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const done: string[] = [];
      const worker = new OutboxWorker(t.handle, {
        handlers: {
          slow: async () => {
            await gate;
            done.push('slow');
          },
          fast: async (job) => void done.push(String(job.payload.i)),
        },
        backoffMs: 20,
        pollMs: 10,
        batchSize: 3,
      });
      await inTransaction(t.handle.db, async (tx) => {
        await enqueue(tx, { channel: 'slow', topic: 't', payload: {} });
        for (let i = 0; i < 8; i++) await enqueue(tx, { channel: 'fast', topic: 't', payload: { i } });
      });
      worker.start();
      try {
        // With one of three slots stuck, the other two keep draining the queue.
        await waitFor('all fast jobs', async () => done.length === 8);
        assert.ok(!done.includes('slow'));
      } finally {
        release();
        await worker.stop();
      }
      assert.equal(done.at(-1), 'slow', 'stop() waits for the delivery in flight');
      const states = await t.handle.db.selectFrom('outbox').select('state').where('channel', 'in', ['slow', 'fast']).execute();
      assert.ok(states.every((r) => r.state === 'done'));
    });

    test('a worker claims only channels it has a handler for', async () => {
      const id = await inTransaction(t.handle.db, (tx) => enqueue(tx, { channel: 'nobody-here', topic: 't', payload: {} }));
      const worker = new OutboxWorker(t.handle, { handlers: { other: async () => {} }, backoffMs: 20, pollMs: 60_000 });
      assert.equal(await worker.runOnce(), 0);
      const [row] = await loadDeliveries(t.handle.db, [id]);
      assert.equal(row.state, 'pending');
      assert.equal(row.attempts, 0);
      await t.handle.db.deleteFrom('outbox').where('id', '=', id).execute();
    });

    test('enqueue with a taken dedupe key writes nothing and returns the first row id', async () => {
      const [a, b] = await inTransaction(t.handle.db, async (tx) => [
        await enqueue(tx, { channel: 'x', topic: 't', payload: 1, dedupeKey: 'same-key' }),
        await enqueue(tx, { channel: 'x', topic: 't', payload: 2, dedupeKey: 'same-key' }),
      ]);
      assert.equal(a, b);
      const rows = await t.handle.db.selectFrom('outbox').select('payload').where('dedupeKey', '=', 'same-key').execute();
      assert.deepEqual(
        rows.map((r) => r.payload),
        ['1'],
      );
    });

    /** Enqueues 200 jobs on `channel`, waits until all are done, returns their ids. */
    async function race(channel: string, drain: () => Promise<void>): Promise<string[]> {
      const ids = await inTransaction(t.handle.db, async (tx) => {
        const out: string[] = [];
        for (let i = 0; i < 200; i++) out.push(await enqueue(tx, { channel, topic: 't', payload: { i } }));
        return out;
      });
      await drain();
      await waitFor('all 200 done', async () => {
        const r = await t.handle.db
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('channel', '=', channel)
          .where('state', '=', 'done')
          .executeTakeFirstOrThrow();
        return Number(r.n) === 200;
      });
      const attempts = await t.handle.db
        .selectFrom('outboxAttempt')
        .innerJoin('outbox', 'outbox.id', 'outboxAttempt.outboxId')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('outbox.channel', '=', channel)
        .executeTakeFirstOrThrow();
      assert.equal(Number(attempts.n), 200, 'one attempt row per job');
      return ids;
    }

    // Each job takes 20 ms, so one worker alone needs ≥ 400 ms for the 200: long enough that
    // the other always gets a share, even when SQLite's busy backoff makes it wait a while.
    function assertEachRanOnce(ids: string[], runs: Map<string, number>, byWorker: number[]) {
      const wrong = ids.filter((id) => runs.get(id) !== 1).map((id) => `${id}×${runs.get(id) ?? 0}`);
      assert.deepEqual(wrong, [], 'every job ran exactly once');
      assert.equal(runs.size, 200);
      assert.ok(byWorker[0] > 0 && byWorker[1] > 0, `both workers took jobs: ${byWorker.join(' / ')}`);
    }

    test('two workers in separate processes drain 200 jobs, each run exactly once', async () => {
      const runs = new Map<string, number>();
      const byWorker = [0, 0];
      const child = fork(fileURLToPath(new URL('./worker.fixture.ts', import.meta.url)), [t.url, 'race-proc'], { execArgv: ['--import', 'tsx'] });
      const stopped = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      child.on('message', (m: { ran?: string }) => {
        if (!m.ran) return;
        runs.set(m.ran, (runs.get(m.ran) ?? 0) + 1);
        byWorker[1] += 1;
      });
      await new Promise<void>((resolve, reject) => {
        child.on('message', (m: { ready?: boolean }) => m.ready && resolve());
        child.on('exit', (code) => reject(new Error(`fixture exited with ${code}`)));
      });
      const local = new OutboxWorker(t.handle, {
        handlers: {
          'race-proc': async (job) => {
            runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
            byWorker[0] += 1;
            await sleep(20);
          },
        },
        backoffMs: 20,
        pollMs: 10,
        batchSize: 10,
      });
      try {
        // The child (already polling) runs alone and the local worker joins once it has run a job, so both
        // take a share whoever wins the lock races after that (a worker starting second into a
        // busy SQLite file can otherwise find every job claimed).
        const ids = await race('race-proc', async () => {
          await waitFor('the child ran a job', async () => byWorker[1] > 0);
          local.start();
        });
        await local.stop();
        child.send('stop');
        await stopped;
        assertEachRanOnce(ids, runs, byWorker);
      } finally {
        await local.stop();
        child.kill();
      }
    });

    // Two better-sqlite3 handles in one thread block each other (a synchronous busy wait
    // freezes the thread that holds the lock), so in-process this runs on PostgreSQL only.
    test('two workers with separate connection pools in one process, each job once', { skip: d.name === 'sqlite' && 'SQLite workers need separate processes' }, async () => {
      const second: DbHandle = openDatabase(t.url);
      const runs = new Map<string, number>();
      const byWorker = [0, 0];
      const handler =
        (w: number): OutboxHandler =>
        async (job) => {
          runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
          byWorker[w] += 1;
          await sleep(20);
        };
      const workers = [
        new OutboxWorker(t.handle, { handlers: { 'race-pool': handler(0) }, backoffMs: 20, pollMs: 10, batchSize: 10 }),
        new OutboxWorker(second, { handlers: { 'race-pool': handler(1) }, backoffMs: 20, pollMs: 10, batchSize: 10 }),
      ];
      try {
        const ids = await race('race-pool', async () => {
          workers[1].start();
          await waitFor('the second worker ran a job', async () => byWorker[1] > 0);
          workers[0].start();
        });
        assertEachRanOnce(ids, runs, byWorker);
      } finally {
        await Promise.all(workers.map((w) => w.stop()));
        await second.close();
      }
    });
  });
}
