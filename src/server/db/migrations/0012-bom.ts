import { sql, type Kysely } from 'kysely';

/**
 * Multi-level BOMs as lines per parent product and version. A version is in force from
 * `valid_from` through `valid_to` (inclusive, null = open); the highest version is the one
 * edited. Quantities per parent are thousandths, scrap in basis points (500 = 5 %).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bom_line')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('component_product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('qty_per', 'bigint', (c) => c.notNull())
    .addColumn('scrap_bp', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('bom_line_component_key', ['parent_product_id', 'version', 'component_product_id'])
    .addCheckConstraint('bom_line_qty_per_check', sql`qty_per > 0`)
    .addCheckConstraint('bom_line_scrap_bp_check', sql`scrap_bp >= 0 and scrap_bp <= 5000`)
    .addCheckConstraint('bom_line_self_check', sql`parent_product_id <> component_product_id`)
    .execute();
  // Where-used lookups (cycle checks walk down; impact analysis will walk up).
  await db.schema.createIndex('bom_line_component_idx').on('bom_line').column('component_product_id').execute();
}
