import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { groupCommitLimits, groupCommitStats, inTransaction, onCommit } from '../../src/server/platform/db/transaction.ts';
import { newId, nowIso } from '../../src/server/platform/ids.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

/** SQLite group commit: concurrent writers share one COMMIT, each in its own savepoint. */
describe('group commit [sqlite]', () => {
  let t: TestDb;
  const limits = { ...groupCommitLimits };
  before(async () => {
    t = await createTestDb('sqlite');
    groupCommitLimits.budgetMs = 60_000; // a loaded machine must not split the batches these tests build
  });
  after(async () => {
    Object.assign(groupCommitLimits, limits);
    await t?.drop();
  });

  const db = () => t.handle.db;
  const addTeam = (name: string) => (tx: Parameters<Parameters<typeof inTransaction>[1]>[0]) =>
    tx.insertInto('team').values({ id: newId(), name, managerId: null, createdAt: nowIso() } ).execute();
  const teams = async (prefix: string) => (await db().selectFrom('team').select('name').where('name', 'like', `${prefix}%`).execute()).map((r) => r.name).sort();

  test('50 concurrent writers: every write committed, in fewer transactions than writers', async () => {
    const s0 = { ...groupCommitStats(db())! };
    await Promise.all(Array.from({ length: 50 }, (_, i) => inTransaction(db(), addTeam(`并发组${String(i).padStart(2, '0')}`))));
    const s = groupCommitStats(db())!;
    assert.equal((await teams('并发组')).length, 50);
    assert.equal(s.callers - s0.callers, 50);
    assert.ok(s.transactions - s0.transactions < 50, `50 writers took ${s.transactions - s0.transactions} transactions`);
  });

  test('a writer that fails is rolled back alone and gets its own error; the others commit', async () => {
    const boom = new Error('boom');
    const s0 = { ...groupCommitStats(db())! };
    const results = await Promise.allSettled([
      inTransaction(db(), addTeam('隔离组A')),
      inTransaction(db(), async (tx) => {
        await addTeam('隔离组坏')(tx);
        throw boom;
      }),
      inTransaction(db(), async (tx) => {
        await addTeam('隔离组A')(tx); // unique name: a constraint violation inside the batch
        return 'never';
      }),
      inTransaction(db(), addTeam('隔离组B')),
    ]);
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    assert.equal((results[1] as PromiseRejectedResult).reason, boom);
    assert.deepEqual(await teams('隔离组'), ['隔离组A', '隔离组B']);
    assert.equal(groupCommitStats(db())!.transactions - s0.transactions, 1, 'all four ran in one transaction');
  });

  test('after-commit work runs for the writers that committed, after their commit, never for a failed one', async () => {
    const ran: string[] = [];
    const seen: number[] = [];
    await Promise.allSettled(
      ['钩子组1', '钩子组2', '钩子组3'].map((name, i) =>
        inTransaction(db(), async (tx) => {
          await addTeam(name)(tx);
          onCommit(tx, async () => {
            ran.push(name);
            seen.push((await teams(name)).length); // visible outside the transaction: committed
          });
          if (i === 1) throw new Error('fails after registering');
        }),
      ),
    );
    assert.deepEqual(ran.sort(), ['钩子组1', '钩子组3']);
    assert.deepEqual(seen, [1, 1]);
  });
});
