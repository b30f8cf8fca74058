import type { Kysely } from 'kysely';
import { customerStatuses, customerTiers, communicationChannels } from '../../../contracts/customers.ts';
import { sqlIn } from '../../platform/db/dialect.ts';

/** Number sequences, the customer master (contacts, addresses) and the communication log. */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('sequence')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await s
    .createTable('customer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('tax_id', 'text')
    .addColumn('invoice', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('tier', 'text', (c) => c.notNull().check(sqlIn('tier', customerTiers)))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('payment_terms_days', 'integer', (c) => c.notNull())
    .addColumn('credit_limit', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', customerStatuses)))
    .addColumn('province', 'text')
    .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('customer_name_key_idx').on('customer').column('name_key').execute();
  await s.createIndex('customer_tax_id_idx').on('customer').column('tax_id').execute();
  await s.createIndex('customer_owner_idx').on('customer').columns(['owner_id', 'id']).execute();
  await s
    .createTable('customer_contact')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('phone', 'text')
    .addColumn('landline', 'text')
    .addColumn('email', 'text')
    .addColumn('wechat', 'text')
    .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await s.createIndex('customer_contact_customer_idx').on('customer_contact').column('customer_id').execute();
  await s.createIndex('customer_contact_phone_idx').on('customer_contact').column('phone').execute();
  await s
    .createTable('customer_address')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id').onDelete('cascade'))
    .addColumn('label', 'text')
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .execute();
  await s.createIndex('customer_address_customer_idx').on('customer_address').column('customer_id').execute();
  await s
    .createTable('communication')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id'))
    .addColumn('order_id', 'text')
    .addColumn('requirement_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull().check(sqlIn('channel', communicationChannels)))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('follow_up_at', 'text')
    .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('communication_customer_idx').on('communication').columns(['customer_id', 'occurred_at']).execute();
}
