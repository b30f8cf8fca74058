import type { z } from 'zod';
import { checkDivision, normalizePhone } from '../../../contracts/cn.ts';
import { fromMilli, toMilli } from '../../../contracts/quantity.ts';
import { carriers, type cancelShipmentBody, type shipmentListQuery, type dispatchBody, type Shipment, type shipmentCreateBody, type trackingEventBody } from '../../../contracts/shipping.ts';
import type { Config } from '../../config.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { localDate } from '../../platform/dates.ts';
import { appendEvent } from '../../platform/events.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { nextSequence, numberPattern } from '../../platform/numbering.ts';
import { enqueue } from '../../platform/outbox/outbox.ts';
import { consumeForShipment, defaultWarehouseId } from '../inventory/index.ts';
import { notify } from '../notifications/index.ts';
import { fulfilment } from '../orders/index.ts';
import type { ExceptionsService } from './exceptions.service.ts';
import { kuaidi100Codes, type TrackingUpdate } from './carriers/kuaidi100.ts';
import { estimateEta } from './eta.ts';
import { queueCustomerNotices } from './customer-notices.ts';
import type { NoticeTemplates } from './notice-templates.ts';
import { assertPacked, claimDraft, loadPackagesOf } from './packing.service.ts';
import { cancelShipment } from './shipment-cancel.ts';
import { getSetting } from '../../platform/settings.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { filteredShipments, resolveShipmentFilter, type ShipmentFilter } from './shipment-list.ts';

type Q = Db | Tx;
type Address = { province: string; city: string; district: string; detail: string; recipient: string; phone: string; label?: string | null };
const SHIPPABLE = ['confirmed', 'in_fulfilment', 'partially_shipped'];

/** The address problems that stop a dispatch: each names its field. */
function addressProblems(a: Address | null) {
  if (!a) return [fieldError('shipToAddress', 'address_required')];
  const wrong = checkDivision(a.province, a.city, a.district);
  return [
    ...(wrong ? [fieldError(`shipToAddress.${wrong}`, 'invalid_division')] : []),
    ...(!a.detail?.trim() ? [fieldError('shipToAddress.detail', 'required')] : []),
    ...(!a.recipient?.trim() ? [fieldError('shipToAddress.recipient', 'required')] : []),
    ...(!a.phone || !normalizePhone(a.phone) ? [fieldError('shipToAddress.phone', 'invalid_phone')] : []),
  ];
}
const sameAddress = (a: Address | null, b: Address | null) => !!a && !!b && (['province', 'city', 'district', 'detail', 'recipient', 'phone'] as const).every((k) => a[k] === b[k]);

