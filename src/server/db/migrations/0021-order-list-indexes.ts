import type { Kysely } from 'kysely';

/**
 * Indexes the order list needs at 1,000,000 orders (bench/lists.bench.ts): a rep's own
 * orders by status in id order, and a priority over a created-date range.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('sales_order_owner_status_idx').on('sales_order').columns(['owner_id', 'status', 'id']).execute();
  await db.schema.createIndex('sales_order_priority_created_idx').on('sales_order').columns(['priority', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sales_order_priority_created_idx').execute();
  await db.schema.dropIndex('sales_order_owner_status_idx').execute();
}
