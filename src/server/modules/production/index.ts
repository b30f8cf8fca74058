/**
 * production — multi-level BOMs (versions with effective dates), their explosion and the
 * material check of an order's make-to-order lines; work centers and routings; work orders
 * (made from short make-to-order lines at confirmation, or by hand) with release, progress
 * and finished-goods receipt; the finite-capacity scheduler and equipment down/up.
 * Sits above orders, inventory and catalog; reads and writes orders only through the
 * orders door, and learns of confirmations and cancellations from order events.
 */
import type { App, AppContext } from '../../platform/http/types.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { OutboxHandler } from '../../platform/outbox/worker.ts';
import type { OrdersService } from '../orders/index.ts';
import { boardAnnouncer } from './board-live.ts';
import { createBoardService } from './board.service.ts';
import { createBomService } from './bom.service.ts';
import { createEquipmentService } from './equipment.service.ts';
import { createMaterialCheckService } from './material-check.service.ts';
import { productionRoutes } from './production.routes.ts';
import { createScheduleViewService } from './schedule-view.service.ts';
import { createScheduleService, RESCHEDULE_CHANNEL, runSchedule as plan } from './schedule.service.ts';
import { MINUTE } from './capacity.ts';
import { createWorkCentersService } from './work-centers.service.ts';
import { registerWorkOrderDemand } from './work-order-demand.ts';
import { workOrderRoutes } from './work-orders.routes.ts';
import { createWorkOrdersService } from './work-orders.service.ts';

export { explode, BomCycleError, type BomEdge, type ExplodedRequirement } from './bom-explosion.ts';
export type { BomService } from './bom.service.ts';
export type { MaterialCheckService } from './material-check.service.ts';
export { placeWork, isWorkingDay, type CenterCalendar } from './capacity.ts';
export { schedule, type PlanWorkOrder, type PlannedWorkOrder } from './scheduler.ts';
export { runSchedule } from './schedule.service.ts';
export { explodeFor } from './bom.service.ts';
export { BOARD_EVENT } from './board-live.ts';

export function registerProduction(app: App, ctx: AppContext, deps: { orders: Pick<OrdersService, 'get'> }) {
  const bom = createBomService(ctx.handle.db, ctx.config);
  const materials = createMaterialCheckService(ctx.handle.db, ctx.config, deps.orders);
  const centers = createWorkCentersService(ctx.handle.db);
  const announce = boardAnnouncer(ctx.live);
  const workOrders = createWorkOrdersService(ctx.handle.db, ctx.config, announce);
  const schedule = createScheduleService(ctx.handle.db, announce);
  const equipment = createEquipmentService(ctx.handle.db, ctx.config, announce);
  registerWorkOrderDemand(ctx.config.timeZone);
  productionRoutes(app, bom, materials);
  workOrderRoutes(app, { centers, workOrders, schedule, scheduleView: createScheduleViewService(ctx.handle.db), equipment, board: createBoardService(ctx.handle.db) });
  return { bom, materials, centers, workOrders, schedule, equipment };
}

/** The worker's side of production: re-planning requested by changes (see requestReschedule). */
export function createProductionHandlers(ctx: AppContext): Record<string, OutboxHandler> {
  return {
    [RESCHEDULE_CHANNEL]: async () => {
      await inTransaction(ctx.handle.db, (tx) => plan(tx, Math.ceil(Date.now() / MINUTE) * MINUTE));
      boardAnnouncer(ctx.live)('schedule');
    },
  };
}
