import type { Kysely } from 'kysely';
import { shipmentStatuses } from '../../../contracts/shipping.ts';
import { sqlIn } from '../../platform/db/dialect.ts';

/** Shipments (partial and several per order), their lines and carrier tracking events. */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s.alterTable('order_line').addColumn('shipped_qty', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await s
    .createTable('shipment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'text', (c) => c.notNull().references('sales_order.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', shipmentStatuses)))
    .addColumn('ship_to', 'text')
    .addColumn('carrier', 'text')
    .addColumn('tracking_number', 'text')
    .addColumn('eta', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('dispatched_at', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('receipt', 'text')
    .execute();
  await s.createIndex('shipment_order_idx').on('shipment').column('order_id').execute();
  await s.createIndex('shipment_tracking_idx').on('shipment').columns(['carrier', 'tracking_number']).execute();
  await s
    .createTable('shipment_line')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shipment_id', 'text', (c) => c.notNull().references('shipment.id').onDelete('cascade'))
    .addColumn('order_line_id', 'text', (c) => c.notNull().references('order_line.id'))
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull())
    .addColumn('qty', 'bigint', (c) => c.notNull())
    .execute();
  await s.createIndex('shipment_line_shipment_idx').on('shipment_line').column('shipment_id').execute();
  await s
    .createTable('tracking_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shipment_id', 'text', (c) => c.notNull().references('shipment.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('description', 'text')
    .addColumn('raw', 'text')
    .execute();
  await s.createIndex('tracking_event_shipment_idx').on('tracking_event').columns(['shipment_id', 'at']).execute();
}
