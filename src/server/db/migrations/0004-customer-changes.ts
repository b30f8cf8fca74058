import type { Kysely } from 'kysely';
import { changeRequestStates } from '../../../contracts/customers.ts';
import { sqlIn } from '../../platform/db/dialect.ts';

/** Changes to approval-gated customer fields wait here for an approver. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('customer_change_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id'))
    .addColumn('patch', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('state', 'text', (c) => c.notNull().check(sqlIn('state', changeRequestStates)))
    .addColumn('requested_by', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('comment', 'text')
    .execute();
  await db.schema.createIndex('customer_change_request_customer_idx').on('customer_change_request').columns(['customer_id', 'state']).execute();
  await db.schema.createIndex('customer_change_request_state_idx').on('customer_change_request').columns(['state', 'id']).execute();
}
