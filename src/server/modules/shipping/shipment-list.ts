import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import { sql } from 'kysely';
import { carriers, SHIPMENT_EXPORT_MAX_ROWS, shipmentExportColumns, shipmentStatusLabels, type Carrier, type ShipmentFilterQuery, type ShipmentStatus } from '../../../contracts/shipping.ts';
import type { Locale } from '../../../contracts/errors.ts';
import type { Config } from '../../config.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { nextDay, startOfLocalDay } from '../../platform/dates.ts';
import ExcelJS from '../../platform/exceljs.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';
import { escapeCell } from '../../platform/xlsx.ts';

type Q = Db | Tx;
const BATCH = 500;
const YIELD_EVERY = 100;

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

    /**
     * Writes the rows to `out` in keyset batches through a streaming workbook: memory stays flat,
     * a slow reader holds the loop back (drain), a gone one stops it.
     */
    async write(actor: Actor, q: ShipmentFilterQuery, locale: Locale, out: Writable): Promise<void> {
      const en = locale === 'en-US';
      const filter = resolveShipmentFilter(q, config.timeZone);
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      const ws = wb.addWorksheet(en ? 'Shipments' : '发货单', { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = shipmentExportColumns.map((c) => ({ key: c.key, width: c.width, header: en ? c.en : c.zh }));
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      let last: string | null = null;
      let written = 0;
      while (written < maxRows && !out.destroyed) {
        let qb = filteredShipments(db, actor, filter)
          .select(['shipment.id', 'shipment.number', 'shipment.status', 'shipment.carrier', 'shipment.trackingNumber', 'shipment.shipTo', 'shipment.eta', 'shipment.dispatchedAt', 'shipment.deliveredAt', 'shipment.createdAt', 'salesOrder.number as orderNumber', 'customer.name as customerName'])
          .orderBy('shipment.id', 'desc')
          .limit(Math.min(BATCH, maxRows - written));
        if (last) qb = qb.where('shipment.id', '<', last);
        const rows = await qb.execute();
        for (const [i, r] of rows.entries()) {
          if (i > 0 && i % YIELD_EVERY === 0) await setImmediate();
          const a = json.read<{ province?: string; city?: string; district?: string; detail?: string; recipient?: string; phone?: string } | null>(r.shipTo, null);
          const carrier = r.carrier ? carriers[r.carrier as Carrier] : undefined;
          const values: Record<(typeof shipmentExportColumns)[number]['key'], string | null> = {
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
          ws.addRow(shipmentExportColumns.map((c) => escapeCell(values[c.key]))).commit();
        }
        written += rows.length;
        if (rows.length < BATCH) break;
        last = rows[rows.length - 1].id;
        // SQLite answers synchronously: yield so other requests get a turn between batches.
        await setImmediate();
        if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
      }
      if (out.destroyed) return;
      ws.commit();
      await wb.commit();
    },
  };
}
export type ShipmentExport = ReturnType<typeof createShipmentExport>;
