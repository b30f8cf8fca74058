import type { Kysely } from 'kysely';
import { sqlIn } from '../../platform/db/dialect.ts';

export const makeOrBuy = ['make', 'buy'] as const;

/** Products and price lists. Money in fen, quantities in thousandths, tax rate in basis points. */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('product')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sku', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('spec', 'text')
    .addColumn('category', 'text')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('unit_decimals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('list_price', 'bigint', (c) => c.notNull())
    .addColumn('floor_price', 'bigint', (c) => c.notNull())
    .addColumn('cost', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('tax_rate_bp', 'integer', (c) => c.notNull().defaultTo(1300))
    .addColumn('make_or_buy', 'text', (c) => c.notNull().check(sqlIn('make_or_buy', makeOrBuy)))
    .addColumn('lead_time_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('min_qty', 'bigint')
    .addColumn('max_qty', 'bigint')
    .addColumn('spec_options', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('product_name_idx').on('product').column('name').execute();
  await s
    .createTable('price_list')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tier', 'text')
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CNY'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('price_list_item')
    .addColumn('price_list_id', 'text', (c) => c.notNull().references('price_list.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('unit_price', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('price_list_item_pkey', ['price_list_id', 'product_id'])
    .execute();
}
