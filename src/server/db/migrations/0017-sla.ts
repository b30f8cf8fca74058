import type { Kysely } from 'kysely';
import { alertKinds, defaultSlaRules } from '../../../contracts/sla.ts';
import { calendarSeeds } from '../../../contracts/calendar.ts';
import { stageNames } from '../../../contracts/stages.ts';
import { sqlIn } from '../../platform/db/dialect.ts';

/**
 * Responsibility engine, deadlines: the working calendar per year, SLA rules per stage, and
 * `stage_alert` — one row per reminder or escalation ever due, unique per (order, stage,
 * kind, level, due time) so each is recorded exactly once whatever the number of workers.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  await db.schema
    .createTable('work_calendar')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const seed of calendarSeeds) {
    const { year, ...config } = seed;
    await db.insertInto('work_calendar').values({ year, config: JSON.stringify(config), version: 1, updated_at: now }).execute();
  }

  await db.schema
    .createTable('sla_rule')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stage', 'text', (c) => c.notNull().unique().check(sqlIn('stage', stageNames)))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('queue_role', 'text', (c) => c.notNull())
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('reminders', 'text', (c) => c.notNull())
    .addColumn('escalations', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const [i, r] of defaultSlaRules.entries()) {
    await db
      .insertInto('sla_rule')
      .values({
        id: `sla-default-${i + 1}`,
        stage: r.stage,
        name: r.name,
        owner: JSON.stringify(r.owner),
        queue_role: r.queueRole,
        due: JSON.stringify(r.due),
        reminders: JSON.stringify(r.reminders),
        escalations: JSON.stringify(r.escalations),
        active: 1,
        version: 1,
        updated_at: now,
      })
      .execute();
  }

  await db.schema
    .createTable('stage_alert')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull().check(sqlIn('stage', stageNames)))
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', alertKinds)))
    .addColumn('level', 'integer', (c) => c.notNull())
    /** The due time the alert belongs to: a moved deadline gets its own reminders. */
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('fire_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sqlIn('state', ['queued', 'sent', 'dropped'])))
    .addColumn('sent_at', 'text')
    .addColumn('recipients', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('note', 'text')
    .addUniqueConstraint('stage_alert_once_key', ['order_id', 'stage', 'kind', 'level', 'due_at'])
    .execute();

  await db.schema.alterTable('order_stage').addColumn('owner_role', 'text').execute();
  await db.schema.alterTable('order_stage').addColumn('next_alert_at', 'text').execute();
  // The scan reads only stages whose next alert has come: an index range, not 100,000 rows.
  await db.schema.createIndex('order_stage_next_alert_idx').on('order_stage').column('next_alert_at').execute();
}
