import { sql, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf } from './dialect.ts';

const NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * A table to read from in raw SQL, through `index` on SQLite (`INDEXED BY`) and plainly on
 * PostgreSQL. For aggregates over a covering index: SQLite's planner otherwise picks an index
 * that saves the GROUP BY sort (or skip-scans another one) and then reads the table row by row,
 * 5–20 times slower at a million rows. PostgreSQL's cost model picks the covering index itself.
 */
export function tableVia(db: Kysely<any>, table: string, index: string): RawBuilder<unknown> {
  if (!NAME.test(table) || !NAME.test(index)) throw new Error(`not an identifier: ${table} / ${index}`);
  return sql.raw(dialectOf(db) === 'sqlite' ? `${table} indexed by ${index}` : table);
}

/**
 * Runs `read` with PostgreSQL told not to start parallel workers (in a transaction of its own,
 * `set local`), plainly on SQLite. For short reads through selective indexes that PostgreSQL
 * would still split over workers: starting them costs 30–50 ms on a small machine, the read 2.
 */
export async function withoutParallelWorkers<DB, T>(db: Kysely<DB>, read: (q: Kysely<DB>) => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'postgres' || db.isTransaction) return read(db);
  return db.transaction().execute(async (trx) => {
    await sql`set local max_parallel_workers_per_gather = 0`.execute(trx);
    return read(trx);
  });
}
