import { sql, SqliteAdapter, type KyselyPlugin } from 'kysely';
import type { Db, Tx } from './database.ts';

type Afterwards = () => void | Promise<void>;
const afterCommit = new WeakMap<Tx, Afterwards[]>();

/**
 * The one way services write: `inTransaction(db, async (tx) => …)`. On SQLite it is a
 * `BEGIN IMMEDIATE` transaction (see database.ts) shared by concurrent callers through
 * group commit (below); on PostgreSQL READ COMMITTED with conditional updates doing the
 * guarding. Work registered with `onCommit` runs only after the commit succeeded (live
 * pushes, worker wake-ups) and never inside the transaction.
 */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const { result, hooks } = isSqlite(db) ? await groupCommit(db).run(fn) : await onPostgres(db, fn);
  for (const f of hooks) {
    try {
      await f();
    } catch {
      /* after-commit work is best effort; durable effects go through the outbox */
    }
  }
  return result;
}

export function onCommit(tx: Tx, f: Afterwards): void {
  const list = afterCommit.get(tx);
  if (list) list.push(f);
  else void Promise.resolve().then(f);
}

interface Done<T> {
  result: T;
  hooks: Afterwards[];
}

/** PostgreSQL may pick a transaction as a deadlock victim (40P01) or fail it on a serialization conflict (40001); nothing of it was committed, so it is safe to run again. */
async function onPostgres<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<Done<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      let hooks: Afterwards[] = [];
      const result = await db.transaction().execute(async (t) => {
        hooks = [];
        afterCommit.set(t, hooks);
        return fn(t);
      });
      return { result, hooks };
    } catch (err) {
      const code = (err as { code?: string }).code;
      if ((code !== '40P01' && code !== '40001') || attempt >= 3) throw err;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
}

const sqliteDbs = new WeakMap<Db, boolean>();
function isSqlite(db: Db): boolean {
  let v = sqliteDbs.get(db);
  if (v === undefined) sqliteDbs.set(db, (v = db.getExecutor().adapter instanceof SqliteAdapter));
  return v;
}

interface Job {
  fn: (tx: Tx) => Promise<unknown>;
  resolve: (d: Done<unknown>) => void;
  reject: (err: unknown) => void;
}

/** A batch stops taking callers after this much work (ms) or this many callers, so its members' latency stays bounded. */
export const groupCommitLimits = { budgetMs: 20, maxCallers: 64 };
/** Gives each caller in a batch a Tx of its own (its own after-commit list); does nothing to queries. */
const ownTx: KyselyPlugin = { transformQuery: (a) => a.node, transformResult: async (a) => a.result };

/**
 * Group commit (SQLite): one connection serializes every write anyway, and the COMMIT's
 * fsync costs as much as a whole order's statements. Callers that arrive while a
 * transaction runs are queued and run one after another in the next transaction, each
 * inside a SAVEPOINT: a caller that fails is rolled back to its savepoint alone and told
 * at once; the others are answered only after the one COMMIT is durable. So nothing is
 * acknowledged before it is on disk, and N concurrent writers pay one fsync.
 */
class GroupCommit {
  private queue: Job[] = [];
  private running = false;
  /** Transactions committed and callers they carried (figures for tests and benchmarks). */
  readonly stats = { transactions: 0, callers: 0 };
  constructor(private readonly db: Db) {}

  run<T>(fn: (tx: Tx) => Promise<T>): Promise<Done<T>> {
    return new Promise<Done<T>>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as Job['resolve'], reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain() {
    this.running = true;
    try {
      while (this.queue.length) {
        await this.batch();
        // Let new requests be read (and queue up) before the next transaction starts.
        if (this.queue.length) await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.running = false;
    }
  }

  private async batch() {
    const done: { job: Job; result: unknown; hooks: Afterwards[] }[] = [];
    const first = this.queue.shift()!;
    let inFlight: Job | null = first;
    try {
      await this.db.transaction().execute(async (trx) => {
        if (!this.queue.length) {
          // Alone: no savepoint needed; a failure rolls the whole transaction back.
          const hooks: Afterwards[] = [];
          afterCommit.set(trx, hooks);
          done.push({ job: first, result: await first.fn(trx), hooks });
          inFlight = null;
          return;
        }
        const started = performance.now();
        for (let job: Job | undefined = first, n = 1; job; job = this.next(started, ++n)) {
          inFlight = job;
          const tx = trx.withPlugin(ownTx);
          const hooks: Afterwards[] = [];
          afterCommit.set(tx, hooks);
          await sql`savepoint member`.execute(trx);
          try {
            const result = await job.fn(tx);
            await sql`release member`.execute(trx);
            done.push({ job, result, hooks });
          } catch (err) {
            // Undo this caller only. If SQLite already rolled the whole transaction back
            // (disk full, I/O error), that fails and the batch fails as a whole.
            await sql`rollback to member`.execute(trx).catch(() => Promise.reject(err));
            await sql`release member`.execute(trx);
            job.reject(err);
          }
        }
        inFlight = null;
      });
    } catch (err) {
      // Nothing of this transaction is committed: its members all fail with the error.
      for (const d of done) if (d.job !== inFlight) d.job.reject(err);
      inFlight?.reject(err);
      return;
    }
    this.stats.transactions++;
    this.stats.callers += done.length;
    for (const d of done) d.job.resolve({ result: d.result, hooks: d.hooks });
  }

  private next(started: number, n: number): Job | undefined {
    if (n > groupCommitLimits.maxCallers || performance.now() - started > groupCommitLimits.budgetMs) return undefined;
    return this.queue.shift();
  }
}

/** SQLite: how many transactions carried how many callers (PostgreSQL: none). */
export const groupCommitStats = (db: Db) => (isSqlite(db) ? groupCommit(db).stats : null);

const batchers = new WeakMap<Db, GroupCommit>();
function groupCommit(db: Db): GroupCommit {
  let g = batchers.get(db);
  if (!g) batchers.set(db, (g = new GroupCommit(db)));
  return g;
}
