/**
 * Adjustments above the admin threshold (setting `inventory.adjustmentApproval`) are not
 * booked: they wait in `adjustment_request` for someone with inventory:approve.
 */
import type { AdjustmentRequest, MovementCreate } from '../../../contracts/inventory.ts';
import { fromMilli } from '../../../contracts/quantity.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { getSetting } from '../../platform/settings.ts';
import { tellApprovers } from './adjustment-notify.ts';
import type { ProductFacts } from './products.repository.ts';

/** Above either limit: |qty| over the quantity limit, or |qty| × cost over the value limit (fen). Quantities in thousandths. */
export async function needsApproval(q: Db | Tx, product: Pick<ProductFacts, 'cost'>, qty: number): Promise<boolean> {
  const limit = await getSetting(q, 'inventory.adjustmentApproval');
  const units = Math.abs(qty);
  if (limit.qty !== null && units > Math.round(limit.qty * 1000)) return true;
  return limit.valueFen !== null && (units * Number(product.cost)) / 1000 > limit.valueFen;
}

export function selectRequests(q: Db | Tx) {
  return q
    .selectFrom('adjustmentRequest as r')
    .innerJoin('product as p', 'p.id', 'r.productId')
    .innerJoin('warehouse as w', 'w.id', 'r.warehouseId')
    .leftJoin('appUser as u', 'u.id', 'r.requestedBy')
    .select(['r.id', 'r.productId', 'p.sku', 'p.name as productName', 'p.unit', 'r.warehouseId', 'w.code as warehouseCode', 'r.qty', 'r.reason', 'r.status', 'r.requestedBy', 'u.displayName as requestedByName', 'r.requestedAt', 'r.decidedBy', 'r.decidedAt', 'r.decisionNote', 'r.movementId']);
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof selectRequests>['executeTakeFirstOrThrow']>>;

export const toRequest = (r: RequestRow): AdjustmentRequest => ({ ...r, qty: fromMilli(Number(r.qty)), requestedByName: r.requestedByName ?? null });

export async function requestById(q: Db | Tx, id: string): Promise<AdjustmentRequest> {
  const row = await selectRequests(q).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return toRequest(row);
}

/** Records the adjustment as pending (nothing on the ledger) with an event on the product's timeline, and tells every possible approver. */
export async function requestAdjustment(tx: Tx, actor: Actor, input: MovementCreate, qty: number): Promise<AdjustmentRequest> {
  const id = newId();
  await tx
    .insertInto('adjustmentRequest')
    .values({ id, productId: input.productId, warehouseId: input.warehouseId, qty, reason: input.reason!, status: 'pending', requestedBy: actor.via === 'system' ? null : actor.id, requestedAt: nowIso(), decidedBy: null, decidedAt: null, decisionNote: null, movementId: null })
    .execute();
  await appendEvent(tx, { entityType: 'product', entityId: input.productId, type: 'stock.adjustment_requested', actor, data: { requestId: id, warehouseId: input.warehouseId, qty: fromMilli(qty), reason: input.reason } });
  const request = await requestById(tx, id);
  await tellApprovers(tx, request);
  return request;
}
