import type { z } from 'zod';
import { fromMilli, toMilli } from '../../../contracts/quantity.ts';
import type { packagesBody, ShipmentPackage } from '../../../contracts/shipping.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import { getSetting } from '../../platform/settings.ts';

type Q = Db | Tx;

/**
 * Takes the draft for this transaction: a no-op UPDATE guarded by the status, which on
 * PostgreSQL row-locks the shipment (SQLite write transactions are serial anyway). Packing
 * and dispatch both start with it, so a dispatch never reads a packing list that a
 * concurrent edit is replacing, and of two dispatches only the first finds a draft.
 */
export async function claimDraft(tx: Tx, id: string) {
  const r = await tx.updateTable('shipment').set({ status: 'draft' }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) {
    const s = await tx.selectFrom('shipment').select('status').where('id', '=', id).executeTakeFirst();
    throw new AppError('INVALID_STATE', { action: 'pack', state: s?.status ?? 'unknown' });
  }
}

export async function loadPackages(q: Q, shipmentId: string): Promise<ShipmentPackage[]> {
  return (await loadPackagesOf(q, [shipmentId])).get(shipmentId) ?? [];
}

/** The packing lists of several shipments in two queries. */
export async function loadPackagesOf(q: Q, shipmentIds: string[]): Promise<Map<string, ShipmentPackage[]>> {
  const out = new Map<string, ShipmentPackage[]>();
  if (shipmentIds.length === 0) return out;
  const pkgs = await q.selectFrom('shipmentPackage').selectAll().where('shipmentId', 'in', shipmentIds).orderBy('shipmentId').orderBy('no').execute();
  if (pkgs.length === 0) return out;
  const lines = await q.selectFrom('shipmentPackageLine').select(['packageId', 'orderLineId', 'qty']).where('shipmentId', 'in', shipmentIds).orderBy('id').execute();
  const mm = (v: number | null) => (v === null ? null : Number(v) / 10);
  for (const p of pkgs) {
    const list = out.get(p.shipmentId) ?? [];
    list.push({
      no: Number(p.no),
      weightKg: Number(p.weightG) / 1000,
      lengthCm: mm(p.lengthMm),
      widthCm: mm(p.widthMm),
      heightCm: mm(p.heightMm),
      lines: lines.filter((l) => l.packageId === p.id).map((l) => ({ orderLineId: l.orderLineId, qty: fromMilli(Number(l.qty)) })),
    });
    out.set(p.shipmentId, list);
  }
  return out;
}

/** Shipped vs packed per shipment line (thousandths inside, decimals out). */
export async function packingState(q: Q, shipmentId: string) {
  const lines = await q.selectFrom('shipmentLine as l').innerJoin('product as p', 'p.id', 'l.productId').select(['l.orderLineId', 'p.sku', 'l.qty']).where('l.shipmentId', '=', shipmentId).orderBy('l.id').execute();
  const packed = await q.selectFrom('shipmentPackageLine').select(['orderLineId', 'qty']).where('shipmentId', '=', shipmentId).execute();
  const packedOf = new Map<string, number>();
  for (const p of packed) packedOf.set(p.orderLineId, (packedOf.get(p.orderLineId) ?? 0) + Number(p.qty));
  const packages = await loadPackages(q, shipmentId);
  const weightG = (await q.selectFrom('shipmentPackage').select('weightG').where('shipmentId', '=', shipmentId).execute()).reduce((s, p) => s + Number(p.weightG), 0);
  const out = lines.map((l) => ({ orderLineId: l.orderLineId, sku: l.sku, qtyMilli: Number(l.qty), packedMilli: packedOf.get(l.orderLineId) ?? 0 }));
  return {
    packages,
    lines: out.map((l) => ({ orderLineId: l.orderLineId, sku: l.sku, qty: fromMilli(l.qtyMilli), packedQty: fromMilli(l.packedMilli) })),
    complete: out.every((l) => l.packedMilli === l.qtyMilli),
    hasPackages: packages.length > 0,
    totalWeightKg: weightG / 1000,
  };
}

/**
 * Before dispatch: once packing has started (or the company requires it) every line must be
 * packed exactly — PACKING_INCOMPLETE names the lines that are not.
 */
export async function assertPacked(tx: Tx, shipmentId: string) {
  const st = await packingState(tx, shipmentId);
  if (!st.hasPackages && !(await getSetting(tx, 'shipping.packingRequired'))) return;
  const off = st.lines.filter((l) => l.packedQty !== l.qty);
  if (off.length) throw new AppError('PACKING_INCOMPLETE', { lines: off });
}

