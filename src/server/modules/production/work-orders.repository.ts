import { sql } from 'kysely';
import { openWorkOrderStatuses } from '../../../contracts/production.ts';
import type { WorkOrderOperationTable, WorkOrderTable } from '../../db/schema.ts';
import type { Db, Tx } from '../../platform/db/database.ts';

type Q = Db | Tx;

export function selectWorkOrders(q: Q) {
  return q
    .selectFrom('workOrder')
    .innerJoin('product', 'product.id', 'workOrder.productId')
    .leftJoin('salesOrder', 'salesOrder.id', 'workOrder.orderId')
    .selectAll('workOrder')
    .select(['product.sku', 'product.name as productName', 'salesOrder.number as orderNumber']);
}
export type WorkOrderRow = Awaited<ReturnType<ReturnType<typeof selectWorkOrders>['executeTakeFirstOrThrow']>>;

export const workOrders = {
  insert: (q: Q, row: WorkOrderTable) => q.insertInto('workOrder').values(row).execute(),
  /** Insert unless the line already has an open work order (its open_line_key is unique). */
  insertForLine: async (q: Q, row: WorkOrderTable) => {
    const r = await q
      .insertInto('workOrder')
      .values(row)
      .onConflict((oc) => oc.column('openLineKey').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  },
  byId: (q: Q, id: string) => selectWorkOrders(q).where('workOrder.id', '=', id).executeTakeFirst(),
  open: (q: Q) => q.selectFrom('workOrder').selectAll().where('status', 'in', openWorkOrderStatuses).execute(),
  openOfOrder: (q: Q, orderId: string) => q.selectFrom('workOrder').selectAll().where('orderId', '=', orderId).where('status', 'in', openWorkOrderStatuses).execute(),
  /**
   * Moves a work order on only from the states given (and the version, when passed): the
   * row-level guard that lets exactly one of two concurrent planners through.
   */
  async transition(q: Q, id: string, from: readonly WorkOrderTable['status'][], patch: Partial<WorkOrderTable>, version?: number) {
    let qb = q
      .updateTable('workOrder')
      .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('status', 'in', from);
    if (version !== undefined) qb = qb.where('version', '=', version);
    return qb.returningAll().executeTakeFirst();
  },
  /** Σ still-to-come qty (qty − received) of open work orders per product. */
  async incoming(q: Q, productIds: string[]) {
    const out = new Map<string, number>();
    if (productIds.length === 0) return out;
    const rows = await q
      .selectFrom('workOrder')
      .select((eb) => ['productId', eb.fn.sum<number>(sql`qty - received_qty`).as('incoming')])
      .where('productId', 'in', productIds)
      .where('status', 'in', openWorkOrderStatuses)
      .groupBy('productId')
      .execute();
    for (const r of rows) out.set(r.productId, Math.max(0, Number(r.incoming ?? 0)));
    return out;
  },
};

export const operations = {
  insert: (q: Q, rows: WorkOrderOperationTable[]) => (rows.length ? q.insertInto('workOrderOperation').values(rows).execute() : Promise.resolve([])),
  of: (q: Q, workOrderIds: string[]) =>
    workOrderIds.length
      ? q
          .selectFrom('workOrderOperation')
          .innerJoin('workCenter', 'workCenter.id', 'workOrderOperation.workCenterId')
          .selectAll('workOrderOperation')
          .select('workCenter.code as workCenterCode')
          .where('workOrderOperation.workOrderId', 'in', workOrderIds)
          .orderBy('workOrderOperation.workOrderId')
          .orderBy('workOrderOperation.seq')
          .execute()
      : Promise.resolve([]),
  /** Operations of every open work order, in one query (the scheduler's input). */
  ofOpen: (q: Q) =>
    q
      .selectFrom('workOrderOperation')
      .innerJoin('workOrder', 'workOrder.id', 'workOrderOperation.workOrderId')
      .selectAll('workOrderOperation')
      .where('workOrder.status', 'in', openWorkOrderStatuses)
      .orderBy('workOrderOperation.workOrderId')
      .orderBy('workOrderOperation.seq')
      .execute(),
  report: (q: Q, id: string, patch: Pick<WorkOrderOperationTable, 'goodQty' | 'scrapQty' | 'state'>) => q.updateTable('workOrderOperation').set(patch).where('id', '=', id).execute(),
};
export type OperationRow = Awaited<ReturnType<typeof operations.of>>[number];

export const progressLog = {
  insert: (q: Q, row: { id: string; workOrderId: string; operationId: string; goodQty: number; scrapQty: number; operatorId: string | null; note: string | null; at: string }) => q.insertInto('workOrderProgress').values(row).execute(),
  of: (q: Q, workOrderId: string) => q.selectFrom('workOrderProgress').selectAll().where('workOrderId', '=', workOrderId).orderBy('at').orderBy('id').execute(),
};
