import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../platform/db/dialect.ts';

/**
 * Whole-history stage reports at 1,000,000 finished stages on PostgreSQL (issue 8, target
 * 200 ms): they read every finished stage from the indexes of 0020/0032 (200–300 ms). Two
 * running sums per China completion month (`completed_date` is already the company's day) and
 * stage, of how many stages finished, how many late and the late minutes, kept by triggers
 * whoever writes the stage:
 * - `stage_month`, by 10-minute lead-time bucket (-1: no start time, so no lead time): lead
 *   times, delays by stage and by month;
 * - `stage_owner_month`, by owner and delay reason ('' for none): delays by owner and reason.
 * The reports read whole months from them and the days at a range's ends from the indexes.
 *
 * The same shape as `sales_month` (0031): a stage's old contribution is taken away and its new
 * one added when the contribution changes; on PostgreSQL in a deferred constraint trigger, so
 * a summary row is locked for the commit only. Every order intake finishes its first stage
 * within minutes, so the current month's first buckets are hot: PostgreSQL writes each
 * connection's share to its own `slot` (backend pid mod 16), and readers add the slots. SQLite
 * has one writer at a time and writes slot 0.
 */
const LEAD_BUCKET_MINUTES = 10; // as the reports' (reports.repository.ts)
type Row = 'old' | 'new';
const summaries = [
  { table: 'stage_month', keys: { bucket: (r: Row) => `coalesce(${r}.lead_minutes / ${LEAD_BUCKET_MINUTES}, -1)` } },
  { table: 'stage_owner_month', keys: { owner_id: (r: Row) => `coalesce(${r}.owner_id, '')`, reason: (r: Row) => `coalesce(${r}.delay_reason, '')` } },
] as const;
type Summary = (typeof summaries)[number];
const keysOf = (s: Summary) => Object.entries(s.keys) as [string, (r: Row) => string][];

const counts = (r: Row) => `${r}.completed_date is not null`;
/** The stage's key columns and values in summary `s`. */
const columns = (s: Summary) => ['month', 'stage', ...keysOf(s).map(([k]) => k), 'slot', 'stages', 'late', 'late_minutes'];
const values = (s: Summary, r: Row, sign: '+' | '-', slot: string) => [`substr(${r}.completed_date, 1, 7)`, `${r}.stage`, ...keysOf(s).map(([, e]) => e(r)), slot, `${sign}1`, `${sign}(case when ${r}.delay_minutes > 0 then 1 else 0 end)`, `${sign}coalesce(${r}.delay_minutes, 0)`];
const same = (s: Summary) => [`old.stage = new.stage`, `substr(old.completed_date, 1, 7) = substr(new.completed_date, 1, 7)`, `coalesce(old.delay_minutes, 0) = coalesce(new.delay_minutes, 0)`, ...keysOf(s).map(([, e]) => `${e('old')} = ${e('new')}`)].join(' and ');
/** Adds (`+`) or takes away (`-`) the old or new row's contribution, when `when` holds. */
const upsert = (s: Summary, r: Row, sign: '+' | '-', slot: string, when = 'true') =>
  `insert into ${s.table} (${columns(s).join(', ')}) select ${values(s, r, sign, slot).join(', ')} where ${when}
   on conflict (${columns(s).slice(0, -3).join(', ')}) do update set stages = ${s.table}.stages + excluded.stages, late = ${s.table}.late + excluded.late, late_minutes = ${s.table}.late_minutes + excluded.late_minutes;`;
const takeOld = (s: Summary) => `${counts('old')} and not (${counts('new')} and ${same(s)})`;
const addNew = (s: Summary) => `${counts('new')} and not (${counts('old')} and ${same(s)})`;
const watched = 'stage, completed_date, lead_minutes, delay_minutes, owner_id, delay_reason';

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of summaries) {
    let t = db.schema.createTable(s.table).addColumn('month', 'text', (c) => c.notNull()).addColumn('stage', 'text', (c) => c.notNull());
    for (const [k] of keysOf(s)) t = t.addColumn(k, k === 'bucket' ? 'integer' : 'text', (c) => c.notNull());
    t = t.addColumn('slot', 'integer', (c) => c.notNull());
    for (const v of ['stages', 'late', 'late_minutes']) t = t.addColumn(v, 'bigint', (c) => c.notNull());
    await t.addPrimaryKeyConstraint(`${s.table}_pk`, columns(s).slice(0, -3) as never).execute();
    const key = ['substr(completed_date, 1, 7)', 'stage', ...keysOf(s).map(([, e]) => e('new').replaceAll('new.', ''))];
    await sql
      .raw(
        `insert into ${s.table} (${columns(s).join(', ')})
         select ${key.join(', ')}, 0, count(*), sum(case when delay_minutes > 0 then 1 else 0 end), coalesce(sum(delay_minutes), 0)
         from order_stage where completed_date is not null group by ${key.join(', ')}`,
      )
      .execute(db);
  }
  if (dialectOf(db) === 'postgres') {
    const slot = 'pg_backend_pid() % 16';
    const body = summaries
      .map((s) => `if tg_op = 'DELETE' or (tg_op = 'UPDATE' and ${takeOld(s)}) then ${upsert(s, 'old', '-', slot, counts('old'))} end if;
          if tg_op = 'INSERT' or (tg_op = 'UPDATE' and ${addNew(s)}) then ${upsert(s, 'new', '+', slot, counts('new'))} end if;`)
      .join('\n          ');
    await sql.raw(`create function stage_month_apply() returns trigger language plpgsql as $$ begin\n          ${body}\n          return null;\n        end $$`).execute(db);
    await sql
      .raw(`create constraint trigger stage_month_apply after insert or update of ${watched} or delete on order_stage deferrable initially deferred for each row execute function stage_month_apply()`)
      .execute(db);
  } else {
    const each = (f: (s: Summary) => string) => summaries.map(f).join(' ');
    await sql.raw(`create trigger stage_month_insert after insert on order_stage when ${counts('new')} begin ${each((s) => upsert(s, 'new', '+', '0'))} end`).execute(db);
    await sql.raw(`create trigger stage_month_update after update of ${watched} on order_stage begin ${each((s) => upsert(s, 'old', '-', '0', takeOld(s)) + ' ' + upsert(s, 'new', '+', '0', addNew(s)))} end`).execute(db);
    await sql.raw(`create trigger stage_month_delete after delete on order_stage when ${counts('old')} begin ${each((s) => upsert(s, 'old', '-', '0'))} end`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger stage_month_apply on order_stage`.execute(db);
    await sql`drop function stage_month_apply()`.execute(db);
  } else {
    for (const t of ['insert', 'update', 'delete']) await sql.raw(`drop trigger stage_month_${t}`).execute(db);
  }
  for (const s of summaries) await db.schema.dropTable(s.table).execute();
}
