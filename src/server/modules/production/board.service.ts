import type { Board } from '../../../contracts/production.ts';
import { fromMilli } from '../../../contracts/quantity.ts';
import { openWorkOrderStatuses } from '../../../contracts/production.ts';
import type { Db } from '../../platform/db/database.ts';
import { progressPct } from './work-order.mapper.ts';
import { workCenters } from './work-centers.repository.ts';

const QUEUE = 5;

/** The board reads the last plan: each center's open operations in planned order (unplanned last), a few per center. */
export function createBoardService(db: Db) {
  return {
    async board(): Promise<Board> {
      const centers = await workCenters.list(db);
      const rows = await db
        .selectFrom('workOrderOperation as o')
        .innerJoin('workOrder as w', 'w.id', 'o.workOrderId')
        .innerJoin('product as p', 'p.id', 'w.productId')
        .select(['o.workCenterId', 'o.name', 'o.plannedStart', 'o.plannedFinish', 'o.state', 'w.id', 'w.number', 'w.qty', 'w.status', 'w.atRisk', 'p.sku'])
        .where('w.status', 'in', openWorkOrderStatuses)
        .where('o.state', '<>', 'done')
        .execute();
      const allOps = await db
        .selectFrom('workOrderOperation as o')
        .innerJoin('workOrder as w', 'w.id', 'o.workOrderId')
        .select(['o.workOrderId', 'o.goodQty', 'o.scrapQty'])
        .where('w.status', 'in', openWorkOrderStatuses)
        .orderBy('o.workOrderId')
        .orderBy('o.seq')
        .execute();
      const opsOf = new Map<string, { goodQty: number; scrapQty: number }[]>();
      for (const o of allOps) opsOf.set(o.workOrderId, [...(opsOf.get(o.workOrderId) ?? []), o]);
      const key = (s: string | null) => s ?? '9999';
      rows.sort((a, b) => key(a.plannedStart).localeCompare(key(b.plannedStart)) || a.number.localeCompare(b.number));
      const openIds = new Set(rows.map((r) => r.id));
      const risky = new Set(rows.filter((r) => r.atRisk === 1).map((r) => r.id));
      const running = new Set(rows.filter((r) => r.status === 'in_progress').map((r) => r.id));
      return {
        at: new Date().toISOString(),
        centers: centers.map((c) => ({
          id: c.id,
          code: c.code,
          name: c.name,
          state: c.state,
          downReason: c.downReason,
          expectedUpAt: c.expectedUpAt,
          queue: rows
            .filter((r) => r.workCenterId === c.id)
            .slice(0, QUEUE)
            .map((r) => ({
              workOrderId: r.id,
              number: r.number,
              sku: r.sku,
              operation: r.name,
              qty: fromMilli(Number(r.qty)),
              plannedStart: r.plannedStart,
              plannedFinish: r.plannedFinish,
              atRisk: r.atRisk === 1,
              status: r.status,
              progressPct: progressPct(r.status, Number(r.qty), opsOf.get(r.id) ?? []),
            })),
        })),
        totals: { open: openIds.size, inProgress: running.size, atRisk: risky.size, centersDown: centers.filter((c) => c.state === 'down').length },
      };
    },
  };
}

export type BoardService = ReturnType<typeof createBoardService>;
