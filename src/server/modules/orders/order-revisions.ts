import type { z } from 'zod';
import type { revisionBody, revisionImpact } from '../../../contracts/orders.ts';
import { fromMilli } from '../../../contracts/quantity.ts';
import type { Config } from '../../config.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import type { OrderRevisionTable } from '../../db/schema.ts';
import { activeRules, buildChain, registerDocumentHandler, type ApprovalsService } from '../approvals/index.ts';
import { availability, releaseForOrder, reserveForOrder } from '../inventory/index.ts';
import { notify } from '../notifications/index.ts';
import { buildLines } from './order-lines.ts';
import { customerAnswerOf } from './order-revision-confirmation.ts';
import { toOrder } from './order.mapper.ts';
import { orderLines, orders, type OrderRow } from './orders.repository.ts';

type Body = z.infer<typeof revisionBody>;
type Impact = z.infer<typeof revisionImpact>;
const REVISABLE = ['confirmed', 'in_fulfilment', 'partially_shipped', 'on_hold'];
const HEADER = ['promisedDate', 'priority', 'customerPo', 'note'] as const;

interface Deps {
  row(q: Db | Tx, actor: Actor | null, id: string): Promise<OrderRow>;
  shipTo(tx: Tx, customerId: string, input: Pick<Body, 'shipToAddressId' | 'shipToAddress'>, fallback: boolean): Promise<unknown>;
}

/**
 * Changes after confirmation (DESIGN.md "Order lifecycle"): each is a numbered revision
 * with a reason and the order as it was; the impact (amount, stock to reserve or release,
 * date) is computed before anything changes; when a change raises the amount or lowers a
 * price on an order the approval rules cover, it waits for approval first.
 */
