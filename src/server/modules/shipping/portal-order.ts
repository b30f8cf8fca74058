import type { z } from 'zod';
import type { confirmReceiptBody } from '../../../contracts/shipping.ts';
import { fromMilli } from '../../../contracts/quantity.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import type { ResolvedLink } from '../../platform/links.ts';
import { getSetting } from '../../platform/settings.ts';
import { notify } from '../notifications/index.ts';
import { fulfilment } from '../orders/index.ts';
import type { ExceptionsService } from './exceptions.service.ts';

/** The customer's own order page (/c/:token): progress, shipments with tracking, proof of delivery. */
export function createOrderPortal(db: Db, config: Pick<Config, 'publicUrl'>, exceptions: ExceptionsService) {
  return {
    async view(link: ResolvedLink) {
      const o = await db.selectFrom('salesOrder').innerJoin('customer', 'customer.id', 'salesOrder.customerId').select(['salesOrder.id', 'salesOrder.number', 'salesOrder.status', 'salesOrder.promisedDate', 'salesOrder.gross', 'customer.name as customerName']).where('salesOrder.id', '=', link.entityId).executeTakeFirstOrThrow();
      const lines = await db.selectFrom('orderLine').innerJoin('product', 'product.id', 'orderLine.productId').select(['orderLine.id', 'product.name', 'product.sku', 'product.unit', 'orderLine.qty', 'orderLine.shippedQty']).where('orderLine.orderId', '=', o.id).orderBy('orderLine.lineNo').execute();
      const shipments = await db.selectFrom('shipment').selectAll().where('orderId', '=', o.id).where('status', '!=', 'draft').where('status', '!=', 'cancelled').orderBy('createdAt').execute();
      const ids = shipments.map((s) => s.id);
      const sLines = ids.length ? await db.selectFrom('shipmentLine as l').innerJoin('product as p', 'p.id', 'l.productId').select(['l.shipmentId', 'p.name', 'p.unit', 'l.qty']).where('l.shipmentId', 'in', ids).execute() : [];
      const events = ids.length ? await db.selectFrom('trackingEvent').select(['id', 'shipmentId', 'at', 'status', 'location', 'description']).where('shipmentId', 'in', ids).orderBy('at').execute() : [];
      return {
        kind: 'order' as const,
        company: await getSetting(db, 'company.name'),
        customerName: o.customerName,
        number: o.number,
        status: o.status,
        promisedDate: o.promisedDate,
        gross: Number(o.gross),
        lines: lines.map((l) => ({ name: l.name, sku: l.sku, unit: l.unit, qty: fromMilli(Number(l.qty)), shippedQty: fromMilli(Number(l.shippedQty)) })),
        shipments: shipments.map((s) => ({
          id: s.id,
          number: s.number,
          status: s.status,
          carrier: s.carrier,
          trackingNumber: s.trackingNumber,
          eta: s.eta,
          dispatchedAt: s.dispatchedAt,
          deliveredAt: s.deliveredAt,
          receipt: json.read(s.receipt, null),
          events: events.filter((e) => e.shipmentId === s.id).map(({ shipmentId: _s, ...e }) => e),
          lines: sLines.filter((l) => l.shipmentId === s.id).map((l) => ({ name: l.name, unit: l.unit, qty: fromMilli(Number(l.qty)) })),
        })),
        expiresAt: link.expiresAt,
      };
    },

    /**
     * A photo of the delivery with the customer's answer (optional, once per shipment): only
     * for a shipment of this link whose receipt is answered and has no photo yet. `store` keeps
     * the file (files module); the receipt then names it, guarded against a second photo at once.
     */
    async addReceiptPhoto(link: ResolvedLink, shipmentId: string, store: () => Promise<{ id: string; name: string }>) {
      const scope = link.kind === 'customer' ? 'customerId' : 'orderId';
      const s = await db.selectFrom('shipment').select(['id', 'orderId', 'number', 'receipt', 'ownerId']).where('id', '=', shipmentId).where(scope, '=', link.entityId).where('status', 'not in', ['draft', 'cancelled']).executeTakeFirst();
      if (!s) throw notFound();
      const receipt = json.read<Record<string, unknown> | null>(s.receipt, null);
      if (!receipt || receipt.photoFileId) throw new AppError('INVALID_STATE', { action: 'receipt_photo', state: receipt ? 'photo_added' : 'receipt_not_answered' });
      const file = await store();
      return inTransaction(db, async (tx) => {
        const updated = await tx.updateTable('shipment').set({ receipt: json.write({ ...receipt, photoFileId: file.id }) }).where('id', '=', s.id).where('receipt', '=', s.receipt).executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
        await appendEvent(tx, { entityType: 'order', entityId: s.orderId, type: 'shipment.receipt_photo_added', actor: null, stage: 'delivery', data: { shipmentId: s.id, number: s.number, fileId: file.id, name: file.name, linkId: link.id } });
        await notify(tx, { userIds: [s.ownerId], kind: 'shipment.receipt_photo_added', title: `客户上传了签收照片：${s.number}`, body: file.name, link: `${config.publicUrl}/orders/${s.orderId}` });
        return { shipmentId: s.id, fileId: file.id };
      });
    },

    /**
     * Proof of delivery from the customer: confirmed receipt marks the shipment delivered
     * (and the order, when it was the last one); a dispute keeps it open and alerts the owner.
     */
    async confirmReceipt(link: ResolvedLink, input: z.infer<typeof confirmReceiptBody>, client: { ip: string; userAgent: string | null }) {
      return inTransaction(db, async (tx) => {
        const s = await tx.selectFrom('shipment').selectAll().where('id', '=', input.shipmentId).where('orderId', '=', link.entityId).executeTakeFirst();
        if (!s) throw new AppError('VALIDATION_FAILED', [fieldError('shipmentId', 'not_found')]);
        if (s.receipt) throw new AppError('INVALID_STATE', { action: 'confirm_receipt', state: 'already_answered' });
        if (!['dispatched', 'in_transit', 'delivered', 'exception'].includes(s.status)) throw new AppError('INVALID_STATE', { action: 'confirm_receipt', state: s.status });
        const at = nowIso();
        const receipt = { at, disputed: input.disputed, comment: input.comment ?? null, contactName: input.contactName ?? null, ip: client.ip, userAgent: client.userAgent?.slice(0, 300) ?? null };
        await tx.updateTable('shipment').set({ receipt: json.write(receipt), ...(input.disputed ? {} : { status: 'delivered', deliveredAt: s.deliveredAt ?? at }) }).where('id', '=', s.id).execute();
        const type = input.disputed ? 'shipment.receipt_disputed' : 'shipment.receipt_confirmed';
        await appendEvent(tx, { entityType: 'order', entityId: s.orderId, type, actor: null, stage: 'delivery', data: { shipmentId: s.id, number: s.number, ...receipt, linkId: link.id } });
        if (!input.disputed) await fulfilment.recordDelivery(tx, null, s.orderId);
        else await exceptions.open(tx, { type: 'receipt_disputed', entityType: 'shipment', entityId: s.id, orderId: s.orderId, ownerId: s.ownerId, details: { shipment: s.number, comment: input.comment ?? null, contactName: input.contactName ?? null }, actor: null });
        await notify(tx, {
          userIds: [s.ownerId],
          kind: type,
          title: input.disputed ? `客户对签收有异议：${s.number}` : `客户已确认签收：${s.number}`,
          body: input.comment ?? '',
          link: `${config.publicUrl}/orders/${s.orderId}`,
          email: input.disputed,
        });
        return { shipmentId: s.id, disputed: input.disputed, at };
      });
    },
  };
}
export type OrderPortal = ReturnType<typeof createOrderPortal>;
