import type { StageName } from '../../../contracts/stages.ts';
import type { Db, Tx } from '../../platform/db/database.ts';

type Q = Db | Tx;

/** Active items of the stages, in their order. */
export const checklistItems = (q: Q, stages: readonly StageName[]) =>
  stages.length ? q.selectFrom('checklistItem').selectAll().where('stage', 'in', [...stages]).where('active', '=', 1).orderBy('stage').orderBy('sortOrder').execute() : Promise.resolve([]);

/** Required items of these stages not ticked on the order: what blocks their completion. */
export async function missingRequiredItems(q: Q, orderId: string, stages: readonly StageName[]) {
  if (stages.length === 0) return [];
  return q
    .selectFrom('checklistItem as i')
    .leftJoin('checklistTick as t', (j) => j.onRef('t.itemId', '=', 'i.id').on('t.orderId', '=', orderId))
    .select(['i.id', 'i.stage', 'i.labelZh', 'i.labelEn'])
    .where('i.stage', 'in', [...stages])
    .where('i.active', '=', 1)
    .where('i.required', '=', 1)
    .where('t.itemId', 'is', null)
    .orderBy('i.stage')
    .orderBy('i.sortOrder')
    .execute();
}
