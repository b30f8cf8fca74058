import { sql, type Kysely } from 'kysely';
import { noticeChannels } from '../../../contracts/shipping.ts';
import { sqlIn } from '../../platform/db/dialect.ts';

/**
 * Stage 4, second round: cancelling a shipment, packages (packing list), lane ETAs and the
 * no-movement scan, and the admin-edited customer notice templates.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  // SQLite adds one column per ALTER TABLE.
  for (const col of ['cancelled_at', 'cancel_reason', 'origin_province', 'dest_province', 'eta_source', 'last_movement_at', 'movement_alerted_at']) {
    await s.alterTable('shipment').addColumn(col, 'text').execute();
  }
  // The scan for silent shipments: per status, the not-yet-alerted ones by last movement.
  await s.createIndex('shipment_movement_idx').on('shipment').columns(['status', 'movement_alerted_at', 'last_movement_at']).execute();
  // Lane transit times: delivered shipments per destination province.
  await s.createIndex('shipment_lane_idx').on('shipment').columns(['dest_province', 'status', 'delivered_at']).execute();
  await db
    .updateTable('shipment')
    .set({ last_movement_at: sql`coalesce((select max(te.at) from tracking_event te where te.shipment_id = shipment.id), dispatched_at)` })
    .where('dispatched_at', 'is not', null)
    .execute();

  await s
    .createTable('shipment_package')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shipment_id', 'text', (c) => c.notNull().references('shipment.id').onDelete('cascade'))
    .addColumn('no', 'integer', (c) => c.notNull())
    /** Grams, so kilograms with three decimals stay exact. */
    .addColumn('weight_g', 'bigint', (c) => c.notNull())
    /** Millimetres (centimetres with one decimal). */
    .addColumn('length_mm', 'integer')
    .addColumn('width_mm', 'integer')
    .addColumn('height_mm', 'integer')
    .addUniqueConstraint('shipment_package_no_key', ['shipment_id', 'no'])
    .execute();
  await s
    .createTable('shipment_package_line')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('package_id', 'text', (c) => c.notNull().references('shipment_package.id').onDelete('cascade'))
    .addColumn('shipment_id', 'text', (c) => c.notNull())
    .addColumn('order_line_id', 'text', (c) => c.notNull())
    .addColumn('qty', 'bigint', (c) => c.notNull())
    .execute();
  await s.createIndex('shipment_package_line_shipment_idx').on('shipment_package_line').column('shipment_id').execute();

  await s
    .createTable('notice_template')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sqlIn('channel', noticeChannels)))
    .addColumn('locale', 'text', (c) => c.notNull().check(sqlIn('locale', ['zh-CN', 'en-US'])))
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_template_pkey', ['key', 'channel', 'locale'])
    .execute();
}