export function createShipmentsService(db: Db, config: Pick<Config, 'publicUrl' | 'timeZone'>, exceptions: ExceptionsService, templates: NoticeTemplates) {
  const select = (q: Q, actor: Actor | null, filter: ShipmentFilter = {}) =>
    filteredShipments(q, actor, filter).selectAll('shipment').select(['salesOrder.number as orderNumber', 'customer.name as customerName']);

  type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

  /** Shipments with their lines, events and packages: three queries whatever the number of rows. */
  async function hydrate(q: Q, rows: Row[]): Promise<Shipment[]> {
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return [];
    const lines = await q.selectFrom('shipmentLine as l').innerJoin('product as p', 'p.id', 'l.productId').select(['l.shipmentId', 'l.id', 'l.orderLineId', 'l.productId', 'p.sku', 'p.name', 'p.unit', 'l.qty', 'l.warehouseId']).where('l.shipmentId', 'in', ids).orderBy('l.id').execute();
    const events = await q.selectFrom('trackingEvent').select(['shipmentId', 'id', 'at', 'status', 'location', 'description']).where('shipmentId', 'in', ids).orderBy('at').execute();
    const packages = await loadPackagesOf(q, ids);
    return rows.map((s) => ({
      id: s.id,
      number: s.number,
      orderId: s.orderId,
      orderNumber: s.orderNumber ?? null,
      customerId: s.customerId,
      customerName: s.customerName ?? null,
      status: s.status,
      shipToAddress: json.read(s.shipTo, null),
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      eta: s.eta,
      lines: lines.filter((l) => l.shipmentId === s.id).map(({ shipmentId: _s, ...l }) => ({ ...l, qty: fromMilli(Number(l.qty)) })),
      events: events.filter((e) => e.shipmentId === s.id).map(({ shipmentId: _s, ...e }) => e),
      note: s.note,
      dispatchedAt: s.dispatchedAt,
      deliveredAt: s.deliveredAt,
      receipt: json.read(s.receipt, null),
      createdAt: s.createdAt,
      etaSource: (s.etaSource as Shipment['etaSource']) ?? null,
      packages: packages.get(s.id) ?? [],
      cancelledAt: s.cancelledAt,
      cancelReason: s.cancelReason,
    }));
  }

  async function load(q: Q, actor: Actor | null, id: string): Promise<Shipment> {
    const s = await select(q, actor).where('shipment.id', '=', id).executeTakeFirst();
    if (!s) throw notFound();
    return (await hydrate(q, [s]))[0];
  }

  /** Stores one tracking event and moves the shipment; a handful of statements (carrier pushes come in bulk). */
  async function recordEvent(actor: Actor | null, id: string, input: z.infer<typeof trackingEventBody>, raw?: unknown) {
    await inTransaction(db, async (tx) => {
      let q = tx.selectFrom('shipment').select(['id', 'orderId', 'number', 'trackingNumber', 'status', 'ownerId', 'lastMovementAt']).where('id', '=', id);
      if (actor) q = q.where(scopeCondition(actor, 'shipment.ownerId'));
      const s = await q.executeTakeFirst();
      if (!s) throw notFound();
      if (!['dispatched', 'in_transit', 'exception'].includes(s.status)) throw new AppError('INVALID_STATE', { action: 'track', state: s.status });
      const at = new Date(input.at).toISOString();
      await tx.insertInto('trackingEvent').values({ id: newId(), shipmentId: id, at, status: input.status, location: input.location ?? null, description: input.description ?? null, raw: raw === undefined ? null : json.write(raw) }).execute();
      // Carriers push out of order: the newest event is what counts as the last movement.
      const last = s.lastMovementAt && s.lastMovementAt > at ? s.lastMovementAt : at;
      await tx.updateTable('shipment').set({ status: input.status, lastMovementAt: last, movementAlertedAt: null, ...(input.status === 'delivered' ? { deliveredAt: at } : {}) }).where('id', '=', id).execute();
      await appendEvent(tx, { entityType: 'order', entityId: s.orderId, type: `shipment.${input.status}`, actor, stage: input.status === 'delivered' ? 'delivery' : 'shipping', data: { shipmentId: id, location: input.location ?? null, description: input.description ?? null } });
      if (input.status === 'delivered') await fulfilment.recordDelivery(tx, actor, s.orderId);
      if (input.status === 'exception') {
        await exceptions.open(tx, { type: 'tracking_exception', entityType: 'shipment', entityId: id, orderId: s.orderId, ownerId: s.ownerId, details: { shipment: s.number, trackingNumber: s.trackingNumber, location: input.location ?? null, description: input.description ?? null }, actor });
      }
    });
  }

  const service = {
    get: (actor: Actor, id: string) => load(db, actor, id),

    /**
     * Tells the customer about a delivery exception of this shipment with the `shipment.delayed`
     * templates (staff decide; nothing is sent automatically). Each notice is on the order
     * timeline; `notices` is how many went out (0: no contact to reach).
     */
    async notifyCustomerOfException(actor: Actor, exceptionId: string, note: string | null) {
      const ex = await exceptions.get(actor, exceptionId);
      if (ex.entityType !== 'shipment') throw new AppError('INVALID_STATE', { action: 'notify_customer', state: ex.entityType });
      if (ex.state !== 'open') throw new AppError('INVALID_STATE', { action: 'notify_customer', state: ex.state });
      const sent = await inTransaction(db, async (tx) => {
        const s = await load(tx, null, ex.entityId);
        return queueCustomerNotices(tx, templates, config, actor, s, 'shipment.delayed', { note, ref: `${exceptionId}:${Date.now()}` });
      });
      return { exception: await exceptions.get(actor, exceptionId), notices: sent };
    },

    async cancel(actor: Actor, id: string, input: z.infer<typeof cancelShipmentBody>) {
      await cancelShipment(db, config, exceptions, actor, id, input);
      return load(db, actor, id);
    },

    /** Newest first, filtered on the server, in the caller's scope; keyset pages. */
    async list(actor: Actor, q: z.infer<typeof shipmentListQuery>) {
      const after = decodeCursor(q.cursor);
      let qb = select(db, actor, resolveShipmentFilter(q, config.timeZone)).orderBy('shipment.id', 'desc').limit(q.limit + 1);
      if (after) qb = qb.where('shipment.id', '<', String(after[0]));
      const page = toPage(await qb.execute(), q.limit, (r) => [r.id]);
      return { items: await hydrate(db, page.items), nextCursor: page.nextCursor };
    },

    /** A draft shipment for part or all of an order's open quantities. */
    async create(actor: Actor, input: z.infer<typeof shipmentCreateBody>) {
      const id = newId();
      await inTransaction(db, async (tx) => {
        const o = await fulfilment.forShipping(tx, actor, input.orderId);
        if (!SHIPPABLE.includes(o.status)) throw new AppError('INVALID_STATE', { action: 'ship', state: o.status });
        const fallback = await defaultWarehouseId(tx);
        const problems = input.lines.flatMap((l, i) => {
          const line = o.lines.find((x) => x.id === l.orderLineId);
          if (!line) return [fieldError(`lines.${i}.orderLineId`, 'not_found')];
          return toMilli(l.qty) > line.qty - line.shippedQty ? [fieldError(`lines.${i}.qty`, 'exceeds_open_qty', { open: fromMilli(line.qty - line.shippedQty) })] : [];
        });
        if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
        const n = numberPattern('SH-{yyyyMMdd}-{seq:4}', 'day', localDate(new Date(), config.timeZone), 'SH');
        const shipTo = input.shipToAddress ? { ...input.shipToAddress, label: input.shipToAddress.label ?? null } : o.shipTo;
        await tx
          .insertInto('shipment')
          .values({ id, number: n.format(await nextSequence(tx, n.key)), orderId: o.id, customerId: o.customerId, ownerId: o.ownerId, status: 'draft', shipTo: json.write(shipTo), carrier: null, trackingNumber: null, eta: null, note: input.note ?? null, createdBy: actor.id, createdAt: nowIso(), dispatchedAt: null, deliveredAt: null, receipt: null })
          .execute();
        await tx
          .insertInto('shipmentLine')
          .values(input.lines.map((l) => {
            const line = o.lines.find((x) => x.id === l.orderLineId)!;
            return { id: newId(), shipmentId: id, orderLineId: l.orderLineId, productId: line.productId, warehouseId: line.warehouseId ?? fallback!, qty: toMilli(l.qty) };
          }))
          .execute();
        await appendEvent(tx, { entityType: 'order', entityId: o.id, type: 'shipment.created', actor, stage: 'shipping', data: { shipmentId: id, lines: input.lines } });
      });
      return load(db, actor, id);
    },

    /**
     * Dispatch: address, recipient and phone valid; a changed address needs a reason; the
     * order not on hold; the tracking number fits the carrier; quantities within what is
     * reserved. Then stock leaves, the order moves on and the customer is told.
     */
    async dispatch(actor: Actor, id: string, input: z.infer<typeof dispatchBody>) {
      await inTransaction(db, async (tx) => {
        const s = await load(tx, actor, id);
        if (s.status !== 'draft') throw new AppError('INVALID_STATE', { action: 'dispatch', state: s.status });
        await claimDraft(tx, id);
        const o = await fulfilment.forShipping(tx, actor, s.orderId);
        if (o.status === 'on_hold') throw new AppError('ORDER_ON_HOLD');
        const problems = addressProblems(s.shipToAddress as Address | null);
        if (problems.length) throw new AppError('ADDRESS_INVALID', problems);
        const changed = !sameAddress(s.shipToAddress as Address, o.shipTo as Address | null);
        if (changed && !input.addressChangeReason) throw new AppError('ADDRESS_CHANGED', { needsReason: true, confirmed: o.shipTo, shipTo: s.shipToAddress });
        if (!carriers[input.carrier].pattern.test(input.trackingNumber)) throw new AppError('TRACKING_NUMBER_INVALID', [fieldError('trackingNumber', 'invalid_format', { carrier: input.carrier })]);
        await assertPacked(tx, id);
        const lines = await tx.selectFrom('shipmentLine').selectAll().where('shipmentId', '=', id).execute();
        await consumeForShipment(tx, { orderId: s.orderId, shipmentId: id, actor, lines: lines.map((l) => ({ orderLineId: l.orderLineId, productId: l.productId, warehouseId: l.warehouseId, qty: Number(l.qty) })) });
        await fulfilment.recordShipment(tx, actor, s.orderId, id, lines.map((l) => ({ orderLineId: l.orderLineId, qty: Number(l.qty) })));
        const now = new Date();
        const at = now.toISOString();
        const originProvince = await getSetting(tx, 'shipping.originProvince');
        const destProvince = s.shipToAddress!.province;
        // No ETA typed in: the lane's history or the carrier's default transit days.
        const est = input.eta ? null : await estimateEta(tx, { carrier: input.carrier, originProvince, destProvince, now, timeZone: config.timeZone });
        const eta = input.eta ?? est!.eta;
        const etaSource = est ? est.source : 'manual';
        await tx
          .updateTable('shipment')
          .set({ status: 'dispatched', carrier: input.carrier, trackingNumber: input.trackingNumber, eta, etaSource, originProvince, destProvince, dispatchedAt: at, lastMovementAt: at })
          .where('id', '=', id)
          .execute();
        await appendEvent(tx, { entityType: 'order', entityId: s.orderId, type: 'shipment.dispatched', actor, stage: 'shipping', data: { shipmentId: id, number: s.number, carrier: input.carrier, trackingNumber: input.trackingNumber, eta, etaSource, ...(est ? { transitDays: est.days, laneSamples: est.samples } : {}), ...(changed ? { addressChangeReason: input.addressChangeReason } : {}) } });
        if (changed && o.ownerId !== actor.id) {
          await notify(tx, { userIds: [o.ownerId], kind: 'shipment.address_changed', title: `发货地址已变更：${o.number}`, body: input.addressChangeReason ?? '', link: `${config.publicUrl}/orders/${o.id}` });
        }
        await queueCustomerNotices(tx, templates, config, actor, { ...s, carrier: input.carrier, trackingNumber: input.trackingNumber, eta });
        if (kuaidi100Codes[input.carrier]) {
          // Tracking subscription after commit, with retries: the carrier then pushes every status change.
          await enqueue(tx, { channel: 'carrier.subscribe', topic: 'kuaidi100', payload: { shipmentId: id, carrier: input.carrier, trackingNumber: input.trackingNumber, to: s.shipToAddress ? `${s.shipToAddress.province}${s.shipToAddress.city}${s.shipToAddress.district}` : undefined }, dedupeKey: `subscribe:${id}` });
        }
        if (eta > o.promisedDate) {
          await exceptions.open(tx, { type: 'late_eta', entityType: 'shipment', entityId: id, orderId: o.id, ownerId: o.ownerId, details: { eta, etaSource, promisedDate: o.promisedDate, shipment: s.number }, actor });
        }
      });
      return load(db, actor, id);
    },

    /** A tracking event (typed by staff or pushed by a carrier adapter); delivery and exceptions move the shipment. */
    async trackingEvent(actor: Actor | null, id: string, input: z.infer<typeof trackingEventBody>, raw?: unknown) {
      await recordEvent(actor, id, input, raw);
      return load(db, actor, id);
    },
    /** A carrier push: new events only (pushes repeat the whole history), oldest first. */
    async applyCarrierUpdate(u: TrackingUpdate): Promise<number> {
      const carrier = Object.entries(kuaidi100Codes).find(([, code]) => code === u.carrierCode)?.[0];
      if (!carrier) return 0;
      const s = await db.selectFrom('shipment').select(['id', 'status']).where('carrier', '=', carrier).where('trackingNumber', '=', u.trackingNumber).orderBy('createdAt', 'desc').executeTakeFirst();
      if (!s || !['dispatched', 'in_transit', 'exception'].includes(s.status)) return 0;
      const known = new Set((await db.selectFrom('trackingEvent').select(['at', 'description']).where('shipmentId', '=', s.id).execute()).map((e) => `${e.at}|${e.description}`));
      const fresh = u.events.filter((e) => !known.has(`${e.at}|${e.description}`)).sort((a, b) => a.at.localeCompare(b.at));
      let applied = 0;
      for (const e of fresh) {
        await recordEvent(null, s.id, { at: e.at, status: e.status, location: e.location, description: e.description }, { source: 'kuaidi100' });
        applied += 1;
        if (e.status === 'delivered') break;
      }
      return applied;
    },
  };
  return service;
}
export type ShipmentsService = ReturnType<typeof createShipmentsService>;
