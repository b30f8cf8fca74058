import type { z } from 'zod';
import type { portalConfirmBody, Requirement, requirementCreateBody, requirementPatchBody, RequirementStatus } from '../../../contracts/requirements.ts';
import type { Config } from '../../config.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { localDate } from '../../platform/dates.ts';
import { appendEvent } from '../../platform/events.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { createLink, listLinks, type ResolvedLink } from '../../platform/links.ts';
import { nextSequence, numberPattern } from '../../platform/numbering.ts';
import { assertCustomFields, loadCustomFields } from '../admin/index.ts';
import { notify } from '../notifications/index.ts';
import { requirementMachine } from './requirement.machine.ts';
import { insertRequirement, insertVersion, selectRequirements, updateRequirement, versionsOf, type Content, type RequirementRow } from './requirements.repository.ts';

type Q = Db | Tx;

function toRequirement(r: RequirementRow): Requirement {
  const c = json.read<Content>(r.content, { title: r.title, items: [], dueDate: null, attachments: [], customFields: {}, note: null });
  return {
    id: r.id,
    number: r.number,
    customerId: r.customerId,
    customerName: r.customerName ?? null,
    ownerId: r.ownerId,
    ownerName: r.ownerName ?? null,
    status: r.status,
    version: r.version,
    ...c,
    confirmedVersion: r.confirmedVersion,
    lastConfirmation: json.read(r.lastConfirmation, null),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Top-level fields that differ, plus per-line changes, for the timeline. */
function contentChanges(a: Content, b: Content): string[] {
  const changed = (['title', 'dueDate', 'note', 'attachments', 'customFields'] as const).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  const lines = Math.max(a.items.length, b.items.length);
  for (let i = 0; i < lines; i++) if (JSON.stringify(a.items[i]) !== JSON.stringify(b.items[i])) changed.push(`items.${i}` as never);
  return changed;
}

export function createRequirementsService(db: Db, config: Pick<Config, 'publicUrl' | 'timeZone'>) {
  async function load(q: Q, actor: Actor | null, id: string): Promise<Requirement> {
    const row = await selectRequirements(q, actor).where('requirement.id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    return toRequirement(row);
  }

  const pageUrl = (id: string) => `${config.publicUrl}/requirements/${id}`;

  return {
    get: (actor: Actor, id: string) => load(db, actor, id),

    async list(actor: Actor, query: { limit: number; cursor?: string; q?: string; customerId?: string; status?: RequirementStatus }) {
      const after = decodeCursor(query.cursor);
      let qb = selectRequirements(db, actor).orderBy('requirement.id', 'desc').limit(query.limit + 1);
      if (after) qb = qb.where('requirement.id', '<', String(after[0]));
      if (query.customerId) qb = qb.where('requirement.customerId', '=', query.customerId);
      if (query.status) qb = qb.where('requirement.status', '=', query.status);
      if (query.q) {
        const like = `%${query.q.toLowerCase()}%`;
        qb = qb.where((eb) => eb.or([eb(eb.fn('lower', ['requirement.title']), 'like', like), eb(eb.fn('lower', ['requirement.number']), 'like', like)]));
      }
      const page = toPage(await qb.execute(), query.limit, (r) => [r.id]);
      return {
        items: page.items.map((r) => {
          const { items, attachments: _a, customFields: _c, note: _n, lastConfirmation: _l, ...rest } = toRequirement(r);
          return { ...rest, itemCount: items.length };
        }),
        nextCursor: page.nextCursor,
      };
    },

    async versions(actor: Actor, id: string) {
      await load(db, actor, id);
      return (await versionsOf(db, id)).map((v) => ({
        version: v.version,
        ...json.read<Content>(v.content, {} as Content),
        createdBy: v.createdBy,
        createdByName: v.createdByName ?? null,
        createdAt: v.createdAt,
        changeReason: v.changeReason,
      }));
    },

    async create(actor: Actor, input: z.infer<typeof requirementCreateBody>): Promise<Requirement> {
      const id = newId();
      await inTransaction(db, async (tx) => {
        const customer = await tx.selectFrom('customer').select(['id', 'ownerId', 'name']).where('id', '=', input.customerId).where(scopeCondition(actor, 'customer.ownerId')).executeTakeFirst();
        if (!customer) throw new AppError('VALIDATION_FAILED', [fieldError('customerId', 'not_found')]);
        await assertCustomFields(tx, 'requirement', input.customFields);
        const content: Content = { title: input.title, items: input.items, dueDate: input.dueDate ?? null, attachments: input.attachments, customFields: input.customFields, note: input.note ?? null };
        const now = nowIso();
        const n = numberPattern('REQ-{yyyyMMdd}-{seq:4}', 'day', localDate(new Date(), config.timeZone), 'REQ');
        const number = n.format(await nextSequence(tx, n.key));
        await insertRequirement(tx, { id, number, customerId: customer.id, ownerId: customer.ownerId, status: 'draft', version: 1, title: input.title, confirmedVersion: null, lastConfirmation: null, createdAt: now, updatedAt: now });
        await insertVersion(tx, id, 1, content, actor.id, null, now);
        await appendEvent(tx, { entityType: 'requirement', entityId: id, type: 'requirement.created', actor, stage: 'requirement', data: { number, version: 1, customerId: customer.id } });
        await appendEvent(tx, { entityType: 'customer', entityId: customer.id, type: 'requirement.created', actor, stage: 'requirement', data: { requirementId: id, number, title: input.title } });
      });
      return load(db, actor, id);
    },

    /** Every save with a change is a new version; the status follows the machine (a confirmed one needs confirming again). */
    async update(actor: Actor, id: string, patch: z.infer<typeof requirementPatchBody>): Promise<Requirement> {
      await inTransaction(db, async (tx) => {
        const before = await load(tx, actor, id);
        if (patch.version !== undefined && patch.version !== before.version) throw new AppError('CONFLICT', [fieldError('version', 'version_mismatch', { current: before.version })]);
        const status = requirementMachine.next(before.status, 'edit');
        const content: Content = {
          title: patch.title ?? before.title,
          items: patch.items ?? before.items,
          dueDate: patch.dueDate !== undefined ? patch.dueDate : before.dueDate,
          attachments: patch.attachments ?? before.attachments,
          customFields: patch.customFields ?? before.customFields,
          note: patch.note !== undefined ? patch.note : before.note,
        };
        if (patch.customFields) await assertCustomFields(tx, 'requirement', content.customFields);
        const changes = contentChanges(before, content);
        if (changes.length === 0) return;
        const version = before.version + 1;
        const now = nowIso();
        await insertVersion(tx, id, version, content, actor.id, patch.changeReason ?? null, now);
        await updateRequirement(tx, id, { version, title: content.title, status, updatedAt: now });
        await appendEvent(tx, {
          entityType: 'requirement',
          entityId: id,
          type: 'requirement.updated',
          actor,
          stage: 'requirement',
          data: { version, changes, from: before.status, to: status, reason: patch.changeReason ?? null },
        });
        const watchers = [before.ownerId].filter((u) => u !== actor.id);
        if (watchers.length) {
          await notify(tx, { userIds: watchers, kind: 'requirement.changed', title: `需求单已更新：${before.number} v${version}`, body: `${actor.displayName} 修改了 ${changes.join('、')}`, link: pageUrl(id) });
        }
      });
      return load(db, actor, id);
    },

    async cancel(actor: Actor, id: string, reason: string) {
      await inTransaction(db, async (tx) => {
        const before = await load(tx, actor, id);
        const status = requirementMachine.next(before.status, 'cancel');
        await updateRequirement(tx, id, { status, updatedAt: nowIso() });
        await appendEvent(tx, { entityType: 'requirement', entityId: id, type: 'requirement.cancelled', actor, stage: 'requirement', data: { reason, from: before.status } });
      });
      return load(db, actor, id);
    },

    /** Generates the customer confirmation link (/c/:token) and marks the requirement as sent. */
    async createConfirmationLink(actor: Actor, id: string, expiresInDays: number) {
      return inTransaction(db, async (tx) => {
        const before = await load(tx, actor, id);
        const status = requirementMachine.next(before.status, 'send');
        const l = await createLink(tx, { kind: 'requirement', entityId: id, createdBy: actor.id, expiresInDays });
        await updateRequirement(tx, id, { status, updatedAt: nowIso() });
        await appendEvent(tx, { entityType: 'requirement', entityId: id, type: 'requirement.sent', actor, stage: 'requirement', data: { version: before.version, linkId: l.id, expiresAt: l.expiresAt } });
        return { id: l.id, url: `${config.publicUrl}/c/${l.token}`, expiresAt: l.expiresAt };
      });
    },

    /**
     * For order entry: the confirmed version's content (what the customer agreed to), and
     * marks the requirement converted in the caller's transaction.
     */
    async takeForOrder(tx: Tx, actor: Actor, id: string, orderId: string) {
      const r = await load(tx, actor, id);
      const status = requirementMachine.next(r.status, 'convert', 'REQUIREMENT_NOT_CONFIRMED');
      const v = (await versionsOf(tx, id)).find((x) => x.version === r.confirmedVersion)!;
      await updateRequirement(tx, id, { status, updatedAt: nowIso() });
      await appendEvent(tx, { entityType: 'requirement', entityId: id, type: 'requirement.converted', actor, stage: 'requirement', data: { orderId, version: r.confirmedVersion } });
      return { customerId: r.customerId, version: r.confirmedVersion!, content: json.read<Content>(v.content, {} as Content) };
    },

    async links(actor: Actor, id: string) {
      await load(db, actor, id);
      return listLinks(db, 'requirement', id);
    },

    /** Visibility check used by the portal before revoking a link. */
    assertVisible: (actor: Actor, id: string) => load(db, actor, id).then(() => undefined),

    /** What the customer sees: the current version, no internal fields. */
    async portalView(link: ResolvedLink) {
      const r = await load(db, null, link.entityId);
      const defs = await loadCustomFields(db, 'requirement');
      const company = (await db.selectFrom('setting').select('value').where('key', '=', 'company.name').executeTakeFirst())?.value;
      return {
        kind: 'requirement' as const,
        company: company ? json.read<string>(company, '') : '',
        customerName: r.customerName ?? '',
        number: r.number,
        status: r.status,
        version: r.version,
        title: r.title,
        items: r.items,
        dueDate: r.dueDate,
        note: r.note,
        customFields: defs.filter((d) => r.customFields[d.key] !== undefined && d.type !== 'attachment').map((d) => ({ label: d.label, labelEn: d.labelEn, value: r.customFields[d.key] })),
        confirmedVersion: r.confirmedVersion,
        expiresAt: link.expiresAt,
      };
    },

    /**
     * The customer's answer. It is recorded against the version the customer actually saw;
     * only an answer about the current version changes the status.
     */
    async portalConfirm(link: ResolvedLink, input: z.infer<typeof portalConfirmBody>, client: { ip: string; userAgent: string | null }) {
      return inTransaction(db, async (tx) => {
        const r = await load(tx, null, link.entityId);
        if (input.version > r.version || input.version < 1) throw new AppError('VALIDATION_FAILED', [fieldError('version', 'not_found')]);
        const outdated = input.version !== r.version;
        if (!outdated && !requirementMachine.can(r.status, input.action === 'confirm' ? 'confirm' : 'requestChanges')) throw new AppError('REQUIREMENT_NOT_CONFIRMABLE', { status: r.status });
        const at = nowIso();
        const confirmation = { version: input.version, action: input.action, comment: input.comment ?? null, at, ip: client.ip, userAgent: client.userAgent?.slice(0, 300) ?? null, contactName: input.contactName ?? null };
        const status = outdated ? r.status : requirementMachine.next(r.status, input.action === 'confirm' ? 'confirm' : 'requestChanges');
        await updateRequirement(tx, r.id, {
          status,
          lastConfirmation: json.write(confirmation),
          ...(status === 'confirmed' ? { confirmedVersion: input.version } : {}),
          updatedAt: at,
        });
        const type = input.action === 'confirm' ? 'requirement.customer_confirmed' : 'requirement.customer_requested_changes';
        await appendEvent(tx, { entityType: 'requirement', entityId: r.id, type, actor: null, stage: 'requirement', data: { ...confirmation, linkId: link.id, currentVersion: r.version, outdated } });
        await appendEvent(tx, { entityType: 'customer', entityId: r.customerId, type, actor: null, stage: 'requirement', data: { requirementId: r.id, number: r.number, version: input.version, outdated, comment: confirmation.comment } });
        const verb = input.action === 'confirm' ? '已确认' : '要求修改';
        await notify(tx, {
          userIds: [...new Set([r.ownerId, link.createdBy])],
          kind: type,
          title: `客户${verb}需求单 ${r.number} v${input.version}${outdated ? `（当前为 v${r.version}）` : ''}`,
          body: confirmation.comment ?? '',
          link: pageUrl(r.id),
          email: true,
        });
        return { recordedVersion: input.version, currentVersion: r.version, outdated, status };
      });
    },
  };
}

export type RequirementsService = ReturnType<typeof createRequirementsService>;
