import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';
import type { CustomerTable } from '../../db/schema.ts';

type Q = Db | Tx;

const listColumns = [
  'customer.id',
  'customer.code',
  'customer.name',
  'customer.taxId',
  'customer.tier',
  'customer.tags',
  'customer.ownerId',
  'customer.paymentTermsDays',
  'customer.creditLimit',
  'customer.currency',
  'customer.status',
  'customer.province',
  'customer.version',
  'customer.createdAt',
  'customer.updatedAt',
] as const;

/** The customer row with its owner's name; `scoped` applies the actor's data scope. */
export function selectCustomers(q: Q, actor: Actor | null) {
  let qb = q
    .selectFrom('customer')
    .leftJoin('appUser as owner', 'owner.id', 'customer.ownerId')
    .select([...listColumns, 'customer.invoice', 'customer.customFields', 'owner.displayName as ownerName']);
  if (actor) qb = qb.where(scopeCondition(actor, 'customer.ownerId'));
  return qb;
}

export type CustomerRow = Awaited<ReturnType<ReturnType<typeof selectCustomers>['executeTakeFirstOrThrow']>>;

export async function contactsOf(q: Q, customerIds: string[]) {
  if (customerIds.length === 0) return [];
  return q.selectFrom('customerContact').selectAll().where('customerId', 'in', customerIds).orderBy('customerId').orderBy('sort').execute();
}

export async function addressesOf(q: Q, customerIds: string[]) {
  if (customerIds.length === 0) return [];
  return q.selectFrom('customerAddress').selectAll().where('customerId', 'in', customerIds).orderBy('customerId').orderBy('sort').execute();
}

export async function primaryContacts(q: Q, customerIds: string[]) {
  if (customerIds.length === 0) return new Map<string, { name: string; phone: string | null }>();
  const rows = await q
    .selectFrom('customerContact')
    .select(['customerId', 'name', 'phone', 'isPrimary', 'sort'])
    .where('customerId', 'in', customerIds)
    .orderBy('isPrimary', 'desc')
    .orderBy('sort')
    .execute();
  const out = new Map<string, { name: string; phone: string | null }>();
  for (const r of rows) if (!out.has(r.customerId)) out.set(r.customerId, { name: r.name, phone: r.phone });
  return out;
}

export function insertCustomer(q: Q, row: CustomerTable) {
  return q.insertInto('customer').values(row).execute();
}

export function updateCustomer(q: Q, id: string, patch: Partial<CustomerTable>) {
  return q.updateTable('customer').set(patch).where('id', '=', id).execute();
}

export async function replaceContacts(
  q: Q,
  customerId: string,
  contacts: { id: string; name: string; role: string | null; phone: string | null; landline: string | null; email: string | null; wechat: string | null; isPrimary: boolean }[],
) {
  await q.deleteFrom('customerContact').where('customerId', '=', customerId).execute();
  if (contacts.length === 0) return;
  await q
    .insertInto('customerContact')
    .values(contacts.map((c, sort) => ({ ...c, customerId, isPrimary: c.isPrimary ? 1 : 0, sort })))
    .execute();
}

export async function replaceAddresses(
  q: Q,
  customerId: string,
  addresses: { id: string; label: string | null; province: string; city: string; district: string; detail: string; recipient: string; phone: string; isDefault: boolean }[],
) {
  await q.deleteFrom('customerAddress').where('customerId', '=', customerId).execute();
  if (addresses.length === 0) return;
  await q
    .insertInto('customerAddress')
    .values(addresses.map((a, sort) => ({ ...a, customerId, isDefault: a.isDefault ? 1 : 0, sort })))
    .execute();
}

/** Candidates for the duplicate warning: same name key, same tax ID, or a shared contact mobile. */
export async function findDuplicateCandidates(q: Q, input: { nameKey?: string; taxId?: string | null; phones: string[]; excludeId?: string }) {
  const hits = new Map<string, Set<'name' | 'taxId' | 'phone'>>();
  const add = (id: string, why: 'name' | 'taxId' | 'phone') => hits.set(id, (hits.get(id) ?? new Set()).add(why));
  if (input.nameKey) {
    for (const r of await q.selectFrom('customer').select('id').where('nameKey', '=', input.nameKey).limit(20).execute()) add(r.id, 'name');
  }
  if (input.taxId) {
    for (const r of await q.selectFrom('customer').select('id').where('taxId', '=', input.taxId).limit(20).execute()) add(r.id, 'taxId');
  }
  if (input.phones.length) {
    for (const r of await q.selectFrom('customerContact').select('customerId').where('phone', 'in', input.phones).limit(20).execute()) add(r.customerId, 'phone');
  }
  if (input.excludeId) hits.delete(input.excludeId);
  return hits;
}

export function customerSearch(q: string) {
  const like = `%${q.toLowerCase()}%`;
  return sql<boolean>`(lower(customer.name) like ${like} or lower(customer.code) like ${like} or customer.id in (select customer_id from customer_contact where phone like ${like} or lower(name) like ${like}))`;
}

export { json };
