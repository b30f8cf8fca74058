import type { z } from 'zod';
import { checkCustomFields } from '../../../contracts/custom-fields.ts';
import type { convertBody, Order, OrderCreate, orderPatchBody, reallocateBody, submitBody } from '../../../contracts/orders.ts';
import type { Config } from '../../config.ts';
import type { SalesOrderTable } from '../../db/schema.ts';
import { inChunks } from '../../platform/db/chunks.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, appendEvents } from '../../platform/events.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { assertCustomFields, loadCustomFields } from '../admin/index.ts';
import { productsRepository, tierPrices } from '../catalog/index.ts';
import type { RequirementsService } from '../requirements/index.ts';
import { localDate } from '../../platform/dates.ts';
import { createLink } from '../../platform/links.ts';
import { stagesOf } from '../stages/index.ts';
import { registerDocumentHandler, type ApprovalsService } from '../approvals/index.ts';
import { releaseForOrder } from '../inventory/index.ts';
import { notify } from '../notifications/index.ts';
import { buildLines, linesFrom, productsById } from './order-lines.ts';
import { createRevisions } from './order-revisions.ts';
import { createOrderImport } from './orders.import.ts';
import { createOrderList } from './order-list.ts';
import { createOrderCopy } from './order-copy.ts';
import { chooseProducts } from './order-convert.ts';
import { createRevisionConfirmation } from './order-revision-confirmation.ts';
import { quotePrices } from './order-quote.ts';
import { createSubmit } from './order-submit.ts';
import { reallocate } from './order-reallocate.ts';
import { toOrder } from './order.mapper.ts';
import { orderMachine } from './order.machine.ts';
import { orderLines, orders, selectOrders } from './orders.repository.ts';

type Q = Db | Tx;
type ShipTo = Pick<OrderCreate, 'shipToAddressId' | 'shipToAddress'>;

