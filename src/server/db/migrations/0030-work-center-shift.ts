import { sql, type Kysely } from 'kysely';

/**
 * Each work center's shift start (minutes after local midnight): the scheduler used a fixed
 * 08:00 for every center. Existing centers keep 08:00. The shift runs for the center's
 * capacity from there and ends by midnight (checked by the service, which knows both values).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('work_center')
    .addColumn('shift_start_minutes', 'integer', (c) => c.notNull().defaultTo(480).check(sql`shift_start_minutes >= 0 and shift_start_minutes < 1440`))
    .execute();
}
