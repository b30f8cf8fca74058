import { sql, type Kysely } from 'kysely';
import { sqlIn } from '../../platform/db/dialect.ts';

export const movementTypes = ['receipt', 'issue', 'adjustment', 'transfer_out', 'transfer_in', 'count'] as const;
export const reservationStates = ['active', 'released', 'consumed'] as const;

/**
 * Stock as a ledger (DESIGN.md "The spine"): every movement is a row; `stock` keeps the
 * counters (on hand, reserved) that `gendan check-ledger` proves against the ledger.
 * The CHECK makes overselling impossible even for a buggy caller.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('warehouse')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('stock')
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouse.id'))
    .addColumn('on_hand', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('reserved', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_pkey', ['product_id', 'warehouse_id'])
    .addCheckConstraint('stock_reserved_check', sql`reserved >= 0 and reserved <= on_hand`)
    .execute();
  await s
    .createTable('stock_movement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull().check(sqlIn('type', movementTypes)))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouse.id'))
    .addColumn('qty', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('ref_type', 'text')
    .addColumn('ref_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('stock_movement_product_idx').on('stock_movement').columns(['product_id', 'warehouse_id', 'id']).execute();
  await s
    .createTable('reservation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('order_line_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouse.id'))
    .addColumn('qty', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sqlIn('state', reservationStates)))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await s.createIndex('reservation_order_idx').on('reservation').columns(['order_id', 'state']).execute();
  await s.createIndex('reservation_stock_idx').on('reservation').columns(['product_id', 'warehouse_id', 'state']).execute();
}
