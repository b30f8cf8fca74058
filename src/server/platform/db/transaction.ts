import type { Db, Tx } from './database.ts';

type Afterwards = () => void | Promise<void>;
const afterCommit = new WeakMap<Tx, Afterwards[]>();

/**
 * The one way services write: `inTransaction(db, async (tx) => …)`. On SQLite it is a
 * `BEGIN IMMEDIATE` transaction (see database.ts); on PostgreSQL READ COMMITTED with
 * conditional updates doing the guarding. Work registered with `onCommit` runs only after
 * the commit succeeded (live pushes, worker wake-ups) and never inside the transaction.
 */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  let tx!: Tx;
  let result!: T;
  // PostgreSQL may pick this transaction as a deadlock victim (40P01) or fail it on a
  // serialization conflict (40001); nothing of it was committed, so it is safe to run again.
  for (let attempt = 1; ; attempt++) {
    try {
      result = await db.transaction().execute(async (t) => {
        tx = t;
        afterCommit.set(t, []);
        return fn(t);
      });
      break;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if ((code !== '40P01' && code !== '40001') || attempt >= 3) throw err;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
  for (const f of afterCommit.get(tx) ?? []) {
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
