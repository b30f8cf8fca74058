import type { z } from 'zod';
import type { portalCustomer } from '../../../contracts/shipping.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { ResolvedLink } from '../../platform/links.ts';
import { getSetting } from '../../platform/settings.ts';

/** Orders a customer-level link lists: confirmed and not yet finished (nothing the customer has not agreed to, nothing cancelled). */
const OPEN = ['confirmed', 'in_fulfilment', 'partially_shipped', 'shipped', 'delivered', 'on_hold'] as const;
/** Orders a customer-level link may open: the open ones and the completed ones. */
const VISIBLE = [...OPEN, 'completed'] as const;

/**
 * The customer-level link (`kind: 'customer'`): one token for all of a customer's orders.
 * Each order opens within the same token (`/c/:token/orders/:orderId`): the order is checked
 * to belong to the link's customer, so no per-order link is minted and another customer's
 * order id is a 404. Only what the customer may see: no prices, costs, owners or notes.
 */
export function createCustomerPortal(db: Db) {
  return {
    async customerView(link: ResolvedLink): Promise<z.infer<typeof portalCustomer>> {
      const c = await db.selectFrom('customer').select(['id', 'name']).where('id', '=', link.entityId).executeTakeFirst();
      if (!c) throw notFound();
      const orders = await db.selectFrom('salesOrder').select(['id', 'number', 'status', 'promisedDate']).where('customerId', '=', c.id).where('status', 'in', [...OPEN]).orderBy('promisedDate').orderBy('id').limit(200).execute();
      const ids = orders.map((o) => o.id);
      const qty = ids.length
        ? await db.selectFrom('orderLine').select((eb) => ['orderId', eb.fn.sum<number>('qty').as('qty'), eb.fn.sum<number>('shippedQty').as('shipped')]).where('orderId', 'in', ids).groupBy('orderId').execute()
        : [];
      const shipments = ids.length
        ? await db.selectFrom('shipment').select(['id', 'orderId', 'number', 'status', 'carrier', 'trackingNumber', 'eta', 'dispatchedAt', 'deliveredAt']).where('orderId', 'in', ids).where('status', 'not in', ['draft', 'cancelled']).orderBy('createdAt').execute()
        : [];
      return {
        kind: 'customer',
        company: await getSetting(db, 'company.name'),
        customerName: c.name,
        orders: orders.map((o) => {
          const q = qty.find((x) => x.orderId === o.id);
          const total = Number(q?.qty ?? 0);
          return {
            id: o.id,
            number: o.number,
            status: o.status,
            promisedDate: o.promisedDate,
            shippedPct: total > 0 ? Math.min(100, Math.round((Number(q?.shipped ?? 0) / total) * 100)) : 0,
            shipments: shipments.filter((s) => s.orderId === o.id).map(({ orderId: _o, ...s }) => s),
          };
        }),
        expiresAt: link.expiresAt,
      };
    },

    /** The order-level view of a customer link, for one of that customer's orders; NOT_FOUND otherwise. */
    async orderLink(link: ResolvedLink, orderId: string): Promise<ResolvedLink> {
      if (link.kind !== 'customer') throw notFound();
      const o = await db.selectFrom('salesOrder').select('id').where('id', '=', orderId).where('customerId', '=', link.entityId).where('status', 'in', [...VISIBLE]).executeTakeFirst();
      if (!o) throw notFound();
      return { ...link, kind: 'order', entityId: o.id };
    },
  };
}
export type CustomerPortal = ReturnType<typeof createCustomerPortal>;