export function createRevisions(db: Db, config: Pick<Config, 'publicUrl'>, approvals: ApprovalsService, deps: Deps) {
  const link = (id: string) => `${config.publicUrl}/orders/${id}`;

  async function apply(tx: Tx, actor: Actor, o: OrderRow, rev: OrderRevisionTable) {
    const body = json.read<Body>(rev.changes, {} as Body);
    const impact = json.read<Impact>(rev.impact, {} as Impact);
    const built = body.lines ? await buildLines(tx, o.id, body.lines) : null;
    const address = await deps.shipTo(tx, o.customerId, body, false);
    await releaseForOrder(tx, { orderId: o.id, actor, reason: `revision ${rev.revisionNo}` });
    if (built) await orderLines.replace(tx, o.id, built.lines);
    const at = nowIso();
    await orders.update(tx, o.id, {
      ...Object.fromEntries(HEADER.filter((k) => body[k] !== undefined).map((k) => [k, body[k]])),
      ...(address !== undefined ? { shipTo: json.write(address) } : {}),
      ...(built ? { ...built.totals, linesHash: built.hash } : {}),
      version: o.version + 1,
      updatedAt: at,
    });
    const lines = await orderLines.of(tx, [o.id]);
    const results = await reserveForOrder(tx, { orderId: o.id, actor, lines: lines.map((l) => ({ orderLineId: l.id, productId: l.productId, warehouseId: l.warehouseId, qty: Number(l.qty) })) });
    await orderLines.setReservations(tx, results);
    await tx.updateTable('orderRevision').set({ state: 'applied', appliedAt: at }).where('id', '=', rev.id).execute();
    await appendEvent(tx, { entityType: 'order', entityId: o.id, type: 'order.revised', actor, stage: 'review', data: { revisionNo: rev.revisionNo, reason: rev.reason, impact } });
    // Everyone the change touches: owner, creator, whoever approved the order, and the warehouse when stock moves.
    const approvers = await tx.selectFrom('approval').select('decidedBy').where('documentType', '=', 'order').where('documentId', '=', o.id).where('state', '=', 'approved').execute();
    const warehouse = impact.lines.some((l) => l.stockDelta !== 0)
      ? (await tx.selectFrom('userRole').innerJoin('appUser', 'appUser.id', 'userRole.userId').select('appUser.id').where('userRole.roleKey', '=', 'warehouse').where('appUser.active', '=', 1).execute()).map((u) => u.id)
      : [];
    const who = new Set([o.ownerId, o.createdBy, rev.requestedBy, ...approvers.map((a) => a.decidedBy!).filter(Boolean), ...warehouse]);
    who.delete(actor.id);
    await notify(tx, {
      userIds: [...who],
      kind: 'order.revised',
      title: `订单已变更：${o.number} 第 ${rev.revisionNo} 次修订`,
      body: `${rev.reason}；金额 ${(impact.amountBefore / 100).toFixed(2)} → ${(impact.amountAfter / 100).toFixed(2)}${impact.promisedDate ? `；交期 ${impact.promisedDate.before} → ${impact.promisedDate.after}` : ''}`,
      link: link(o.id),
      email: true,
    });
  }

  registerDocumentHandler('order_revision', {
    async currentVersion(tx, revisionId) {
      const rev = await tx.selectFrom('orderRevision').select('orderId').where('id', '=', revisionId).executeTakeFirst();
      return rev ? orders.version(tx, rev.orderId) : null;
    },
    link: (revisionId) => `${config.publicUrl}/order-revisions/${revisionId}`,
    async timelineOf(tx, revisionId) {
      const rev = await tx.selectFrom('orderRevision').select('orderId').where('id', '=', revisionId).executeTakeFirstOrThrow();
      return { entityType: 'order', entityId: rev.orderId };
    },
    async onOutcome(tx, e) {
      const rev = await tx.selectFrom('orderRevision').selectAll().where('id', '=', e.documentId).executeTakeFirstOrThrow();
      const o = await deps.row(tx, null, rev.orderId);
      if (e.outcome === 'approved') return apply(tx, e.actor, o, rev);
      if (e.outcome === 'pending') return;
      await tx.updateTable('orderRevision').set({ state: 'rejected' }).where('id', '=', rev.id).execute();
      await appendEvent(tx, { entityType: 'order', entityId: o.id, type: 'order.revision_rejected', actor: e.actor, stage: 'review', data: { revisionNo: rev.revisionNo, comment: e.comment } });
      await notify(tx, { userIds: [rev.requestedBy], kind: 'order.revision_rejected', title: `订单变更被驳回：${o.number}`, body: e.comment ?? '', link: link(o.id) });
    },
  });

  return {
    async revise(actor: Actor, orderId: string, body: Body) {
      return inTransaction(db, async (tx) => {
        const o = await deps.row(tx, actor, orderId);
        if (!REVISABLE.includes(o.status)) throw new AppError('INVALID_STATE', { action: 'revise', state: o.status });
        if (body.version !== undefined && body.version !== o.version) throw new AppError('CONFLICT', [fieldError('version', 'version_mismatch', { current: o.version })]);
        const pending = await tx.selectFrom('orderRevision').select('revisionNo').where('orderId', '=', o.id).where('state', '=', 'pending_approval').executeTakeFirst();
        if (pending) throw new AppError('INVALID_STATE', { pendingRevision: pending.revisionNo });
        const before = await orderLines.of(tx, [o.id]);
        const built = body.lines ? await buildLines(tx, o.id, body.lines) : null;
        await deps.shipTo(tx, o.customerId, body, false);
        const after = built ? built.lines : before;
        const gross = built ? built.totals.gross : Number(o.gross);
        const products = [...new Set([...before, ...after].map((l) => l.productId))];
        const avail = await availability(tx, products);
        const sku = new Map(before.map((l) => [l.productId, l.sku]));
        if (built) for (const p of built.products.values()) sku.set(p.id, p.sku);
        const sum = (ls: { productId: string; qty: number }[], p: string) => ls.filter((l) => l.productId === p).reduce((s, l) => s + Number(l.qty), 0);
        const price = (ls: { productId: string; unitPrice: number }[], p: string) => ls.find((l) => l.productId === p)?.unitPrice ?? null;
        const impact: Impact = {
          amountBefore: Number(o.gross),
          amountAfter: gross,
          amountDelta: gross - Number(o.gross),
          promisedDate: body.promisedDate && body.promisedDate !== o.promisedDate ? { before: o.promisedDate, after: body.promisedDate } : null,
          lines: products.map((p) => ({
            productId: p,
            sku: sku.get(p) ?? '',
            qtyBefore: fromMilli(sum(before, p)),
            qtyAfter: fromMilli(sum(after, p)),
            unitPriceBefore: price(before.map((l) => ({ ...l, unitPrice: Number(l.unitPrice) })), p),
            unitPriceAfter: price(after.map((l) => ({ ...l, unitPrice: Number(l.unitPrice) })), p),
            stockDelta: fromMilli(sum(after, p) - sum(before, p)),
            available: fromMilli(avail.get(p)?.available ?? 0),
          })),
          fields: [...(body.lines ? ['lines'] : []), ...HEADER.filter((k) => body[k] !== undefined && body[k] !== (o as Record<string, unknown>)[k]), ...(body.shipToAddress || body.shipToAddressId ? ['shipToAddress'] : [])],
          needsApproval: false,
          rules: [],
        };
        const priceCut = impact.lines.some((l) => l.unitPriceBefore !== null && l.unitPriceAfter !== null && l.unitPriceAfter < l.unitPriceBefore);
        if (impact.amountDelta > 0 || priceCut) {
          const facts = { ...json.read<Record<string, unknown>>(o.facts, {}), amount: gross };
          const { matched } = buildChain(await activeRules(tx, 'order'), facts);
          impact.needsApproval = matched.length > 0;
          impact.rules = matched.map((r) => r.name);
        }
        if (body.preview) return { preview: true, impact, revision: null, order: toOrder(o, before) };

        const { preview: _p, version: _v, ...changes } = body;
        const revisionNo = Number((await tx.selectFrom('orderRevision').select((eb) => eb.fn.countAll().as('n')).where('orderId', '=', o.id).executeTakeFirstOrThrow()).n) + 1;
        const rev: OrderRevisionTable = {
          id: newId(),
          orderId: o.id,
          revisionNo,
          fromVersion: o.version,
          reason: body.reason,
          changes: json.write(changes),
          impact: json.write(impact),
          before: json.write(toOrder(o, before)),
          state: 'pending_approval',
          requestedBy: actor.id,
          createdAt: nowIso(),
          appliedAt: null,
        };
        await tx.insertInto('orderRevision').values(rev).execute();
        if (impact.needsApproval) {
          await approvals.request(tx, {
            documentType: 'order_revision',
            rulesOf: 'order',
            documentId: rev.id,
            documentVersion: o.version,
            requestedBy: actor.id,
            facts: { ...json.read<Record<string, unknown>>(o.facts, {}), amount: gross },
            summary: { orderId: o.id, number: o.number, customerName: o.customerName, amount: gross, amountText: `¥${(gross / 100).toFixed(2)}`, revisionNo, reason: body.reason },
          });
          await appendEvent(tx, { entityType: 'order', entityId: o.id, type: 'order.revision_requested', actor, stage: 'review', data: { revisionNo, reason: body.reason, impact } });
        } else {
          await apply(tx, actor, o, rev);
        }
        const fresh = await deps.row(tx, actor, o.id);
        return { preview: false, impact, revision: { ...rev, state: impact.needsApproval ? rev.state : ('applied' as const), impact, before: json.read(rev.before, {}), requestedByName: actor.displayName, appliedAt: null }, order: toOrder(fresh, await orderLines.of(tx, [o.id])) };
      });
    },

    async list(actor: Actor, orderId: string) {
      await deps.row(db, actor, orderId);
      const rows = await db.selectFrom('orderRevision as r').leftJoin('appUser as u', 'u.id', 'r.requestedBy').selectAll('r').select('u.displayName as requestedByName').where('r.orderId', '=', orderId).orderBy('r.revisionNo').execute();
      return rows.map(({ customerState, customerAnswer, ...r }) => ({ ...r, impact: json.read<Impact>(r.impact, {} as Impact), before: json.read<Record<string, unknown>>(r.before, {}), requestedByName: r.requestedByName ?? null, customer: customerAnswerOf({ customerState, customerAnswer }) }));
    },
  };
}
export type Revisions = ReturnType<typeof createRevisions>;
