import type { Writable } from 'node:stream';
import { sql } from 'kysely';
import { carriers, SHIPMENT_EXPORT_MAX_ROWS, shipmentExportColumns, shipmentStatusLabels, type Carrier, type ShipmentFilterQuery, type ShipmentStatus } from '../../../contracts/shipping.ts';
import type { Locale } from '../../../contracts/errors.ts';
import type { Config } from '../../config.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { nextDay, startOfLocalDay } from '../../platform/dates.ts';
import { streamSheet } from '../../platform/xlsx-stream.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';

type Q = Db | Tx;
const BATCH = 500;

/** The list's filter, resolved: day bounds are instants (company calendar days turned into UTC). */
export interface ShipmentFilter {
  q?: string;
  status?: ShipmentStatus;
  orderId?: string;
  customerId?: string;
  carrier?: Carrier;
  dayFrom?: string;
  dayBefore?: string;
}


export function resolveShipmentFilter(q: ShipmentFilterQuery, timeZone: string): ShipmentFilter {
  return {
    q: q.q?.trim() || undefined,
    status: q.status,
    orderId: q.orderId,
    customerId: q.customerId,
    carrier: q.carrier,
    dayFrom: q.from ? startOfLocalDay(q.from, timeZone) : undefined,
    dayBefore: q.to ? startOfLocalDay(nextDay(q.to), timeZone) : undefined,
  };
}

/**
 * Shipments joined to their order and customer, in the actor's data scope (none: no scope),
 * filtered. One builder for the list and the export, so both always agree. The date range is
 * on the dispatch time, or the creation time of shipments not dispatched yet.
 */
export function filteredShipments(q: Q, actor: Actor | null, f: ShipmentFilter = {}) {
  let qb = q.selectFrom('shipment').leftJoin('salesOrder', 'salesOrder.id', 'shipment.orderId').leftJoin('customer', 'customer.id', 'shipment.customerId');
  if (actor) qb = qb.where(scopeCondition(actor, 'shipment.ownerId'));
  if (f.status) qb = qb.where('shipment.status', '=', f.status);
  if (f.orderId) qb = qb.where('shipment.orderId', '=', f.orderId);
  if (f.customerId) qb = qb.where('shipment.customerId', '=', f.customerId);
  if (f.carrier) qb = qb.where('shipment.carrier', '=', f.carrier);
  if (f.dayFrom) qb = qb.where((eb) => eb(eb.fn.coalesce('shipment.dispatchedAt', 'shipment.createdAt'), '>=', f.dayFrom!));
  if (f.dayBefore) qb = qb.where((eb) => eb(eb.fn.coalesce('shipment.dispatchedAt', 'shipment.createdAt'), '<', f.dayBefore!));
  if (f.q) {
    // A bound parameter; LIKE wildcards typed by the user match literally. The recipient is
    // searched in the stored address JSON (names and phones are stored as typed).
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const recipient = `%"recipient":"${f.q.replace(/[\\%_"]/g, (c) => (c === '"' ? '\\\\"' : `\\${c}`))}%`;
    qb = qb.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['shipment.number']), 'like', sql<string>`${like} escape '\\'`),
        eb(eb.fn('lower', ['shipment.trackingNumber']), 'like', sql<string>`${like} escape '\\'`),
        eb(eb.fn('lower', ['salesOrder.number']), 'like', sql<string>`${like} escape '\\'`),
        eb('shipment.shipTo', 'like', sql<string>`${recipient} escape '\\'`),
      ]),
    );
  }
  return qb;
}

/** The filtered shipments as .xlsx, newest first, at most `maxRows` (tests lower it). */
export function createShipmentExport(db: Db, config: Pick<Config, 'timeZone'>, limits: { maxRows: number } = { maxRows: SHIPMENT_EXPORT_MAX_ROWS }) {
  const { maxRows } = limits;
  const timeFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: config.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const time = (v: string | null) => (v ? timeFormat.format(new Date(v)) : null);
  return {
    async size(actor: Actor, q: ShipmentFilterQuery) {
      const r = await filteredShipments(db, actor, resolveShipmentFilter(q, config.timeZone)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      const total = Number(r?.n ?? 0);
      return { total, truncated: total > maxRows };
    },

    /** Writes the filtered shipments as .xlsx to `out`, newest first (streamed, memory flat). */
    async write(actor: Actor, q: ShipmentFilterQuery, locale: Locale, out: Writable): Promise<void> {
      const filter = resolveShipmentFilter(q, config.timeZone);
      await streamSheet(out, locale, {
        sheet: { zh: '发货单', en: 'Shipments' },
        columns: shipmentExportColumns,
        maxRows,
        batch: BATCH,
        page: (before, limit) => {
          const qb = filteredShipments(db, actor, filter)
            .select(['shipment.id', 'shipment.number', 'shipment.status', 'shipment.carrier', 'shipment.trackingNumber', 'shipment.shipTo', 'shipment.eta', 'shipment.dispatchedAt', 'shipment.deliveredAt', 'shipment.createdAt', 'salesOrder.number as orderNumber', 'customer.name as customerName'])
            .orderBy('shipment.id', 'desc')
            .limit(limit);
          return (before ? qb.where('shipment.id', '<', before) : qb).execute();
        },
        values: (r, en) => {
          const a = json.read<{ province?: string; city?: string; district?: string; detail?: string; recipient?: string; phone?: string } | null>(r.shipTo, null);
          const carrier = r.carrier ? carriers[r.carrier as Carrier] : undefined;
          return {
            number: r.number,
            orderNumber: r.orderNumber ?? null,
            customer: r.customerName ?? null,
            status: en ? shipmentStatusLabels[r.status].en : shipmentStatusLabels[r.status].zh,
            carrier: carrier ? (en ? carrier.en : carrier.zh) : r.carrier,
            trackingNumber: r.trackingNumber,
            recipient: a?.recipient ?? null,
            phone: a?.phone ?? null,
            address: a ? [a.province, a.city, a.district, a.detail].filter(Boolean).join(' ') : null,
            eta: r.eta,
            dispatchedAt: time(r.dispatchedAt),
            deliveredAt: time(r.deliveredAt),
            createdAt: time(r.createdAt),
          };
        },
      });
    },
  };
}
export type ShipmentExport = ReturnType<typeof createShipmentExport>;
