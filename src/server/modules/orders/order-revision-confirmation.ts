import type { z } from 'zod';
import type { Order, portalRevision, revisionBody, revisionImpact, RevisionCustomerAnswer } from '../../../contracts/orders.ts';
import type { Config } from '../../config.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { createLink, revokeLinksFor, type ResolvedLink } from '../../platform/links.ts';
import type { OrderRevisionTable } from '../../db/schema.ts';
import { productsRepository } from '../catalog/index.ts';
import { notify } from '../notifications/index.ts';
import type { OrderRow } from './orders.repository.ts';

type Impact = z.infer<typeof revisionImpact>;
type Changes = Omit<z.infer<typeof revisionBody>, 'preview' | 'version'>;
type Address = NonNullable<Order['shipToAddress']>;
/** Stored in order_revision.customer_answer. */
type Stored = RevisionCustomerAnswer & { linkId: string; requestedById: string; ip?: string | null; userAgent?: string | null };

export const LINK_KIND = 'order_revision';

interface Deps {
  row(q: Db | Tx, actor: Actor | null, id: string): Promise<OrderRow>;
}

const addressText = (a: Partial<Address> | null | undefined) => (a ? `${a.province ?? ''}${a.city ?? ''}${a.district ?? ''}${a.detail ?? ''} ${a.recipient ?? ''} ${a.phone ?? ''}`.trim() : null);

/** The customer's answer as the staff side shows it on the revision. */
export function customerAnswerOf(r: Pick<OrderRevisionTable, 'customerState' | 'customerAnswer'>): RevisionCustomerAnswer | null {
  if (!r.customerState) return null;
  const s = json.read<Partial<Stored>>(r.customerAnswer ?? null, {});
  return { state: r.customerState, requestedAt: s.requestedAt ?? '', requestedBy: s.requestedBy ?? '', expiresAt: s.expiresAt ?? '', at: s.at ?? null, comment: s.comment ?? null, contactName: s.contactName ?? null };
}

/**
 * Asking the customer to confirm a revision through a customer link (/c/:token, kind
 * `order_revision`). The customer sees the change per line (qty, price), the dates, the
 * address and the reason — never cost, margin or internal notes — and confirms or
 * declines with a comment, once: the answer is taken with a conditional update, so two
 * answers racing each other record one and the other gets REVISION_ALREADY_ANSWERED. The
 * answer goes on the order timeline and to the owner and whoever asked; it does not undo
 * the revision (a decline is for the sales side to act on).
 */
