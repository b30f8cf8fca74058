import type { WorkCenterTable } from '../../db/schema.ts';
import type { Db, Tx } from '../../platform/db/database.ts';

type Q = Db | Tx;

export const workCenters = {
  list: (q: Q) => q.selectFrom('workCenter').selectAll().orderBy('code').execute(),
  byId: (q: Q, id: string) => q.selectFrom('workCenter').selectAll().where('id', '=', id).executeTakeFirst(),
  byIds: (q: Q, ids: string[]) => (ids.length ? q.selectFrom('workCenter').selectAll().where('id', 'in', ids).execute() : Promise.resolve([])),
  insert: (q: Q, row: WorkCenterTable) => q.insertInto('workCenter').values(row).execute(),
  /** Applies an edit only to the version read; undefined when someone changed the center meanwhile. */
  update: (q: Q, id: string, version: number, patch: Partial<WorkCenterTable>) =>
    q
      .updateTable('workCenter')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst(),
  /** Moves the state only from the expected one: two planners setting the same center down at once — one wins. */
  async transition(q: Q, id: string, from: WorkCenterTable['state'], patch: Partial<WorkCenterTable>) {
    const r = await q
      .updateTable('workCenter')
      .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('state', '=', from)
      .returningAll()
      .executeTakeFirst();
    return r;
  },
};

export const routings = {
  of: (q: Q, productIds: string[]) =>
    productIds.length
      ? q
          .selectFrom('routingOperation')
          .innerJoin('workCenter', 'workCenter.id', 'routingOperation.workCenterId')
          .selectAll('routingOperation')
          .select('workCenter.code as workCenterCode')
          .where('routingOperation.productId', 'in', productIds)
          .orderBy('routingOperation.productId')
          .orderBy('routingOperation.seq')
          .execute()
      : Promise.resolve([]),
  replace: async (tx: Tx, productId: string, rows: { id: string; seq: number; name: string; workCenterId: string; setupMinutes: number; runMilliMinutes: number }[]) => {
    await tx.deleteFrom('routingOperation').where('productId', '=', productId).execute();
    if (rows.length) await tx.insertInto('routingOperation').values(rows.map((r) => ({ ...r, productId }))).execute();
  },
};
