import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../platform/db/dialect.ts';

/**
 * Free-text order search (a customer name, a PO's middle) at 1,000,000 orders: the list's
 * substring match on number and PO read every order that did not match — 4 s on PostgreSQL for
 * a text no order holds (issue 8, lists target p99 < 50 ms). Trigram indexes answer a substring
 * of 3 or more characters instead:
 * - PostgreSQL: pg_trgm (a contrib extension, trusted since PostgreSQL 13: a database owner may
 *   create it) GIN indexes on `lower(number)`, `lower(customer_po)` and `lower(customer.name)`,
 *   which the LIKE of the search uses as it is;
 * - SQLite: an FTS5 trigram table over number and PO (`order_text`, content read from
 *   `sales_order` by rowid), kept by triggers. SQLite may renumber a table's rowids on VACUUM:
 *   after one, `insert into order_text(order_text) values ('rebuild')` (Gendan never vacuums).
 * The list reads candidates from these and checks each again with the original LIKE.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index sales_order_number_trgm_idx on sales_order using gin (lower(number) gin_trgm_ops)`.execute(db);
    await sql`create index sales_order_po_trgm_idx on sales_order using gin (lower(customer_po) gin_trgm_ops)`.execute(db);
    await sql`create index customer_name_trgm_idx on customer using gin (lower(name) gin_trgm_ops)`.execute(db);
    return;
  }
  await sql`create virtual table order_text using fts5(number, customer_po, content = 'sales_order', content_rowid = 'rowid', tokenize = 'trigram case_sensitive 0')`.execute(db);
  await sql`insert into order_text(order_text) values ('rebuild')`.execute(db);
  const add = sql`insert into order_text (rowid, number, customer_po) values (new.rowid, new.number, new.customer_po);`;
  const remove = sql`insert into order_text (order_text, rowid, number, customer_po) values ('delete', old.rowid, old.number, old.customer_po);`;
  await sql`create trigger order_text_insert after insert on sales_order begin ${add} end`.execute(db);
  await sql`create trigger order_text_update after update of number, customer_po on sales_order begin ${remove} ${add} end`.execute(db);
  await sql`create trigger order_text_delete after delete on sales_order begin ${remove} end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    for (const i of ['customer_name_trgm_idx', 'sales_order_po_trgm_idx', 'sales_order_number_trgm_idx']) await db.schema.dropIndex(i).execute();
    return;
  }
  for (const t of ['insert', 'update', 'delete']) await sql.raw(`drop trigger order_text_${t}`).execute(db);
  await sql`drop table order_text`.execute(db);
}
