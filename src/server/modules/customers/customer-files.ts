import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { can, scopeCondition, type Actor } from '../../platform/http/actor.ts';

/** A file is visible through a customer in scope whose custom fields or communications reference it. */
export function customerFileReferrer(db: Db) {
  return async (actor: Actor, fileId: string): Promise<boolean> => {
    if (!can(actor, 'customers:read')) return false;
    const like = `%${fileId}%`;
    const hit = await db
      .selectFrom('customer')
      .select('customer.id')
      .where(scopeCondition(actor, 'customer.ownerId'))
      .where((eb) => eb.or([eb('customer.customFields', 'like', like), eb.exists(eb.selectFrom('communication').select(sql`1`.as('x')).whereRef('communication.customerId', '=', 'customer.id').where('communication.attachments', 'like', like))]))
      .limit(1)
      .executeTakeFirst();
    return !!hit;
  };
}
