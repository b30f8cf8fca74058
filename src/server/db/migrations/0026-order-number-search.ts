import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../platform/db/dialect.ts';

/** Order numbers are reversed up to this length (patterns such as SO-{yyyyMMdd}-{seq:4} give 16). */
const NUMBER_MAX = 40;

/**
 * Searching the order list by number at 1,000,000 orders (bench/lists.bench.ts) without a
 * scan: a prefix ("SO-2026112") is a range on the unique number index; a suffix ("0042",
 * "1127-0042") is a prefix of the reversed number, which a trigger keeps in `number_rev`
 * (indexed) whoever writes the order; a PO number by its start. Not a generated column:
 * code that copies a whole order row into a new one must keep working. SQLite has no
 * reverse(): the trigger reverses character by character with substr().
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sales_order').addColumn('number_rev', 'text').execute();
  if (dialectOf(db) === 'postgres') {
    await sql`create function sales_order_number_rev() returns trigger language plpgsql as $$ begin new.number_rev := reverse(new.number); return new; end $$`.execute(db);
    await sql`create trigger sales_order_number_rev before insert or update of number on sales_order for each row execute function sales_order_number_rev()`.execute(db);
    await sql`update sales_order set number_rev = reverse(number)`.execute(db);
  } else {
    const rev = (col: string) => sql.raw(Array.from({ length: NUMBER_MAX }, (_, i) => `substr(${col}, ${NUMBER_MAX - i}, 1)`).join(' || '));
    await sql`create trigger sales_order_number_rev_insert after insert on sales_order begin update sales_order set number_rev = ${rev('new.number')} where id = new.id; end`.execute(db);
    await sql`create trigger sales_order_number_rev_update after update of number on sales_order begin update sales_order set number_rev = ${rev('new.number')} where id = new.id; end`.execute(db);
    await sql`update sales_order set number_rev = ${rev('number')}`.execute(db);
  }
  await db.schema.createIndex('sales_order_number_rev_idx').on('sales_order').column('number_rev').execute();
  await db.schema.createIndex('sales_order_customer_po_idx').on('sales_order').column('customer_po').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sales_order_customer_po_idx').execute();
  await db.schema.dropIndex('sales_order_number_rev_idx').execute();
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger sales_order_number_rev on sales_order`.execute(db);
    await sql`drop function sales_order_number_rev()`.execute(db);
  } else {
    await sql`drop trigger sales_order_number_rev_update`.execute(db);
    await sql`drop trigger sales_order_number_rev_insert`.execute(db);
  }
  await db.schema.alterTable('sales_order').dropColumn('number_rev').execute();
}
