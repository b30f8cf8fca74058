import { CompiledQuery } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inChunks } from './chunks.ts';
import type { Tx } from './database.ts';

/**
 * Multi-row INSERTs compiled by Kysely once per shape (table, columns, row count) and then run
 * with the next chunk's parameters: building a 500-row × 19-column statement is a good part of a
 * chunk's CPU and most of its garbage, 200 times per 100,000-row import. The SQL and parameters
 * are exactly what `insertInto(table).values(rows)` gives — checked on each shape's first chunk;
 * a shape that does not match (or a row with an undefined value) simply takes the builder.
 * `insert(table, rows, size)` writes `rows` `size` rows per statement.
 */
export function chunkInserts(tx: Tx) {
  const sqlOf = new Map<string, string | null>();
  const one = async (table: keyof Database, rows: object[]) => {
    const cols = Object.keys(rows[0]!);
    const params: unknown[] = new Array(rows.length * cols.length);
    let k = 0;
    let plain = true;
    for (const r of rows as Record<string, unknown>[]) {
      for (const c of cols) if ((params[k++] = r[c]) === undefined) plain = false;
      if (Object.keys(r).length !== cols.length) plain = false;
    }
    const key = `${table}:${rows.length}:${cols.join(',')}`;
    const sql = plain ? sqlOf.get(key) : null;
    if (sql) return void (await tx.executeQuery(CompiledQuery.raw(sql, params)));
    const compiled = tx.insertInto(table).values(rows as never).compile();
    if (plain && sql === undefined) sqlOf.set(key, compiled.parameters.length === params.length && compiled.parameters.every((v, i) => v === params[i]) ? compiled.sql : null);
    await tx.executeQuery(compiled);
  };
  return async (table: keyof Database, rows: object[], size = rows.length) => {
    for (const part of inChunks(rows, size)) await one(table, part);
  };
}
