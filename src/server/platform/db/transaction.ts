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
  const result = await db.transaction().execute(async (t) => {
    tx = t;
    afterCommit.set(t, []);
    return fn(t);
  });
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
