import type { Kysely } from 'kysely';
import { customerAnswerStates } from '../../../contracts/orders.ts';
import { sqlIn } from '../../platform/db/dialect.ts';

/**
 * The customer's answer to a revision (asked through a customer link), the order a draft
 * was copied from, a warehouse's address, and an index for an approver's decisions. One ALTER per column: SQLite adds one at a time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s.alterTable('order_revision').addColumn('customer_state', 'text', (c) => c.check(sqlIn('customer_state', customerAnswerStates))).execute();
  await s.alterTable('order_revision').addColumn('customer_answer', 'text').execute();
  await s.alterTable('sales_order').addColumn('copied_from_id', 'text').execute();
  await s.alterTable('warehouse').addColumn('address', 'text').execute();
  // The approver's history (GET /approvals?state=approved|rejected): steps they decided, newest first.
  await s.createIndex('approval_decided_by_idx').on('approval').columns(['decided_by', 'decided_at']).execute();
}
