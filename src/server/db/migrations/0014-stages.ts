import type { Kysely } from 'kysely';
import { stageNames } from '../../../contracts/stages.ts';
import { sqlIn } from '../../platform/db/dialect.ts';

/** Stage track per order: owner, due time, actual start and finish (from events). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('order_stage')
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull().check(sqlIn('stage', stageNames)))
    .addColumn('owner_id', 'text')
    .addColumn('due_at', 'text')
    .addColumn('started_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('delay_reason', 'text')
    .addPrimaryKeyConstraint('order_stage_pkey', ['order_id', 'stage'])
    .execute();
  await db.schema.createIndex('order_stage_due_idx').on('order_stage').columns(['completed_at', 'due_at']).execute();
}
