import type { Kysely } from 'kysely';
import { approvalStates } from '../../../contracts/approvals.ts';
import { orderStatuses, priorities, revisionStates } from '../../../contracts/orders.ts';
import { sqlIn } from '../../platform/db/dialect.ts';

/** Sales orders with lines, approval rules and approval steps. */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('sales_order')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.unique())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id'))
    .addColumn('requirement_id', 'text')
    .addColumn('customer_po', 'text')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('promised_date', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull().check(sqlIn('priority', priorities)))
    .addColumn('non_standard', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('non_standard_reason', 'text')
    .addColumn('ship_to', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', orderStatuses)))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('net', 'bigint', (c) => c.notNull())
    .addColumn('tax', 'bigint', (c) => c.notNull())
    .addColumn('gross', 'bigint', (c) => c.notNull())
    .addColumn('lines_hash', 'text', (c) => c.notNull())
    .addColumn('facts', 'text')
    .addColumn('warnings', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('note', 'text')
    .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('sales_order_customer_idx').on('sales_order').columns(['customer_id', 'status']).execute();
  await s.createIndex('sales_order_lines_hash_idx').on('sales_order').columns(['customer_id', 'lines_hash', 'created_at']).execute();
  await s.createIndex('sales_order_owner_idx').on('sales_order').columns(['owner_id', 'id']).execute();
  await s.createIndex('sales_order_status_idx').on('sales_order').columns(['status', 'id']).execute();
  await s.createIndex('sales_order_po_idx').on('sales_order').columns(['customer_id', 'customer_po']).execute();
  await s
    .createTable('order_line')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('sales_order.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('qty', 'bigint', (c) => c.notNull())
    .addColumn('unit_price', 'bigint', (c) => c.notNull())
    .addColumn('list_price', 'bigint', (c) => c.notNull())
    .addColumn('discount_bp', 'integer', (c) => c.notNull())
    .addColumn('tax_rate_bp', 'integer', (c) => c.notNull())
    .addColumn('net', 'bigint', (c) => c.notNull())
    .addColumn('tax', 'bigint', (c) => c.notNull())
    .addColumn('spec', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('warehouse_id', 'text')
    .addColumn('reserved_qty', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('short_qty', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .execute();
  await s.createIndex('order_line_order_idx').on('order_line').columns(['order_id', 'line_no']).execute();
  await s.createIndex('order_line_product_idx').on('order_line').column('product_id').execute();
  // The last confirmed unit price per customer × product, kept at confirmation so order entry
  // and the PRICE_BELOW_LAST check read one row instead of the customer's order history.
  await s
    .createTable('customer_price')
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('unit_price', 'bigint', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_price_pkey', ['customer_id', 'product_id'])
    .execute();
  // Changes after confirmation: each a numbered revision with the order as it was before.
  await s
    .createTable('order_revision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('sales_order.id'))
    .addColumn('revision_no', 'integer', (c) => c.notNull())
    .addColumn('from_version', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('impact', 'text', (c) => c.notNull())
    .addColumn('before', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sqlIn('state', revisionStates)))
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text')
    .addUniqueConstraint('order_revision_order_no_key', ['order_id', 'revision_no'])
    .execute();
  await s
    .createTable('approval_rule')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('document_type', 'text', (c) => c.notNull())
    .addColumn('condition', 'text', (c) => c.notNull())
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('approval')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_type', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('document_version', 'integer', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('rule_id', 'text')
    .addColumn('rule_name', 'text')
    .addColumn('approver_role', 'text')
    .addColumn('approver_user_id', 'text')
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sqlIn('state', approvalStates)))
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('comment', 'text')
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('approval_document_idx').on('approval').columns(['document_type', 'document_id', 'level']).execute();
  await s.createIndex('approval_inbox_idx').on('approval').columns(['state', 'approver_role']).execute();
}
