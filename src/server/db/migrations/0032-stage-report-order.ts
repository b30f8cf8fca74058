import { sql, type Kysely } from 'kysely';

/**
 * Whole-history responsibility reports at 1,000,000 finished stages on SQLite (issue 8, target
 * 500 ms): grouped by customer, or by stage and lead time, they read `order_stage_report_idx` in
 * completion-date order and sorted a million rows to group them (about 1 s and 0.7 s). These
 * partial indexes hold the finished stages already in the groups' order, covering what the
 * reports read, so SQLite groups while it walks them. A report over a date range still reads
 * the date index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('order_stage_lead_idx')
    .on('order_stage')
    .columns(['stage', 'lead_minutes', 'delay_minutes'])
    .where(sql.ref('completed_date'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('order_stage_customer_report_idx')
    .on('order_stage')
    .columns(['customer_id', 'delay_minutes'])
    .where(sql.ref('completed_date'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('order_stage_customer_report_idx').execute();
  await db.schema.dropIndex('order_stage_lead_idx').execute();
}
