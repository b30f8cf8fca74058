import { sql } from 'kysely';
import { openWorkOrderStatuses } from '../../../contracts/production.ts';
import type { Db } from '../../platform/db/database.ts';

/** Reads behind the board's figures; the delivery stage and orders are read, never written. */
export const boardReads = {
  /** Open operations with what the board needs to place them and size them: planned in, ordered by seq. */
  openOperations: (db: Db) =>
    db
      .selectFrom('workOrderOperation as o')
      .innerJoin('workOrder as w', 'w.id', 'o.workOrderId')
      .innerJoin('product as p', 'p.id', 'w.productId')
      .select(['o.id as operationId', 'o.workCenterId', 'o.name', 'o.seq', 'o.plannedStart', 'o.plannedFinish', 'o.state', 'o.goodQty', 'o.scrapQty', 'w.id', 'w.number', 'w.qty', 'w.status', 'w.atRisk', 'p.sku'])
      .where('w.status', 'in', openWorkOrderStatuses)
      .orderBy('w.id')
      .orderBy('o.seq')
      .execute(),

  /** Good quantity reported per work center since `since` (ISO). */
  outputSince: (db: Db, since: string) =>
    db
      .selectFrom('workOrderProgress as g')
      .innerJoin('workOrderOperation as o', 'o.id', 'g.operationId')
      .select(['o.workCenterId', sql<number>`sum(g.good_qty)`.as('good')])
      .where('g.at', '>=', since)
      .groupBy('o.workCenterId')
      .execute(),

  /** Open work orders flagged at risk that belong to an order. */
  atRiskWorkOrders: (db: Db) =>
    db
      .selectFrom('workOrder')
      .select(['orderId', 'plannedFinish', 'bottleneckWorkCenterId'])
      .where('status', 'in', openWorkOrderStatuses)
      .where('atRisk', '=', 1)
      .where('orderId', 'is not', null)
      .execute(),

  /**
   * Orders delivered (delivery stage finished, China date) from `fromDate` on, and how many
   * of them on or before their promised date — one aggregate over the stage report index.
   */
  async deliveredOnTime(db: Db, fromDate: string) {
    const r = await db
      .selectFrom('orderStage as s')
      .innerJoin('salesOrder as o', 'o.id', 's.orderId')
      .select([sql<number>`count(*)`.as('delivered'), sql<number>`coalesce(sum(case when s.completed_date <= o.promised_date then 1 else 0 end), 0)`.as('onTime')])
      .where('s.stage', '=', 'delivery')
      .where('s.completedDate', '>=', fromDate)
      .where('s.skipped', '=', 0)
      .executeTakeFirst();
    return { delivered: Number(r?.delivered ?? 0), onTime: Number(r?.onTime ?? 0) };
  },
};
