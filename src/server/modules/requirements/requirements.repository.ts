import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';
import type { RequirementTable } from '../../db/schema.ts';

type Q = Db | Tx;

export interface Content {
  title: string;
  items: { productId?: string | null; description: string; qty: number; unit?: string | null; spec: Record<string, string>; note?: string | null }[];
  dueDate: string | null;
  attachments: { id: string; name: string }[];
  customFields: Record<string, unknown>;
  note: string | null;
}

export function selectRequirements(q: Q, actor: Actor | null) {
  let qb = q
    .selectFrom('requirement')
    .innerJoin('requirementVersion as v', (j) => j.onRef('v.requirementId', '=', 'requirement.id').onRef('v.version', '=', 'requirement.version'))
    .leftJoin('customer', 'customer.id', 'requirement.customerId')
    .leftJoin('appUser as owner', 'owner.id', 'requirement.ownerId')
    .selectAll('requirement')
    .select(['v.content', 'customer.name as customerName', 'owner.displayName as ownerName']);
  if (actor) qb = qb.where(scopeCondition(actor, 'requirement.ownerId'));
  return qb;
}
export type RequirementRow = Awaited<ReturnType<ReturnType<typeof selectRequirements>['executeTakeFirstOrThrow']>>;

export function insertRequirement(q: Q, row: RequirementTable) {
  return q.insertInto('requirement').values(row).execute();
}

export function insertVersion(q: Q, requirementId: string, version: number, content: Content, createdBy: string | null, changeReason: string | null, at: string) {
  return q.insertInto('requirementVersion').values({ requirementId, version, content: json.write(content), createdBy, changeReason, createdAt: at }).execute();
}

export function updateRequirement(q: Q, id: string, patch: Partial<RequirementTable>) {
  return q.updateTable('requirement').set(patch).where('id', '=', id).execute();
}

export function versionsOf(q: Q, id: string) {
  return q
    .selectFrom('requirementVersion as v')
    .leftJoin('appUser', 'appUser.id', 'v.createdBy')
    .select(['v.version', 'v.content', 'v.createdBy', 'v.createdAt', 'v.changeReason', 'appUser.displayName as createdByName'])
    .where('v.requirementId', '=', id)
    .orderBy('v.version', 'desc')
    .execute();
}

export function findVersion(q: Q, id: string, version: number) {
  return q.selectFrom('requirementVersion').select(['content']).where('requirementId', '=', id).where('version', '=', version).executeTakeFirst();
}