export function createRevisionConfirmation(db: Db, config: Pick<Config, 'publicUrl'>, deps: Deps) {
  const revision = async (q: Db | Tx, id: string) => {
    const r = await q.selectFrom('orderRevision').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound();
    return r;
  };

  return {
    async requestLink(actor: Actor, orderId: string, revisionId: string, expiresInDays: number) {
      return inTransaction(db, async (tx) => {
        const o = await deps.row(tx, actor, orderId);
        const rev = await revision(tx, revisionId);
        if (rev.orderId !== o.id) throw notFound();
        if (rev.state === 'rejected' || o.status === 'cancelled') throw new AppError('INVALID_STATE', { action: 'customer_confirmation', state: rev.state === 'rejected' ? rev.state : o.status });
        if (rev.customerState === 'confirmed' || rev.customerState === 'declined') throw new AppError('REVISION_ALREADY_ANSWERED', { state: rev.customerState });
        // One live link per revision: a new one replaces any sent before.
        await revokeLinksFor(tx, LINK_KIND, rev.id);
        const l = await createLink(tx, { kind: LINK_KIND, entityId: rev.id, createdBy: actor.id, expiresInDays });
        const stored: Stored = { state: 'requested', requestedAt: nowIso(), requestedBy: actor.displayName, requestedById: actor.id, expiresAt: l.expiresAt, at: null, comment: null, contactName: null, linkId: l.id };
        await tx.updateTable('orderRevision').set({ customerState: 'requested', customerAnswer: json.write(stored) }).where('id', '=', rev.id).execute();
        await appendEvent(tx, { entityType: 'order', entityId: o.id, type: 'order.revision_customer_link', actor, stage: 'review', data: { revisionNo: rev.revisionNo, linkId: l.id, expiresAt: l.expiresAt } });
        return { id: l.id, url: `${config.publicUrl}/c/${l.token}`, expiresAt: l.expiresAt };
      });
    },

    /** For revoking a link: NOT_FOUND unless the actor may see the revision's order. */
    async assertVisible(actor: Actor, revisionId: string): Promise<void> {
      const rev = await revision(db, revisionId);
      await deps.row(db, actor, rev.orderId);
    },

    /** What the customer sees behind the link. */
    async view(link: ResolvedLink): Promise<z.infer<typeof portalRevision>> {
      const rev = await revision(db, link.entityId);
      const o = await deps.row(db, null, rev.orderId);
      const impact = json.read<Impact>(rev.impact, {} as Impact);
      const before = json.read<Partial<Order>>(rev.before, {});
      const changes = json.read<Changes>(rev.changes, {} as Changes);
      const products = new Map((await productsRepository.byIds(db, impact.lines.map((l) => l.productId))).map((p) => [p.id, p]));
      let addressAfter: string | null = null;
      if (changes.shipToAddress) addressAfter = addressText(changes.shipToAddress);
      else if (changes.shipToAddressId) addressAfter = addressText(await db.selectFrom('customerAddress').selectAll().where('id', '=', changes.shipToAddressId).executeTakeFirst());
      const company = (await db.selectFrom('setting').select('value').where('key', '=', 'company.name').executeTakeFirst())?.value;
      const answer = customerAnswerOf(rev);
      return {
        kind: 'order_revision',
        company: company ? json.read<string>(company, '') : '',
        customerName: o.customerName ?? '',
        number: o.number,
        revisionNo: rev.revisionNo,
        reason: rev.reason,
        createdAt: rev.createdAt,
        currency: o.currency,
        amount: { before: impact.amountBefore, after: impact.amountAfter },
        promisedDate: impact.promisedDate,
        shipToAddress: addressAfter !== null ? { before: addressText(before.shipToAddress), after: addressAfter } : null,
        lines: impact.lines.map((l) => ({
          sku: l.sku,
          name: products.get(l.productId)?.name ?? l.sku,
          unit: products.get(l.productId)?.unit ?? '',
          qtyBefore: l.qtyBefore,
          qtyAfter: l.qtyAfter,
          unitPriceBefore: l.unitPriceBefore,
          unitPriceAfter: l.unitPriceAfter,
        })),
        state: answer?.state ?? 'requested',
        answeredAt: answer?.at ?? null,
        comment: answer?.comment ?? null,
        expiresAt: link.expiresAt,
      };
    },

    /** The customer's answer: once per revision. */
    async answer(link: ResolvedLink, input: { action: 'confirm' | 'decline'; comment?: string | null; contactName?: string | null }, client: { ip: string; userAgent: string | null }) {
      return inTransaction(db, async (tx) => {
        const rev = await revision(tx, link.entityId);
        const o = await deps.row(tx, null, rev.orderId);
        // A change that was turned down internally, or an order cancelled since, is no longer the customer's to accept.
        if (rev.state === 'rejected' || o.status === 'cancelled') throw new AppError('INVALID_STATE', { revision: rev.state, order: o.status });
        const state = input.action === 'confirm' ? ('confirmed' as const) : ('declined' as const);
        const at = nowIso();
        const prior = json.read<Stored>(rev.customerAnswer ?? null, {} as Stored);
        const stored: Stored = { ...prior, state, at, comment: input.comment ?? null, contactName: input.contactName ?? null, ip: client.ip, userAgent: client.userAgent?.slice(0, 300) ?? null };
        const r = await tx.updateTable('orderRevision').set({ customerState: state, customerAnswer: json.write(stored) }).where('id', '=', rev.id).where('customerState', '=', 'requested').executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw new AppError('REVISION_ALREADY_ANSWERED', { state: rev.customerState });
        const type = `order.revision_customer_${state}`;
        await appendEvent(tx, { entityType: 'order', entityId: o.id, type, actor: null, stage: 'review', data: { revisionNo: rev.revisionNo, comment: stored.comment, contactName: stored.contactName, linkId: link.id, at } });
        await notify(tx, {
          userIds: [...new Set([o.ownerId, link.createdBy, rev.requestedBy])],
          kind: type,
          title: `客户${state === 'confirmed' ? '已确认' : '拒绝了'}订单变更：${o.number ?? ''} 第 ${rev.revisionNo} 次修订`,
          body: stored.comment ?? '',
          link: `${config.publicUrl}/orders/${o.id}`,
          email: true,
        });
        return { state, at };
      });
    },
  };
}
export type RevisionConfirmation = ReturnType<typeof createRevisionConfirmation>;
export type RevisionPortal = Pick<RevisionConfirmation, 'view' | 'answer' | 'assertVisible'>;
