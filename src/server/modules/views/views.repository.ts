import type { Db, Tx } from '../../platform/db/database.ts';
import type { SavedViewTable } from '../../db/schema.ts';

type Q = Db | Tx;

/** Views a user can see: their own and everyone's shared ones, with the user's default marked. */
export function visibleViews(q: Q, userId: string) {
  return q
    .selectFrom('savedView')
    .leftJoin('appUser as owner', 'owner.id', 'savedView.ownerId')
    .leftJoin('savedViewDefault as d', (j) => j.onRef('d.viewId', '=', 'savedView.id').on('d.userId', '=', userId))
    .selectAll('savedView')
    .select(['owner.displayName as ownerName', 'd.viewId as defaultFor'])
    .where((eb) => eb.or([eb('savedView.ownerId', '=', userId), eb('savedView.shared', '=', 1)]));
}
export type ViewRow = Awaited<ReturnType<ReturnType<typeof visibleViews>['executeTakeFirstOrThrow']>>;

export const views = {
  insert: (q: Q, row: SavedViewTable) => q.insertInto('savedView').values(row).execute(),
  update: (q: Q, id: string, patch: Partial<SavedViewTable>) => q.updateTable('savedView').set(patch).where('id', '=', id).execute(),
  remove: (q: Q, id: string) => q.deleteFrom('savedView').where('id', '=', id).execute(),
  /** One statement either way, so two concurrent "set default" calls leave exactly one default. */
  setDefault: (q: Q, userId: string, entity: string, viewId: string) =>
    q
      .insertInto('savedViewDefault')
      .values({ userId, entity, viewId })
      .onConflict((oc) => oc.columns(['userId', 'entity']).doUpdateSet((eb) => ({ viewId: eb.ref('excluded.viewId') })))
      .execute(),
  clearDefault: (q: Q, userId: string, viewId: string) => q.deleteFrom('savedViewDefault').where('userId', '=', userId).where('viewId', '=', viewId).execute(),
};
