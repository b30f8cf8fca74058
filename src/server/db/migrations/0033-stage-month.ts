import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../platform/db/dialect.ts';

/**
 * Whole-history stage reports at 1,000,000 finished stages on PostgreSQL (issue 8, target
 * 200 ms): lead times read every finished stage from `order_stage_lead_idx` (about 300 ms).
 * `stage_month` keeps, per China completion month (`completed_date` is already the company's
 * day), stage and 10-minute lead-time bucket (-1: no start time, so no lead time), how many
 * stages finished, how many late and the late minutes — kept by triggers whoever writes the
 * stage. Lead times, delays by stage and delays by month read whole months from it and the
 * days at a range's ends from the indexes.
 *
 * The same shape as `sales_month` (0031): the trigger takes a stage's old contribution away and
 * adds its new one when the contribution changes; on PostgreSQL a deferred constraint trigger,
 * so a summary row is locked for the commit only. Every order intake finishes its first stage
 * within minutes, so the rows of the current month's first buckets are hot: PostgreSQL writes
 * each connection's share to its own `slot` (backend pid mod 16), and readers add the slots.
 * SQLite has one writer at a time and writes slot 0.
 */
const LEAD_BUCKET_MINUTES = 10; // as the reports' (reports.repository.ts)
const counts = (r: 'old' | 'new') => `${r}.completed_date is not null`;
const bucket = (r: 'old' | 'new') => `coalesce(${r}.lead_minutes / ${LEAD_BUCKET_MINUTES}, -1)`;
const late = (r: 'old' | 'new') => `case when ${r}.delay_minutes > 0 then 1 else 0 end`;
const same = `old.stage = new.stage and substr(old.completed_date, 1, 7) = substr(new.completed_date, 1, 7) and ${bucket('old')} = ${bucket('new')} and coalesce(old.delay_minutes, 0) = coalesce(new.delay_minutes, 0)`;
const upsert = (r: 'old' | 'new', sign: '+' | '-', slot: string) =>
  `insert into stage_month (month, stage, bucket, slot, stages, late, late_minutes) values (substr(${r}.completed_date, 1, 7), ${r}.stage, ${bucket(r)}, ${slot}, ${sign}1, ${sign}${late(r)}, ${sign}coalesce(${r}.delay_minutes, 0))
   on conflict (month, stage, bucket, slot) do update set stages = stage_month.stages + excluded.stages, late = stage_month.late + excluded.late, late_minutes = stage_month.late_minutes + excluded.late_minutes;`;
const watched = 'stage, completed_date, lead_minutes, delay_minutes';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stage_month')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addColumn('slot', 'integer', (c) => c.notNull())
    .addColumn('stages', 'bigint', (c) => c.notNull())
    .addColumn('late', 'bigint', (c) => c.notNull())
    .addColumn('late_minutes', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('stage_month_pk', ['month', 'stage', 'bucket', 'slot'])
    .execute();
  await sql
    .raw(
      `insert into stage_month (month, stage, bucket, slot, stages, late, late_minutes)
       select substr(completed_date, 1, 7), stage, coalesce(lead_minutes / ${LEAD_BUCKET_MINUTES}, -1), 0, count(*), sum(case when delay_minutes > 0 then 1 else 0 end), coalesce(sum(delay_minutes), 0)
       from order_stage where completed_date is not null group by substr(completed_date, 1, 7), stage, coalesce(lead_minutes / ${LEAD_BUCKET_MINUTES}, -1)`,
    )
    .execute(db);
  if (dialectOf(db) === 'postgres') {
    const slot = 'pg_backend_pid() % 16';
    await sql
      .raw(
        `create function stage_month_apply() returns trigger language plpgsql as $$
        begin
          if tg_op <> 'INSERT' and ${counts('old')} then
            if tg_op = 'DELETE' or not (${counts('new')} and ${same}) then ${upsert('old', '-', slot)} end if;
          end if;
          if tg_op <> 'DELETE' and ${counts('new')} then
            if tg_op = 'INSERT' or not (${counts('old')} and ${same}) then ${upsert('new', '+', slot)} end if;
          end if;
          return null;
        end $$`,
      )
      .execute(db);
    await sql
      .raw(`create constraint trigger stage_month_apply after insert or update of ${watched} or delete on order_stage deferrable initially deferred for each row execute function stage_month_apply()`)
      .execute(db);
  } else {
    await sql.raw(`create trigger stage_month_insert after insert on order_stage when ${counts('new')} begin ${upsert('new', '+', '0')} end`).execute(db);
    await sql.raw(`create trigger stage_month_update_old after update of ${watched} on order_stage when ${counts('old')} and not (${counts('new')} and ${same}) begin ${upsert('old', '-', '0')} end`).execute(db);
    await sql.raw(`create trigger stage_month_update_new after update of ${watched} on order_stage when ${counts('new')} and not (${counts('old')} and ${same}) begin ${upsert('new', '+', '0')} end`).execute(db);
    await sql.raw(`create trigger stage_month_delete after delete on order_stage when ${counts('old')} begin ${upsert('old', '-', '0')} end`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger stage_month_apply on order_stage`.execute(db);
    await sql`drop function stage_month_apply()`.execute(db);
  } else {
    for (const t of ['insert', 'update_old', 'update_new', 'delete']) await sql.raw(`drop trigger stage_month_${t}`).execute(db);
  }
  await db.schema.dropTable('stage_month').execute();
}
