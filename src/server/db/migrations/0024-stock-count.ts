import { sql, type Kysely } from 'kysely';
import { adjustmentRequestStatuses, stockCountStatuses } from '../../../contracts/inventory.ts';
import { sqlIn } from '../../platform/db/dialect.ts';

/**
 * Stock counts (盘点): a header per warehouse and a line per product holding the on-hand
 * snapshot, the counted quantity and — once posted — the on hand at posting and the variance
 * booked. Adjustment requests: adjustments above the admin threshold wait here for an approver
 * and touch the ledger only when approved. Quantities are thousandths.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('stock_count')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouse.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', stockCountStatuses)))
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('posted_by', 'text')
    .addColumn('posted_at', 'text')
    .execute();
  await s.createIndex('stock_count_warehouse_idx').on('stock_count').columns(['warehouse_id', 'id']).execute();

  await s
    .createTable('stock_count_line')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('count_id', 'text', (c) => c.notNull().references('stock_count.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('snapshot_qty', 'bigint', (c) => c.notNull())
    .addColumn('counted_qty', 'bigint')
    .addColumn('posted_on_hand', 'bigint')
    .addColumn('posted_variance', 'bigint')
    .addColumn('movement_id', 'text')
    .addUniqueConstraint('stock_count_line_product_key', ['count_id', 'product_id'])
    .addCheckConstraint('stock_count_line_counted_qty_check', sql`counted_qty is null or counted_qty >= 0`)
    .execute();

  await s
    .createTable('adjustment_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouse.id'))
    .addColumn('qty', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', adjustmentRequestStatuses)))
    .addColumn('requested_by', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('movement_id', 'text')
    .execute();
  await s.createIndex('adjustment_request_status_idx').on('adjustment_request').columns(['status', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('adjustment_request').execute();
  await db.schema.dropTable('stock_count_line').execute();
  await db.schema.dropTable('stock_count').execute();
}
