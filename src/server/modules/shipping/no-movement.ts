import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { getSetting } from '../../platform/settings.ts';
import type { ExceptionsService } from './exceptions.service.ts';

const MOVING = ['dispatched', 'in_transit'] as const;
/** Shipments read per query: the scan walks the stale ones in last-movement order. */
const BATCH = 500;

/**
 * Finds dispatched shipments whose newest tracking event (or dispatch) is older than
 * `shipping.noMovementHours` and opens one `no_movement` exception for each — once per
 * silence: the shipment is marked alerted in the same transaction with a guarded UPDATE, so
 * overlapping scans (several workers) never raise it twice, and the mark is cleared when
 * the next tracking event arrives. `now` is injected so tests (and replays) set the clock.
 * The index (status, movement_alerted_at, last_movement_at) keeps each batch a range read.
 */
export async function scanNoMovement(db: Db, exceptions: ExceptionsService, now: Date = new Date()): Promise<{ scanned: number; raised: number }> {
  const hours = await getSetting(db, 'shipping.noMovementHours');
  const cutoff = new Date(now.getTime() - hours * 3_600_000).toISOString();
  let scanned = 0;
  let raised = 0;
  let after = '';
  let afterId = '';
  for (;;) {
    const rows = await db
      .selectFrom('shipment')
      .leftJoin('salesOrder', 'salesOrder.id', 'shipment.orderId')
      .select(['shipment.id', 'shipment.number', 'shipment.orderId', 'shipment.ownerId', 'shipment.carrier', 'shipment.trackingNumber', 'shipment.status', 'shipment.lastMovementAt', 'salesOrder.number as orderNumber'])
      .where('shipment.status', 'in', MOVING)
      .where('shipment.movementAlertedAt', 'is', null)
      .where('shipment.lastMovementAt', '<', cutoff)
      .where((eb) => eb.or([eb('shipment.lastMovementAt', '>', after), eb.and([eb('shipment.lastMovementAt', '=', after), eb('shipment.id', '>', afterId)])]))
      .orderBy('shipment.lastMovementAt')
      .orderBy('shipment.id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    scanned += rows.length;
    for (const s of rows) {
      const opened = await inTransaction(db, async (tx) => {
        const mark = await tx
          .updateTable('shipment')
          .set({ movementAlertedAt: now.toISOString() })
          .where('id', '=', s.id)
          .where('movementAlertedAt', 'is', null)
          .where('lastMovementAt', '=', s.lastMovementAt)
          .where('status', 'in', MOVING)
          .executeTakeFirst();
        if (Number(mark.numUpdatedRows) !== 1) return false;
        // Still open from an earlier silence: marked, not raised again (and no unique-key error, which would abort a PostgreSQL transaction).
        const open = await tx.selectFrom('exception').select('id').where('openKey', '=', `no_movement:${s.id}`).executeTakeFirst();
        if (open) return false;
        const silentHours = Math.floor((now.getTime() - Date.parse(s.lastMovementAt!)) / 3_600_000);
        const id = await exceptions.open(tx, {
          type: 'no_movement',
          entityType: 'shipment',
          entityId: s.id,
          orderId: s.orderId,
          ownerId: s.ownerId,
          details: { shipment: s.number, order: s.orderNumber ?? null, carrier: s.carrier, trackingNumber: s.trackingNumber, lastMovementAt: s.lastMovementAt, silentHours, thresholdHours: hours },
          actor: null,
        });
        // null: an exception of this kind is still open for the shipment (not resolved since the last silence).
        return id !== null;
      });
      if (opened) raised += 1;
    }
    const last = rows[rows.length - 1];
    after = last.lastMovementAt!;
    afterId = last.id;
    if (rows.length < BATCH) break;
  }
  return { scanned, raised };
}
