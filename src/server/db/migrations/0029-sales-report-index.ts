import { sql, type Kysely, type SqlBool } from 'kysely';

/**
 * The sales report (issue 8) at 1,000,000 orders without a scan of the table: a partial index
 * of only the orders that count as sales (confirmed, not cancelled: `confirmed_at` is set by
 * the confirm transition and never cleared), ordered by the order date and carrying every
 * column the report reads, so each month is a range of one index read without the table
 * (index-only on PostgreSQL once vacuumed, a covering index on SQLite). The report's WHERE
 * repeats the predicate word for word: that is how both planners match a partial index.
 */
const predicate = sql<SqlBool>`confirmed_at is not null and status <> 'cancelled'`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('sales_order_sales_report_idx')
    .on('sales_order')
    .columns(['created_at', 'customer_id', 'owner_id', 'net', 'gross'])
    .where(predicate)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sales_order_sales_report_idx').execute();
}
