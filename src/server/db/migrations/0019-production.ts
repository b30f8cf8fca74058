import { sql, type Kysely } from 'kysely';
import { operationStates, workCenterStates, workOrderStatuses } from '../../../contracts/production.ts';
import { sqlIn } from '../../platform/db/dialect.ts';

/**
 * Production: work centers (capacity per working day, up/down), routings per product
 * (ordered operations), work orders with their operations (copied from the routing when the
 * order is made, so a later routing change does not rewrite work in progress), progress
 * reports as an append-only ledger, and the scheduler's results on the order line.
 * Quantities are thousandths; run time per unit is thousandths of a minute.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('work_center')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('capacity_minutes', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('up').check(sqlIn('state', workCenterStates)))
    .addColumn('down_reason', 'text')
    .addColumn('down_since', 'text')
    .addColumn('expected_up_at', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('work_center_capacity_minutes_check', sql`capacity_minutes >= 0 and capacity_minutes <= 1440`)
    .execute();

  await s
    .createTable('routing_operation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('work_center_id', 'text', (c) => c.notNull().references('work_center.id'))
    .addColumn('setup_minutes', 'integer', (c) => c.notNull())
    .addColumn('run_milli_minutes', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('routing_operation_seq_key', ['product_id', 'seq'])
    .addCheckConstraint('routing_operation_times_check', sql`setup_minutes >= 0 and run_milli_minutes >= 0`)
    .execute();

  await s
    .createTable('work_order')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'text')
    .addColumn('order_line_id', 'text')
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('warehouse_id', 'text', (c) => c.references('warehouse.id'))
    .addColumn('qty', 'bigint', (c) => c.notNull())
    .addColumn('received_qty', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', workOrderStatuses)))
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('planned_start', 'text')
    .addColumn('planned_finish', 'text')
    .addColumn('at_risk', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bottleneck_work_center_id', 'text')
    // The order line's id while the work order is open, null once done or cancelled: one open work order per line under any concurrency.
    .addColumn('open_line_key', 'text', (c) => c.unique())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('released_at', 'text')
    .addColumn('completed_at', 'text')
    .addCheckConstraint('work_order_qty_check', sql`qty > 0`)
    .execute();
  await s.createIndex('work_order_status_idx').on('work_order').columns(['status', 'id']).execute();
  await s.createIndex('work_order_order_idx').on('work_order').columns(['order_id']).execute();
  await s.createIndex('work_order_product_idx').on('work_order').columns(['product_id', 'status']).execute();

  await s
    .createTable('work_order_operation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('work_order_id', 'text', (c) => c.notNull().references('work_order.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('work_center_id', 'text', (c) => c.notNull().references('work_center.id'))
    .addColumn('setup_minutes', 'integer', (c) => c.notNull())
    .addColumn('run_milli_minutes', 'bigint', (c) => c.notNull())
    .addColumn('good_qty', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('scrap_qty', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending').check(sqlIn('state', operationStates)))
    .addColumn('planned_start', 'text')
    .addColumn('planned_finish', 'text')
    .addUniqueConstraint('work_order_operation_seq_key', ['work_order_id', 'seq'])
    .addCheckConstraint('work_order_operation_qty_check', sql`good_qty >= 0 and scrap_qty >= 0`)
    .execute();
  await s.createIndex('work_order_operation_center_idx').on('work_order_operation').columns(['work_center_id', 'state']).execute();

  await s
    .createTable('work_order_progress')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('work_order_id', 'text', (c) => c.notNull().references('work_order.id'))
    .addColumn('operation_id', 'text', (c) => c.notNull().references('work_order_operation.id'))
    .addColumn('good_qty', 'bigint', (c) => c.notNull())
    .addColumn('scrap_qty', 'bigint', (c) => c.notNull())
    .addColumn('operator_id', 'text')
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('work_order_progress_wo_idx').on('work_order_progress').columns(['work_order_id', 'at']).execute();

  // The scheduler's answer on the order line (API.md: order lines carry plannedCompletion and atRisk).
  await s.alterTable('order_line').addColumn('planned_completion', 'text').execute();
  await s.alterTable('order_line').addColumn('at_risk', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
