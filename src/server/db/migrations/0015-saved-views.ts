import type { Kysely } from 'kysely';

/**
 * Saved list views. The default view is a row per user and entity in its own table (the
 * primary key keeps it to one, even under concurrent "set default"), so a user may also
 * pick a view someone else shared as their default.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('saved_view')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    // No CHECK on entity: lists gain views over time (contracts `savedViewEntities`, validated by the API),
    // and SQLite cannot widen a CHECK without rebuilding the table.
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('saved_view_owner_entity_name_key', ['owner_id', 'entity', 'name'])
    .execute();
  await db.schema.createIndex('saved_view_entity_shared_idx').on('saved_view').columns(['entity', 'shared']).execute();
  await db.schema
    .createTable('saved_view_default')
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('view_id', 'text', (c) => c.notNull().references('saved_view.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('saved_view_default_pkey', ['user_id', 'entity'])
    .execute();
  await db.schema.createIndex('saved_view_default_view_idx').on('saved_view_default').column('view_id').execute();
}
