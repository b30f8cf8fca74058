import { PostgresAdapter, sql, type Kysely, type SelectQueryBuilder } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** CHECK (col IN (...)) from a status list, so each list is written once. */
export function sqlIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

/**
 * Row claiming for job queues. PostgreSQL: `FOR UPDATE SKIP LOCKED`, so concurrent workers
 * never take the same row. SQLite: write transactions are `BEGIN IMMEDIATE`, already
 * serialized across connections and processes, so the plain select is safe.
 */
export function forUpdateSkipLocked<DB, TB extends keyof DB, O>(
  dialect: DialectName,
  qb: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return dialect === 'postgres' ? qb.forUpdate().skipLocked() : qb;
}

/**
 * Row locks for a transaction that writes several rows: PostgreSQL `FOR UPDATE` takes them in
 * the query's ORDER BY order, so transactions that lock their rows up front in one agreed
 * order cannot deadlock. SQLite: write transactions are `BEGIN IMMEDIATE`, already
 * serialized, so the plain select is enough.
 */
export function forUpdate<DB, TB extends keyof DB, O>(dialect: DialectName, qb: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return dialect === 'postgres' ? qb.forUpdate() : qb;
}

/** True when the error is a unique-constraint violation on either dialect. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** JSON text columns: one place to read and write them. */
export const json = {
  write: (v: unknown) => JSON.stringify(v ?? null),
  read: <T>(v: string | null | undefined, fallback: T): T => (v == null ? fallback : (JSON.parse(v) as T)),
};

export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Column type for binary content: bytea on PostgreSQL, blob on SQLite. */
export const binaryType = (db: Kysely<any>) => (dialectOf(db) === 'postgres' ? 'bytea' : 'blob');
