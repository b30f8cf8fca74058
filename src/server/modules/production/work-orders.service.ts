import { openWorkOrderStatuses, type WorkOrderCreate, type WorkOrderDetail, type WorkOrderProgress, type workOrderListQuery } from '../../../contracts/production.ts';
import { fromMilli, toMilli } from '../../../contracts/quantity.ts';
import type { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { localDate } from '../../platform/dates.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { quietBoard, type AnnounceBoard } from './board-live.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { nowIso } from '../../platform/ids.ts';
import { productsRepository } from '../catalog/index.ts';
import { defaultWarehouseId, releaseForOrder, reserveForOrder } from '../inventory/index.ts';
import { explodeFor } from './bom.service.ts';
import { copyRouting, createWorkOrder } from './work-order-create.ts';
import { toWorkOrder, toWorkOrderDetail } from './work-order.mapper.ts';
import { workOrderMachine } from './work-order.machine.ts';
import { reportProgress } from './work-order-progress.ts';
import { operations, progressLog, selectWorkOrders, workOrders, type WorkOrderRow } from './work-orders.repository.ts';

type ListQuery = z.infer<typeof workOrderListQuery>;

export function createWorkOrdersService(db: Db, config: Pick<Config, 'timeZone'>, announce: AnnounceBoard = quietBoard) {
  /** A write that the board shows: committed first, then announced. */
  async function write<T>(reason: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
    const result = await inTransaction(db, fn);
    announce(reason);
    return result;
  }

  async function detail(q: Db | Tx, id: string): Promise<WorkOrderDetail> {
    const r = await workOrders.byId(q, id);
    if (!r) throw notFound();
    return toWorkOrderDetail(r, await operations.of(q, [id]), await progressLog.of(q, id));
  }

  async function load(tx: Tx, id: string): Promise<WorkOrderRow> {
    const r = await workOrders.byId(tx, id);
    if (!r) throw notFound();
    return r;
  }

  /**
   * Reserves the work order's materials (its BOM's purchased/leaf components for what is
   * still to make) from the default warehouse, held under the work order's id; any shortage
   * refuses the release with the components short, and nothing stays reserved.
   */
  async function reserveMaterials(tx: Tx, actor: Actor, wo: WorkOrderRow) {
    const toMake = Number(wo.qty) - Number(wo.receivedQty);
    const reqs = (await explodeFor(tx, wo.productId, toMake, localDate(new Date(), config.timeZone))).filter((r) => !r.hasBom);
    if (reqs.length === 0) return [];
    const warehouseId = await defaultWarehouseId(tx);
    const results = await reserveForOrder(tx, { orderId: wo.id, actor, lines: reqs.map((r) => ({ orderLineId: wo.id, productId: r.productId, warehouseId, qty: r.requiredMilli })) });
    const components = reqs.map((r, i) => ({ productId: r.productId, sku: r.sku, required: r.required, available: fromMilli(results[i].reserved), short: fromMilli(results[i].short) }));
    if (components.some((c) => c.short > 0)) throw new AppError('MATERIAL_SHORT', { components: components.filter((c) => c.short > 0) });
    return components;
  }

  return {
    get: (id: string) => detail(db, id),

    async list(query: ListQuery) {
      let qb = selectWorkOrders(db).orderBy('workOrder.id', 'desc');
      if (query.status) qb = qb.where('workOrder.status', '=', query.status);
      if (query.orderId) qb = qb.where('workOrder.orderId', '=', query.orderId);
      if (query.productId) qb = qb.where('workOrder.productId', '=', query.productId);
      if (query.atRisk) qb = qb.where('workOrder.atRisk', '=', query.atRisk === 'true' ? 1 : 0);
      if (query.workCenterId) {
        const centerId = query.workCenterId;
        qb = qb.where((eb) => eb.exists(eb.selectFrom('workOrderOperation as o').select('o.id').whereRef('o.workOrderId', '=', 'workOrder.id').where('o.workCenterId', '=', centerId)));
      }
      if (query.q) qb = qb.where((eb) => eb.or([eb('workOrder.number', 'like', `%${query.q}%`), eb('product.sku', 'like', `%${query.q}%`)]));
      const after = decodeCursor(query.cursor);
      if (after) qb = qb.where('workOrder.id', '<', String(after[0]));
      const page = toPage(await qb.limit(query.limit + 1).execute(), query.limit, (r) => [r.id]);
      const ops = await operations.of(
        db,
        page.items.map((r) => r.id),
      );
      return { items: page.items.map((r) => toWorkOrder(r, ops.filter((o) => o.workOrderId === r.id))), nextCursor: page.nextCursor };
    },

    /** Per product: Σ (qty − received) of its open work orders, and which ones, soonest planned first. */
    async incoming(productIds: string[]) {
      const ids = [...new Set(productIds)].slice(0, 200);
      const rows = ids.length
        ? await db.selectFrom('workOrder').select(['id', 'number', 'status', 'productId', 'qty', 'receivedQty', 'plannedFinish']).where('productId', 'in', ids).where('status', 'in', openWorkOrderStatuses).execute()
        : [];
      const key = (v: string | null) => v ?? '9999';
      rows.sort((a, b) => key(a.plannedFinish).localeCompare(key(b.plannedFinish)) || a.number.localeCompare(b.number));
      return {
        items: ids.map((productId) => {
          const mine = rows.filter((r) => r.productId === productId);
          return {
            productId,
            incoming: fromMilli(mine.reduce((sum, r) => sum + Math.max(0, Number(r.qty) - Number(r.receivedQty)), 0)),
            workOrders: mine.map((r) => ({ id: r.id, number: r.number, status: r.status, qty: fromMilli(Number(r.qty)), receivedQty: fromMilli(Number(r.receivedQty)), plannedFinish: r.plannedFinish })),
          };
        }),
      };
    },

    /** A make-to-stock work order (orders' short make lines get theirs at confirmation). */
    async create(actor: Actor, input: WorkOrderCreate): Promise<WorkOrderDetail> {
      return write('work_order.created', async (tx) => {
        const product = await productsRepository.byId(tx, input.productId);
        if (!product) throw new AppError('VALIDATION_FAILED', [fieldError('productId', 'not_found')]);
        const qty = toMilli(input.qty);
        if (qty % 10 ** (3 - product.unitDecimals) !== 0) throw new AppError('VALIDATION_FAILED', [fieldError('qty', 'unit_decimals', { max: product.unitDecimals })]);
        if (input.warehouseId && !(await tx.selectFrom('warehouse').select('id').where('id', '=', input.warehouseId).executeTakeFirst())) {
          throw new AppError('VALIDATION_FAILED', [fieldError('warehouseId', 'not_found')]);
        }
        const row = await createWorkOrder(tx, actor, config.timeZone, { productId: product.id, qty, priority: input.priority, dueDate: input.dueDate ?? null, warehouseId: input.warehouseId ?? null });
        return detail(tx, row!.id);
      });
    },

    /**
     * planned → released: the status guard first (of two planners releasing at once exactly
     * one gets through, the other 409), then the routing (copied now if the product had none
     * when the work order was made) and the materials reserved — all or nothing.
     */
    async release(actor: Actor, id: string, version?: number): Promise<WorkOrderDetail> {
      return write('work_order.released', async (tx) => {
        const before = await load(tx, id);
        workOrderMachine.next(before.status, 'release');
        const now = nowIso();
        const moved = await workOrders.transition(tx, id, ['planned'], { status: 'released', releasedAt: now, updatedAt: now }, version);
        if (!moved) {
          const state = (await load(tx, id)).status;
          throw new AppError(state === 'planned' ? 'CONFLICT' : 'INVALID_STATE', { action: 'release', state });
        }
        if ((await operations.of(tx, [id])).length === 0 && (await copyRouting(tx, id, before.productId)) === 0) throw new AppError('NO_ROUTING', { productId: before.productId });
        const components = await reserveMaterials(tx, actor, before);
        await appendEvent(tx, { entityType: 'work_order', entityId: id, type: 'work_order.released', actor, stage: 'production', data: { number: before.number, components } });
        if (before.orderId) await appendEvent(tx, { entityType: 'order', entityId: before.orderId, type: 'production.work_order_released', actor, stage: 'production', data: { workOrderId: id, number: before.number } });
        return detail(tx, id);
      });
    },

    progress: (actor: Actor, id: string, input: WorkOrderProgress) => write('work_order.progress', async (tx) => (await reportProgress(tx, actor, id, input), detail(tx, id))),

    /** Any open work order can be cancelled; the materials it holds go back to stock. */
    async cancel(actor: Actor, id: string, reason: string): Promise<WorkOrderDetail> {
      return write('work_order.cancelled', async (tx) => {
        await cancelWorkOrder(tx, actor, await load(tx, id), reason);
        return detail(tx, id);
      });
    },
  };
}

export async function cancelWorkOrder(tx: Tx, actor: Actor, wo: Pick<WorkOrderRow, 'id' | 'status' | 'number' | 'orderId'>, reason: string) {
  workOrderMachine.next(wo.status, 'cancel');
  const now = nowIso();
  const moved = await workOrders.transition(tx, wo.id, ['planned', 'released', 'in_progress'], { status: 'cancelled', openLineKey: null, completedAt: now, updatedAt: now, plannedStart: null, plannedFinish: null });
  if (!moved) throw new AppError('INVALID_STATE', { action: 'cancel' });
  await releaseForOrder(tx, { orderId: wo.id, actor, reason: `work order ${wo.number} cancelled` });
  await appendEvent(tx, { entityType: 'work_order', entityId: wo.id, type: 'work_order.cancelled', actor, stage: 'production', data: { number: wo.number, reason } });
}

export type WorkOrdersService = ReturnType<typeof createWorkOrdersService>;
