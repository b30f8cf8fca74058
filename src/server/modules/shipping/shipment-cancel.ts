import type { z } from 'zod';
import type { cancelShipmentBody } from '../../../contracts/shipping.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { restoreForShipment } from '../inventory/index.ts';
import { notify } from '../notifications/index.ts';
import { fulfilment } from '../orders/index.ts';
import type { ExceptionsService } from './exceptions.service.ts';
import { shipmentMachine } from './shipment.machine.ts';

/**
 * Cancels a shipment. A draft is simply dropped. A dispatched shipment that has not been
 * delivered needs a reason: its stock issue is reversed by a compensating receipt, the
 * reservation is restored for the order line, the order steps back (shipped → partially
 * shipped or confirmed, and its stage track with it), its open exceptions close with the
 * resolution `shipment_cancelled`, and the order owner is told. Delivered (or already cancelled)
 * answers INVALID_STATE (409). The status change is a guarded UPDATE, so of two cancels
 * racing only one reverses the stock.
 */
export async function cancelShipment(db: Db, config: Pick<Config, 'publicUrl'>, exceptions: Pick<ExceptionsService, 'closeForCancelled'>, actor: Actor, id: string, input: z.infer<typeof cancelShipmentBody>) {
  await inTransaction(db, async (tx) => {
    const s = await tx.selectFrom('shipment').selectAll().where('id', '=', id).where(scopeCondition(actor, 'shipment.ownerId')).executeTakeFirst();
    if (!s) throw notFound();
    const to = shipmentMachine.next(s.status, 'cancel');
    const dispatched = s.status !== 'draft';
    const reason = input.reason?.trim() || null;
    if (dispatched && !reason) throw new AppError('VALIDATION_FAILED', [fieldError('reason', 'required')]);
    const at = nowIso();
    const moved = await tx.updateTable('shipment').set({ status: to, cancelledAt: at, cancelReason: reason }).where('id', '=', id).where('status', '=', s.status).executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
    let orderStatus: string | null = null;
    if (dispatched) {
      const lines = await tx.selectFrom('shipmentLine').selectAll().where('shipmentId', '=', id).execute();
      await restoreForShipment(tx, { orderId: s.orderId, shipmentId: id, actor, reason: 'shipment_cancelled', lines: lines.map((l) => ({ orderLineId: l.orderLineId, productId: l.productId, warehouseId: l.warehouseId, qty: Number(l.qty) })) });
      orderStatus = await fulfilment.reverseShipment(tx, actor, s.orderId, id, lines.map((l) => ({ orderLineId: l.orderLineId, qty: Number(l.qty) })));
    }
    // Its delay, tracking or receipt problems end with it.
    await exceptions.closeForCancelled(tx, id, actor);
    await appendEvent(tx, { entityType: 'order', entityId: s.orderId, type: 'shipment.cancelled', actor, stage: 'shipping', data: { shipmentId: id, number: s.number, from: s.status, reason, trackingNumber: s.trackingNumber, orderStatus } });
    if (dispatched && s.ownerId !== actor.id) {
      await notify(tx, { userIds: [s.ownerId], kind: 'shipment.cancelled', title: `已发货的发货单被取消：${s.number}`, body: reason ?? '', link: `${config.publicUrl}/orders/${s.orderId}`, email: true });
    }
  });
}
