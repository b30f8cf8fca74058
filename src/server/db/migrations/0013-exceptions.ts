import type { Kysely } from 'kysely';
import { exceptionStates, exceptionTypes } from '../../../contracts/exceptions.ts';
import { sqlIn } from '../../platform/db/dialect.ts';

/** Delivery exceptions: each with an owner, a due time and a resolution. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('exception')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull().check(sqlIn('type', exceptionTypes)))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sqlIn('state', exceptionStates)))
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('resolution', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // One open exception of a type per shipment: a repeated carrier status does not pile up.
    .addColumn('open_key', 'text', (c) => c.unique())
    .execute();
  await db.schema.createIndex('exception_state_idx').on('exception').columns(['state', 'due_at']).execute();
  await db.schema.createIndex('exception_order_idx').on('exception').column('order_id').execute();
}
