import { normalizeCompanyName, normalizeMobile } from '../../../contracts/cn.ts';
import type { Customer, CustomerCreate, CustomerPatch } from '../../../contracts/customers.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { isUniqueViolation, json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import { can, scopeCondition, type Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { nextSequence } from '../../platform/numbering.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { notify } from '../notifications/index.ts';
import { normalizeAddresses, normalizeContacts, toCustomer } from './customer.mapper.ts';
import { applyPatch, type PatchFields } from './customer-patch.ts';
import { getSetting } from '../../platform/settings.ts';
import { createChangeRequests } from './change-requests.service.ts';
import {
  addressesOf,
  contactsOf,
  customerSearch,
  findDuplicateCandidates,
  insertCustomer,
  primaryContacts,
  replaceAddresses,
  replaceContacts,
  selectCustomers,
} from './customers.repository.ts';

type Q = Db | Tx;

export function createCustomersService(db: Db, publicUrl: string) {
  async function load(q: Q, actor: Actor, id: string): Promise<Customer> {
    const row = await selectCustomers(q, actor).where('customer.id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    return { ...toCustomer(actor, row, await contactsOf(q, [id]), await addressesOf(q, [id])), pendingChanges: await changeRequests.pendingFor(q, id) };
  }
  const changeRequests = createChangeRequests(db, publicUrl, load);

  /** The owner must be an active user the actor may assign records to (own scope: only self). */
  async function assertOwner(q: Q, actor: Actor, ownerId: string) {
    if (actor.dataScope === 'own' && ownerId !== actor.id) throw new AppError('VALIDATION_FAILED', [fieldError('ownerId', 'out_of_scope')]);
    const owner = await q.selectFrom('appUser').select(['id', 'active', 'teamId']).where('id', '=', ownerId).executeTakeFirst();
    if (!owner) throw new AppError('VALIDATION_FAILED', [fieldError('ownerId', 'not_found')]);
    if (owner.active !== 1) throw new AppError('VALIDATION_FAILED', [fieldError('ownerId', 'inactive_user')]);
    if (actor.dataScope === 'team' && ownerId !== actor.id && owner.teamId !== actor.teamId) {
      throw new AppError('VALIDATION_FAILED', [fieldError('ownerId', 'out_of_scope')]);
    }
  }

  /** Possible duplicates are shown even outside the caller's scope (to stop 撞单), but only openable within it. */
  async function duplicates(q: Q, actor: Actor, input: { name?: string; taxId?: string | null; phones?: string[]; excludeId?: string }) {
    const phones = (input.phones ?? []).map((p) => normalizeMobile(p)).filter((p): p is string => !!p);
    const hits = await findDuplicateCandidates(q, { nameKey: input.name ? normalizeCompanyName(input.name) : undefined, taxId: input.taxId?.toUpperCase(), phones, excludeId: input.excludeId });
    if (hits.size === 0) return [];
    const ids = [...hits.keys()];
    const rows = await selectCustomers(q, null).where('customer.id', 'in', ids).execute();
    const visible = new Set((await q.selectFrom('customer').select('id').where('id', 'in', ids).where(scopeCondition(actor, 'customer.ownerId')).execute()).map((r) => r.id));
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, ownerName: r.ownerName ?? null, reasons: [...hits.get(r.id)!], canOpen: visible.has(r.id) }));
  }

  return {
    get: (actor: Actor, id: string) => load(db, actor, id),

    checkDuplicates: (actor: Actor, input: { name?: string; taxId?: string | null; phones?: string[]; excludeId?: string }) => duplicates(db, actor, input),

    async list(actor: Actor, query: { limit: number; cursor?: string; q?: string; ownerId?: string; tier?: Customer['tier']; province?: string; tag?: string; status?: Customer['status'] }) {
      const after = decodeCursor(query.cursor);
      let qb = selectCustomers(db, actor).orderBy('customer.id', 'desc').limit(query.limit + 1);
      if (after) qb = qb.where('customer.id', '<', String(after[0]));
      if (query.q) qb = qb.where(customerSearch(query.q));
      if (query.ownerId) qb = qb.where('customer.ownerId', '=', query.ownerId);
      if (query.tier) qb = qb.where('customer.tier', '=', query.tier);
      if (query.province) qb = qb.where('customer.province', '=', query.province);
      if (query.status) qb = qb.where('customer.status', '=', query.status);
      if (query.tag) qb = qb.where('customer.tags', 'like', `%${JSON.stringify(query.tag)}%`);
      const page = toPage(await qb.execute(), query.limit, (r) => [r.id]);
      const primary = await primaryContacts(
        db,
        page.items.map((r) => r.id),
      );
      return {
        items: page.items.map((r) => {
          const { contacts: _c, addresses: _a, invoice: _i, customFields: _f, ...rest } = toCustomer(actor, r, [], []);
          return { ...rest, primaryContact: primary.get(r.id)?.name ?? null, primaryPhone: primary.get(r.id)?.phone ?? null };
        }),
        nextCursor: page.nextCursor,
      };
    },

    async create(actor: Actor, input: CustomerCreate) {
      const ownerId = input.ownerId ?? actor.id;
      const contacts = normalizeContacts(input.contacts);
      const addresses = normalizeAddresses(input.addresses);
      const id = newId();
      const warnings = await inTransaction(db, async (tx) => {
        await assertOwner(tx, actor, ownerId);
        const matches = await duplicates(tx, actor, { name: input.name, taxId: input.taxId, phones: contacts.map((c) => c.phone ?? '').filter(Boolean) });
        const now = nowIso();
        const code = input.code ?? `C${String(await nextSequence(tx, 'customer.code')).padStart(5, '0')}`;
        try {
          await insertCustomer(tx, {
            id,
            code,
            name: input.name,
            nameKey: normalizeCompanyName(input.name),
            taxId: input.taxId ?? null,
            invoice: json.write(input.invoice ?? {}),
            tier: input.tier,
            tags: json.write(input.tags),
            ownerId,
            paymentTermsDays: input.paymentTermsDays,
            creditLimit: input.creditLimit,
            currency: input.currency,
            status: input.status,
            province: addresses.find((a) => a.isDefault)?.province ?? null,
            customFields: json.write(input.customFields),
            version: 1,
            createdBy: actor.id,
            createdAt: now,
            updatedAt: now,
          });
        } catch (err) {
          if (isUniqueViolation(err)) throw new AppError('CODE_TAKEN', [fieldError('code', 'taken')]);
          throw err;
        }
        await replaceContacts(tx, id, contacts);
        await replaceAddresses(tx, id, addresses);
        await appendEvent(tx, {
          entityType: 'customer',
          entityId: id,
          type: 'customer.created',
          actor,
          stage: 'requirement',
          data: { name: input.name, code, ...(matches.length ? { possibleDuplicates: matches.map((m) => m.id), duplicateReason: input.duplicateReason ?? null } : {}) },
        });
        if (ownerId !== actor.id) {
          await notify(tx, { userIds: [ownerId], kind: 'customer.assigned', title: `新客户分配给您：${input.name}`, body: `${actor.displayName} 创建了客户 ${input.name}（${code}）并指定您为负责人。`, link: `${publicUrl}/customers/${id}` });
        }
        return matches.length ? [{ code: 'POSSIBLE_DUPLICATE' as const, matches }] : [];
      });
      return { customer: await load(db, actor, id), warnings };
    },

    /**
     * Fields the admin marked as approval-gated (setting `customer.approvalFields`) are not
     * applied for users without `customers:approve`: they become a change request that an
     * approver decides; everything else is applied at once.
     */
    async update(actor: Actor, id: string, patch: CustomerPatch): Promise<Customer> {
      await inTransaction(db, async (tx) => {
        const before = await load(tx, actor, id);
        if (patch.version !== undefined && patch.version !== before.version) throw new AppError('CONFLICT', [fieldError('version', 'version_mismatch', { current: before.version })]);
        if (patch.ownerId && patch.ownerId !== before.ownerId) await assertOwner(tx, actor, patch.ownerId);
        const { version: _v, reason, ...fields } = patch;
        const gatedKeys: string[] = can(actor, 'customers:approve') ? [] : await getSetting(tx, 'customer.approvalFields');
        const gated = Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== undefined && gatedKeys.includes(k))) as PatchFields;
        const free = Object.fromEntries(Object.entries(fields).filter(([k]) => !(k in gated))) as PatchFields;
        const applied = await applyPatch(tx, actor, before, free, { reason, publicUrl });
        const current = applied.length ? await load(tx, actor, id) : before;
        await changeRequests.request(tx, actor, current, gated, reason ?? null);
      });
      return load(db, actor, id);
    },

    changeRequests,

    /** The customer's change history (newest first) with actor names: every version, who, when, old → new. */
    async history(actor: Actor, id: string) {
      await load(db, actor, id);
      const rows = await db
        .selectFrom('event')
        .leftJoin('appUser', 'appUser.id', 'event.actorId')
        .select(['event.id', 'event.type', 'event.at', 'event.actorId', 'event.data', 'appUser.displayName as actorName'])
        .where('event.entityType', '=', 'customer')
        .where('event.entityId', '=', id)
        .orderBy('event.id', 'desc')
        .limit(500)
        .execute();
      return rows.map((r) => {
        const data = json.read<Record<string, unknown>>(r.data, {});
        const { changes, ...rest } = data;
        return { id: r.id, type: r.type, at: r.at, actorId: r.actorId, actorName: r.actorName ?? null, changes: (changes as any[]) ?? [], data: rest };
      });
    },
  };
}

export type CustomersService = ReturnType<typeof createCustomersService>;
