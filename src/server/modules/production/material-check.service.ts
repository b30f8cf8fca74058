import type { MaterialCheck } from '../../../contracts/production.ts';
import { fromMilli, toMilli } from '../../../contracts/quantity.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { localDate } from '../../platform/dates.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import { can, type Actor } from '../../platform/http/actor.ts';
import { AppError } from '../../platform/http/errors.ts';
import { productsRepository } from '../catalog/index.ts';
import { availability } from '../inventory/index.ts';
import { notify } from '../notifications/index.ts';
import type { OrdersService } from '../orders/index.ts';
import { activeUsersWithRole, lastEventData } from './bom.repository.ts';
import { explodeFor } from './bom.service.ts';
import { workOrders } from './work-orders.repository.ts';

const SHORT_EVENT = 'production.material_short';

export function createMaterialCheckService(db: Db, config: Pick<Config, 'timeZone' | 'publicUrl'>, orders: Pick<OrdersService, 'get'>) {
  return {
    /**
     * Per make-to-order line: its BOM exploded for what is still to be made (line qty minus
     * the finished goods already reserved for it), each purchased/leaf material against
     * available stock in all warehouses, with what open work orders of it will still bring (incoming). Sub-assemblies are listed but not checked against
     * stock themselves (gross requirements, no netting of intermediate stock yet).
     * Lines draw on the same stock one after another in line order, so a material two lines
     * need is not counted as available twice.
     * A shortage appends an event on the order and notifies the planners — only when the
     * shortage differs from the last one reported, so re-opening the page does not spam.
     */
    async check(actor: Actor, orderId: string): Promise<MaterialCheck> {
      if (!can(actor, 'orders:read') && !can(actor, 'production:read')) throw new AppError('FORBIDDEN', { permission: 'orders:read' });
      // The orders door applies the actor's data scope: out of scope is 404, as everywhere.
      const order = await orders.get(actor, orderId);
      const products = new Map((await productsRepository.byIds(db, [...new Set(order.lines.map((l) => l.productId))])).map((p) => [p.id, p]));
      const makeLines = order.lines.filter((l) => products.get(l.productId)?.makeOrBuy === 'make');
      const today = localDate(new Date(), config.timeZone);

      const exploded = [];
      for (const l of makeLines) {
        const toMake = Math.max(0, toMilli(l.qty) - toMilli(l.reservedQty));
        exploded.push({ line: l, toMake, reqs: toMake > 0 ? await explodeFor(db, l.productId, toMake, today) : [] });
      }
      const materialIds = [...new Set(exploded.flatMap((e) => e.reqs.filter((r) => !r.hasBom).map((r) => r.productId)))];
      const left = new Map([...(await availability(db, materialIds))].map(([id, a]) => [id, Math.max(0, a.available)]));
      const incoming = await workOrders.incoming(db, [...new Set(exploded.flatMap((e) => e.reqs.map((r) => r.productId)))]);

      const lines = exploded.map(({ line, toMake, reqs }) => {
        const components = reqs.map((r) => {
          const coming = fromMilli(incoming.get(r.productId) ?? 0);
          if (r.hasBom) return { ...r, available: 0, short: 0, incoming: coming };
          const available = left.get(r.productId) ?? 0;
          const short = Math.max(0, r.requiredMilli - available);
          left.set(r.productId, available - (r.requiredMilli - short));
          return { ...r, available: fromMilli(available), short: fromMilli(short), incoming: coming };
        });
        return {
          orderLineId: line.id,
          lineNo: line.lineNo,
          productId: line.productId,
          sku: line.sku,
          qtyToMake: fromMilli(toMake),
          hasBom: reqs.length > 0,
          ok: components.every((c) => c.short === 0),
          components,
        };
      });
      const result = { orderId, ok: lines.every((l) => l.ok), lines };
      if (!result.ok) await reportShortage(actor, order, lines);
      return result;
    },
  };

  async function reportShortage(actor: Actor, order: { id: string; number: string | null }, lines: MaterialCheck['lines']) {
    const shortages = lines.flatMap((l) => l.components.filter((c) => c.short > 0).map((c) => ({ lineNo: l.lineNo, productId: c.productId, sku: c.sku, required: c.required, available: c.available, short: c.short })));
    await inTransaction(db, async (tx) => {
      const last = await lastEventData(tx, 'order', order.id, SHORT_EVENT);
      if (last && JSON.stringify(json.read<{ shortages?: unknown }>(last, {}).shortages) === JSON.stringify(shortages)) return;
      await appendEvent(tx, { entityType: 'order', entityId: order.id, type: SHORT_EVENT, actor, stage: 'production', data: { shortages } });
      const list = shortages.map((s) => `${s.sku} 缺 ${s.short}`).join('，');
      await notify(tx, { userIds: await activeUsersWithRole(tx, 'planner'), kind: SHORT_EVENT, title: `物料短缺：订单 ${order.number ?? order.id}`, body: list, link: `${config.publicUrl}/orders/${order.id}` });
    });
  }
}

export type MaterialCheckService = ReturnType<typeof createMaterialCheckService>;
