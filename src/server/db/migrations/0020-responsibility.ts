import { sql, type Kysely } from 'kysely';
import { seededDelayReasons } from '../../../contracts/responsibility.ts';
import { stageNames } from '../../../contracts/stages.ts';
import { sqlIn } from '../../platform/db/dialect.ts';

/**
 * Responsibility, part 2: delay reasons (admin list), the attribution kept on each finished
 * stage (late minutes, lead time, China completion date, the order's customer — frozen at completion so reports are
 * plain integer sums on both dialects), checklists at key nodes, and the daily digest ledger.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('delay_reason')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label_zh', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('prefill', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  await db
    .insertInto('delay_reason')
    .values(seededDelayReasons.map((r, i) => ({ code: r.code, label_zh: r.labelZh, label_en: r.labelEn, active: 1, sort_order: (i + 1) * 10, prefill: JSON.stringify(r.prefill), updated_at: now })))
    .execute();

  for (const [name, type] of [
    ['delay_note', 'text'],
    ['delay_source', 'text'],
    ['delay_set_by', 'text'],
    ['delay_set_at', 'text'],
    ['delay_minutes', 'integer'],
    ['lead_minutes', 'integer'],
    ['completed_date', 'text'],
    ['customer_id', 'text'],
  ] as const) {
    await s.alterTable('order_stage').addColumn(name, type).execute();
  }
  // Reports filter on the China completion date and read only these columns (covering): a
  // full-history aggregate is one index scan with no table look-ups; the order's customer is
  // frozen on the row at completion so grouping by customer needs no join.
  await s.createIndex('order_stage_report_idx').on('order_stage').columns(['completed_date', 'stage', 'delay_minutes', 'lead_minutes', 'owner_id', 'delay_reason', 'customer_id', 'order_id']).execute();
  // Late stages nobody has explained yet: the workbench's next action.
  await s
    .createIndex('order_stage_unexplained_idx')
    .on('order_stage')
    .columns(['owner_id', 'order_id'])
    .where(sql.ref('delay_minutes'), '>', 0)
    .where(sql.ref('delay_reason'), 'is', null)
    .execute();

  await s
    .createTable('checklist_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stage', 'text', (c) => c.notNull().check(sqlIn('stage', stageNames)))
    .addColumn('label_zh', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    // Removed items stay (inactive) so ticks already given keep their meaning.
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('checklist_item_stage_idx').on('checklist_item').columns(['stage', 'active']).execute();
  await s
    .createTable('checklist_tick')
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull().references('checklist_item.id'))
    .addColumn('ticked_by', 'text', (c) => c.notNull())
    .addColumn('ticked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('checklist_tick_pkey', ['order_id', 'item_id'])
    .execute();

  // One digest per user and China day: the primary key is the exactly-once guard across workers.
  await s
    .createTable('digest_sent')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('order_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('digest_sent_pkey', ['user_id', 'day'])
    .execute();
}
