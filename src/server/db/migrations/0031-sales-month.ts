import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../platform/db/dialect.ts';

/**
 * The sales report at 1,000,000 orders on PostgreSQL (issue 8, target 200 ms): a running sum
 * of the orders that count as sales (confirmed, not cancelled) per UTC calendar month of the
 * order date (`substr(created_at, 1, 7)`), customer and owner, kept by triggers whoever writes
 * the order. UTC months, not the company's: the key needs no time zone, so a changed
 * `GENDAN_TIME_ZONE` never leaves it stale; the report adds or takes away the few hours by
 * which a local month differs from the UTC one through the index of migration 0029.
 *
 * A trigger takes an order's old contribution away and adds its new one, and fires only when
 * the contribution changes. On PostgreSQL it is a deferred constraint trigger: it runs at
 * commit, so a customer's summary row stays locked for the commit only, not for the rest of
 * an order-intake transaction.
 */
const counts = (r: 'old' | 'new') => `${r}.confirmed_at is not null and ${r}.status <> 'cancelled'`;
const same = `old.customer_id = new.customer_id and old.owner_id = new.owner_id and old.net = new.net and old.gross = new.gross and substr(old.created_at, 1, 7) = substr(new.created_at, 1, 7)`;
const upsert = (r: 'old' | 'new', sign: '+' | '-') =>
  `insert into sales_month (month, customer_id, owner_id, orders, net, gross) values (substr(${r}.created_at, 1, 7), ${r}.customer_id, ${r}.owner_id, ${sign}1, ${sign}${r}.net, ${sign}${r}.gross)
   on conflict (month, customer_id, owner_id) do update set orders = sales_month.orders + excluded.orders, net = sales_month.net + excluded.net, gross = sales_month.gross + excluded.gross;`;
const watched = 'status, confirmed_at, customer_id, owner_id, net, gross, created_at';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sales_month')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('orders', 'bigint', (c) => c.notNull())
    .addColumn('net', 'bigint', (c) => c.notNull())
    .addColumn('gross', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('sales_month_pk', ['month', 'customer_id', 'owner_id'])
    .execute();
  await sql`insert into sales_month (month, customer_id, owner_id, orders, net, gross)
    select substr(created_at, 1, 7), customer_id, owner_id, count(*), sum(net), sum(gross) from sales_order
    where confirmed_at is not null and status <> 'cancelled' group by substr(created_at, 1, 7), customer_id, owner_id`.execute(db);
  if (dialectOf(db) === 'postgres') {
    await sql
      .raw(
        `create function sales_month_apply() returns trigger language plpgsql as $$
        begin
          if tg_op <> 'INSERT' and ${counts('old')} then
            if tg_op = 'DELETE' or not (${counts('new')} and ${same}) then ${upsert('old', '-')} end if;
          end if;
          if tg_op <> 'DELETE' and ${counts('new')} then
            if tg_op = 'INSERT' or not (${counts('old')} and ${same}) then ${upsert('new', '+')} end if;
          end if;
          return null;
        end $$`,
      )
      .execute(db);
    await sql
      .raw(`create constraint trigger sales_month_apply after insert or update or delete on sales_order deferrable initially deferred for each row execute function sales_month_apply()`)
      .execute(db);
  } else {
    await sql.raw(`create trigger sales_month_insert after insert on sales_order when ${counts('new')} begin ${upsert('new', '+')} end`).execute(db);
    await sql.raw(`create trigger sales_month_update_old after update of ${watched} on sales_order when ${counts('old')} and not (${counts('new')} and ${same}) begin ${upsert('old', '-')} end`).execute(db);
    await sql.raw(`create trigger sales_month_update_new after update of ${watched} on sales_order when ${counts('new')} and not (${counts('old')} and ${same}) begin ${upsert('new', '+')} end`).execute(db);
    await sql.raw(`create trigger sales_month_delete after delete on sales_order when ${counts('old')} begin ${upsert('old', '-')} end`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger sales_month_apply on sales_order`.execute(db);
    await sql`drop function sales_month_apply()`.execute(db);
  } else {
    for (const t of ['insert', 'update_old', 'update_new', 'delete']) await sql.raw(`drop trigger sales_month_${t}`).execute(db);
  }
  await db.schema.dropTable('sales_month').execute();
}