export function createPackingService(db: Db) {
  const scoped = async (q: Q, actor: Actor, id: string) => {
    const s = await q.selectFrom('shipment').select(['id', 'orderId', 'number', 'status']).where('id', '=', id).where(scopeCondition(actor, 'shipment.ownerId')).executeTakeFirst();
    if (!s) throw notFound();
    return s;
  };
  return {
    async get(actor: Actor, id: string) {
      await scoped(db, actor, id);
      const { hasPackages: _h, ...st } = await packingState(db, id);
      return st;
    },

    /** Replaces the packing list of a draft: package numbers unique, lines of this shipment, never more than it ships. */
    async put(actor: Actor, id: string, input: z.infer<typeof packagesBody>) {
      await inTransaction(db, async (tx) => {
        const s = await scoped(tx, actor, id);
        await claimDraft(tx, id);
        const shipped = new Map((await tx.selectFrom('shipmentLine').select(['orderLineId', 'qty']).where('shipmentId', '=', id).execute()).map((l) => [l.orderLineId, Number(l.qty)]));
        const problems: ReturnType<typeof fieldError>[] = [];
        const seen = new Set<number>();
        const sum = new Map<string, number>();
        input.forEach((p, i) => {
          if (seen.has(p.no)) problems.push(fieldError(`${i}.no`, 'duplicate_package_no'));
          seen.add(p.no);
          p.lines.forEach((l, j) => {
            const max = shipped.get(l.orderLineId);
            if (max === undefined) return void problems.push(fieldError(`${i}.lines.${j}.orderLineId`, 'not_in_shipment'));
            const total = (sum.get(l.orderLineId) ?? 0) + toMilli(l.qty);
            sum.set(l.orderLineId, total);
            if (total > max) problems.push(fieldError(`${i}.lines.${j}.qty`, 'exceeds_shipment_qty', { shipped: fromMilli(max) }));
          });
        });
        if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
        await tx.deleteFrom('shipmentPackage').where('shipmentId', '=', id).execute();
        const mm = (v: number | null | undefined) => (v == null ? null : Math.round(v * 10));
        const rows = input.map((p) => ({ id: newId(), shipmentId: id, no: p.no, weightG: Math.round(p.weightKg * 1000), lengthMm: mm(p.lengthCm), widthMm: mm(p.widthCm), heightMm: mm(p.heightCm) }));
        if (rows.length) await tx.insertInto('shipmentPackage').values(rows).execute();
        const lines = input.flatMap((p, i) => p.lines.map((l) => ({ id: newId(), packageId: rows[i].id, shipmentId: id, orderLineId: l.orderLineId, qty: toMilli(l.qty) })));
        if (lines.length) await tx.insertInto('shipmentPackageLine').values(lines).execute();
        await appendEvent(tx, { entityType: 'order', entityId: s.orderId, type: 'shipment.packed', actor, stage: 'shipping', data: { shipmentId: id, number: s.number, packages: input.length, weightKg: rows.reduce((a, r) => a + r.weightG, 0) / 1000 } });
      });
      return this.get(actor, id);
    },

    /** What to pick, per warehouse (then SKU), with what is on hand there and what is packed already. */
    async pickList(actor: Actor, id: string) {
      const s = await db
        .selectFrom('shipment')
        .leftJoin('salesOrder', 'salesOrder.id', 'shipment.orderId')
        .select(['shipment.id', 'shipment.number', 'shipment.status', 'salesOrder.number as orderNumber'])
        .where('shipment.id', '=', id)
        .where(scopeCondition(actor, 'shipment.ownerId'))
        .executeTakeFirst();
      if (!s) throw notFound();
      const rows = await db
        .selectFrom('shipmentLine as l')
        .innerJoin('product as p', 'p.id', 'l.productId')
        .innerJoin('orderLine as ol', 'ol.id', 'l.orderLineId')
        .leftJoin('warehouse as w', 'w.id', 'l.warehouseId')
        .leftJoin('stock as st', (j) => j.onRef('st.productId', '=', 'l.productId').onRef('st.warehouseId', '=', 'l.warehouseId'))
        .select(['l.orderLineId', 'l.productId', 'p.sku', 'p.name', 'p.unit', 'ol.spec', 'l.qty', 'l.warehouseId', 'w.code as warehouseCode', 'w.name as warehouseName', 'st.onHand'])
        .where('l.shipmentId', '=', id)
        .execute();
      const packed = await packingState(db, id);
      const packedOf = new Map(packed.lines.map((l) => [l.orderLineId, l.packedQty]));
      rows.sort((a, b) => (a.warehouseCode ?? '').localeCompare(b.warehouseCode ?? '') || a.sku.localeCompare(b.sku));
      return {
        shipmentId: s.id,
        number: s.number,
        orderNumber: s.orderNumber ?? null,
        status: s.status,
        lines: rows.map((r) => ({
          orderLineId: r.orderLineId,
          productId: r.productId,
          sku: r.sku,
          name: r.name,
          unit: r.unit,
          spec: json.read<Record<string, unknown>>(r.spec, {}),
          qty: fromMilli(Number(r.qty)),
          warehouseId: r.warehouseId,
          warehouseCode: r.warehouseCode ?? null,
          warehouseName: r.warehouseName ?? null,
          onHand: fromMilli(Number(r.onHand ?? 0)),
          packedQty: packedOf.get(r.orderLineId) ?? 0,
        })),
      };
    },
  };
}
export type PackingService = ReturnType<typeof createPackingService>;