export function createOrdersService(db: Db, config: Pick<Config, 'publicUrl' | 'timeZone'>, approvals: ApprovalsService, requirements: RequirementsService) {
  const submitter = createSubmit(config, approvals);
  const listing = createOrderList(db, config);

  async function row(q: Q, actor: Actor | null, id: string) {
    const r = await selectOrders(q, actor).where('salesOrder.id', '=', id).executeTakeFirst();
    if (!r) throw notFound();
    return r;
  }
  async function load(q: Q, actor: Actor | null, id: string): Promise<Order> {
    return toOrder(await row(q, actor, id), await orderLines.of(q, [id]));
  }

  /** A ship-to from one of the customer's addresses, an explicit address, or the default one. */
  /** The columns of a customer address an order's ship-to copies. */
  const shipToColumns = ['label', 'province', 'city', 'district', 'detail', 'recipient', 'phone'] as const;

  async function shipTo(tx: Tx, customerId: string, input: ShipTo, fallbackToDefault: boolean) {
    if (input.shipToAddress) {
      const { id: _id, isDefault: _d, ...a } = input.shipToAddress;
      return { ...a, label: a.label ?? null };
    }
    let qb = tx.selectFrom('customerAddress').select(shipToColumns).where('customerId', '=', customerId);
    if (input.shipToAddressId) qb = qb.where('id', '=', input.shipToAddressId);
    else if (fallbackToDefault) qb = qb.where('isDefault', '=', 1);
    else return undefined;
    const a = await qb.executeTakeFirst();
    if (!a && input.shipToAddressId) throw new AppError('VALIDATION_FAILED', [fieldError('shipToAddressId', 'not_found')]);
    return a ?? null;
  }

  /**
   * Drafts, many at once (imports) or one: customers, products, custom fields and default
   * addresses read once for all of them, orders and lines written in multi-row statements,
   * then their `order.created` events. Each draft is checked as the API checks one.
   */
  async function insertDrafts(tx: Tx, actor: Actor, drafts: { id: string; input: OrderCreate }[]) {
    const customerIds = [...new Set(drafts.map((d) => d.input.customerId))];
    const owners = new Map<string, string>();
    const defaults = new Map<string, NonNullable<Awaited<ReturnType<typeof shipTo>>>>();
    const wantDefault = new Set(drafts.filter((d) => !d.input.shipToAddress && !d.input.shipToAddressId).map((d) => d.input.customerId));
    for (const part of inChunks(customerIds)) {
      for (const c of await tx.selectFrom('customer').select(['id', 'ownerId']).where('id', 'in', part).where(scopeCondition(actor, 'customer.ownerId')).execute()) owners.set(c.id, c.ownerId);
      const needDefault = part.filter((id) => wantDefault.has(id));
      if (needDefault.length) {
        const rows = await tx.selectFrom('customerAddress').select(['customerId', ...shipToColumns]).where('customerId', 'in', needDefault).where('isDefault', '=', 1).execute();
        for (const { customerId, ...a } of rows) defaults.set(customerId, a);
      }
    }
    const fields = await loadCustomFields(tx, 'order');
    const products = await productsById(tx, drafts.flatMap((d) => d.input.lines.map((l) => l.productId)));
    const now = nowIso();
    const rows: SalesOrderTable[] = [];
    const built: ReturnType<typeof linesFrom>[] = [];
    for (const { id, input } of drafts) {
      const ownerId = owners.get(input.customerId);
      if (ownerId === undefined) throw new AppError('VALIDATION_FAILED', [fieldError('customerId', 'not_found')]);
      const problems = checkCustomFields(fields, input.customFields);
      if (problems.length) throw new AppError('VALIDATION_FAILED', problems.map((p) => fieldError(p.path, p.code)));
      const b = linesFrom(products, id, input.lines);
      const address = input.shipToAddress || input.shipToAddressId ? await shipTo(tx, input.customerId, input, true) : defaults.get(input.customerId);
      built.push(b);
      rows.push({
        id,
        number: null,
        customerId: input.customerId,
        requirementId: input.requirementId ?? null,
        customerPo: input.customerPo ?? null,
        currency: input.currency,
        promisedDate: input.promisedDate,
        priority: input.priority,
        nonStandard: input.nonStandard ? 1 : 0,
        nonStandardReason: input.nonStandardReason ?? null,
        shipTo: json.write(address ?? null),
        status: 'draft',
        ownerId,
        createdBy: actor.id,
        submittedBy: null,
        ...b.totals,
        linesHash: b.hash,
        facts: null,
        warnings: '[]',
        note: input.note ?? null,
        customFields: json.write(input.customFields),
        version: 1,
        submittedAt: null,
        confirmedAt: null,
        createdAt: now,
        updatedAt: now,
      });
    }
    await orders.insertMany(tx, rows);
    await orderLines.insertMany(tx, built.flatMap((b) => b.lines));
    await appendEvents(
      tx,
      rows.map((o, i) => ({ entityType: 'order', entityId: o.id, type: 'order.created', actor, stage: 'review', data: { amount: o.gross, lines: built[i]!.lines.length, requirementId: o.requirementId, ownerId: o.ownerId, promisedDate: o.promisedDate } })),
    );
    return built.map((b) => ({ lines: b.lines, products: b.products }));
  }
  const insertDraft = async (tx: Tx, actor: Actor, id: string, input: OrderCreate) => (await insertDrafts(tx, actor, [{ id, input }]))[0]!;

  const revisions = createRevisions(db, config, approvals, { row, shipTo });
  const confirmation = createRevisionConfirmation(db, config, { row });
  const copier = createOrderCopy(db, config, { row, insertDraft, load: async (q, actor, id) => ({ ...(await load(q, actor, id)), stages: await stagesOf(q, id) }) });

  registerDocumentHandler('order', {
    currentVersion: (tx, id) => orders.version(tx, id),
    link: (id) => `${config.publicUrl}/orders/${id}`,
    async onOutcome(tx, e) {
      const o = await row(tx, null, e.documentId);
      if (e.outcome === 'approved') return submitter.confirm(tx, e.actor, o, 'pending_approval');
      if (e.outcome === 'pending') return;
      const status = orderMachine.next(o.status, e.outcome === 'returned' ? 'returnForEdit' : 'reject');
      await orders.transition(tx, o.id, 'pending_approval', { status, version: o.version + 1, updatedAt: nowIso() });
      await appendEvent(tx, { entityType: 'order', entityId: o.id, type: e.outcome === 'returned' ? 'order.returned' : 'order.rejected', actor: e.actor, stage: 'review', data: { comment: e.comment } });
      await notify(tx, { userIds: [...new Set([o.ownerId, o.submittedBy ?? o.createdBy])], kind: `order.${e.outcome}`, title: `订单${e.outcome === 'returned' ? '被退回修改' : '被驳回'}：${o.number}`, body: e.comment ?? '', link: `${config.publicUrl}/orders/${o.id}` });
    },
  });

  return {
    /** The order page: the order composed with its stage track (the stages engine's door). */
    get: async (actor: Actor, id: string) => ({ ...(await load(db, actor, id)), stages: await stagesOf(db, id) }),

    /** The list; its tab counts and export share its filter (order-list.ts). */
    list: listing.list,

    /** Creates a draft; with `submit: true` it is submitted in the same transaction. */
    async create(actor: Actor, input: OrderCreate) {
      const id = newId();
      const warnings = await inTransaction(db, async (tx) => {
        const built = await insertDraft(tx, actor, id, input);
        return input.submit ? submitter.submit(tx, actor, await row(tx, null, id), input.acknowledge, built) : [];
      });
      return { order: { ...(await load(db, actor, id)), stages: await stagesOf(db, id) }, warnings };
    },

    /**
     * A draft from the version the customer confirmed: lines, spec and custom fields carried
     * over (no re-typing), priced at the customer's tier price or list price; the
     * requirement becomes `converted` and keeps the link. `items` picks the product for an
     * item written as free text (or replaces the suggested one); every line needs an active product.
     */
    async fromRequirement(actor: Actor, requirementId: string, input: z.infer<typeof convertBody>) {
      const id = newId();
      await inTransaction(db, async (tx) => {
        const req = await requirements.takeForOrder(tx, actor, requirementId, id);
        const items = await chooseProducts(tx, req.content.items, input.items ?? []);
        const customer = await tx.selectFrom('customer').select('tier').where('id', '=', req.customerId).executeTakeFirstOrThrow();
        const productIds = items.map((it) => it.productId);
        const tier = await tierPrices(tx, productIds, customer.tier, localDate(new Date(), config.timeZone));
        const list = new Map((await productsRepository.byIds(tx, productIds)).map((p) => [p.id, Number(p.listPrice)]));
        const orderFields = new Set((await loadCustomFields(tx, 'order')).map((f) => f.key));
        await insertDraft(tx, actor, id, {
          customerId: req.customerId,
          requirementId,
          promisedDate: input.promisedDate,
          priority: input.priority ?? 'normal',
          shipToAddressId: input.shipToAddressId ?? null,
          currency: 'CNY',
          nonStandard: false,
          note: req.content.note,
          customFields: Object.fromEntries(Object.entries(req.content.customFields).filter(([k]) => orderFields.has(k))),
          lines: items.map((it) => ({ productId: it.productId, qty: it.qty, unitPrice: tier.get(it.productId) ?? list.get(it.productId) ?? 0, discountPct: 0, spec: it.spec, note: it.note ?? null })),
          submit: false,
          acknowledge: [],
        });
      });
      return load(db, actor, id);
    },

    /** Drafts only (API.md); a rejected order becomes a draft again when edited. */
    async update(actor: Actor, id: string, patch: z.infer<typeof orderPatchBody>) {
      await inTransaction(db, async (tx) => {
        const o = await row(tx, actor, id);
        const status = orderMachine.next(o.status, 'edit');
        if (patch.version !== undefined && patch.version !== o.version) throw new AppError('CONFLICT', [fieldError('version', 'version_mismatch', { current: o.version })]);
        if (patch.customFields) await assertCustomFields(tx, 'order', patch.customFields);
        const built = patch.lines ? await buildLines(tx, id, patch.lines) : null;
        const address = await shipTo(tx, o.customerId, patch, false);
        const { lines: _l, shipToAddressId: _a, shipToAddress: _s, version: _v, nonStandard, customFields, ...fields } = patch;
        await orders.update(tx, id, {
          ...fields,
          ...(nonStandard !== undefined ? { nonStandard: nonStandard ? 1 : 0 } : {}),
          ...(customFields ? { customFields: json.write(customFields) } : {}),
          ...(address !== undefined ? { shipTo: json.write(address) } : {}),
          ...(built ? { ...built.totals, linesHash: built.hash } : {}),
          status,
          version: o.version + 1,
          updatedAt: nowIso(),
        });
        if (built) await orderLines.replace(tx, id, built.lines);
        await appendEvent(tx, { entityType: 'order', entityId: id, type: 'order.updated', actor, stage: 'review', data: { fields: Object.keys(patch).filter((k) => k !== 'version'), ...(built ? { amount: built.totals.gross } : {}) } });
      });
      return load(db, actor, id);
    },

    async submit(actor: Actor, id: string, body: z.infer<typeof submitBody>) {
      const warnings = await inTransaction(db, async (tx) => submitter.submit(tx, actor, await row(tx, actor, id), body.acknowledge));
      return { order: await load(db, actor, id), warnings };
    },

    /** Cancel with a reason: open approvals are withdrawn and reservations released. */
    async cancel(actor: Actor, id: string, reason: string) {
      await inTransaction(db, async (tx) => {
        const o = await row(tx, actor, id);
        const status = orderMachine.next(o.status, 'cancel');
        if (!(await orders.transition(tx, id, o.status, { status, version: o.version + 1, updatedAt: nowIso() }))) throw new AppError('CONFLICT');
        await approvals.cancelOpen(tx, 'order', id);
        await releaseForOrder(tx, { orderId: id, actor, reason });
        await appendEvent(tx, { entityType: 'order', entityId: id, type: 'order.cancelled', actor, stage: 'review', data: { reason, from: o.status } });
      });
      return load(db, actor, id);
    },

    /**
     * Puts an open order on hold (credit, an exception, the customer asked to wait): nothing
     * ships or gets approved until it is released; reservations stay. Release returns it to
     * the state it was held in.
     */
    async hold(actor: Actor, id: string, reason: string) {
      await inTransaction(db, async (tx) => {
        const o = await row(tx, actor, id);
        const status = orderMachine.next(o.status, 'hold');
        if (!(await orders.transition(tx, id, o.status, { status, version: o.version + 1, updatedAt: nowIso() }))) throw new AppError('CONFLICT');
        await appendEvent(tx, { entityType: 'order', entityId: id, type: 'order.held', actor, stage: 'review', data: { reason, from: o.status } });
      });
      return load(db, actor, id);
    },

    async release(actor: Actor, id: string, reason: string) {
      await inTransaction(db, async (tx) => {
        const o = await row(tx, actor, id);
        const held = await tx.selectFrom('event').select('data').where('entityType', '=', 'order').where('entityId', '=', id).where('type', '=', 'order.held').orderBy('id', 'desc').limit(1).executeTakeFirst();
        const from = json.read<{ from?: Order['status'] }>(held?.data, {}).from;
        const fallback = orderMachine.next(o.status, 'release'); // throws unless the order is on hold
        const status = from && orderMachine.transitions.hold.from.includes(from) ? from : fallback;
        if (!(await orders.transition(tx, id, o.status, { status, version: o.version + 1, updatedAt: nowIso() }))) throw new AppError('CONFLICT');
        await appendEvent(tx, { entityType: 'order', entityId: id, type: 'order.released', actor, stage: 'review', data: { reason, to: status } });
      });
      return load(db, actor, id);
    },

    /** A planner moves reserved stock to another order's short line (order-reallocate.ts). */
    reallocate: (actor: Actor, input: z.infer<typeof reallocateBody>) => reallocate(db, actor, input),

    /** NOT_FOUND unless the actor may see the order (its data scope). */
    async assertVisible(actor: Actor, id: string): Promise<void> {
      await row(db, actor, id);
    },

    async timeline(actor: Actor, id: string) {
      await row(db, actor, id);
      const rows = await db
        .selectFrom('event')
        .leftJoin('appUser', 'appUser.id', 'event.actorId')
        .select(['event.id', 'event.type', 'event.at', 'event.stage', 'event.actorId', 'event.data', 'appUser.displayName as actorName'])
        .where('event.entityType', '=', 'order')
        .where('event.entityId', '=', id)
        .orderBy('event.id')
        .execute();
      return rows.map((r) => ({ ...r, actorName: r.actorName ?? null, data: json.read<Record<string, unknown>>(r.data, {}) }));
    },

    /** What order entry shows per line: list/floor price, the tier price, the customer's last price, available stock. */
    async quote(actor: Actor, customerId: string, productIds: string[]) {
      const customer = await db.selectFrom('customer').select(['id', 'tier']).where('id', '=', customerId).where(scopeCondition(actor, 'customer.ownerId')).executeTakeFirst();
      if (!customer) throw new AppError('VALIDATION_FAILED', [fieldError('customerId', 'not_found')]);
      return quotePrices(db, customer, productIds, localDate(new Date(), config.timeZone));
    },

    copy: copier.copy,

    importOrders: createOrderImport(db, insertDrafts),
    /** A link the customer can open without an account to follow this order (/c/:token). */
    async customerLink(actor: Actor, id: string, expiresInDays: number) {
      return inTransaction(db, async (tx) => {
        const o = await row(tx, actor, id);
        if (o.status === 'draft' || o.status === 'cancelled') throw new AppError('INVALID_STATE', { action: 'customer_link', state: o.status });
        const l = await createLink(tx, { kind: 'order', entityId: id, createdBy: actor.id, expiresInDays });
        await appendEvent(tx, { entityType: 'order', entityId: id, type: 'order.customer_link_created', actor, stage: 'shipping', data: { linkId: l.id, expiresAt: l.expiresAt } });
        return { id: l.id, url: `${config.publicUrl}/c/${l.token}`, expiresAt: l.expiresAt };
      });
    },

    revise: revisions.revise,
    revisions: revisions.list,
    /** Asks the customer to confirm a revision through a customer link. */
    revisionCustomerLink: confirmation.requestLink,
    /** The portal's door to revision links (kind `order_revision`). */
    revisionPortal: { view: confirmation.view, answer: confirmation.answer, assertVisible: confirmation.assertVisible },

    approvalsOf: async (actor: Actor, id: string) => {
      await row(db, actor, id);
      return approvals.forDocument(db, 'order', id);
    },
  };
}
export type OrdersService = ReturnType<typeof createOrdersService>;
