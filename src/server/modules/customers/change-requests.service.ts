import type { ChangeRequest, Customer } from '../../../contracts/customers.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import { assertCan, scopeCondition, type Actor } from '../../platform/http/actor.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { notify } from '../notifications/index.ts';
import { diffCustomer } from './customer.mapper.ts';
import { applyPatch, previewPatch, type PatchFields } from './customer-patch.ts';

type Q = Db | Tx;
type Load = (q: Q, actor: Actor, id: string) => Promise<Customer>;

function select(q: Q) {
  return q
    .selectFrom('customerChangeRequest as r')
    .innerJoin('customer', 'customer.id', 'r.customerId')
    .leftJoin('appUser as u', 'u.id', 'r.requestedBy')
    .leftJoin('appUser as dec', 'dec.id', 'r.decidedBy')
    .selectAll('r')
    .select(['customer.name as customerName', 'customer.ownerId', 'u.displayName as requestedByName', 'dec.displayName as decidedByName']);
}
type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

const toDto = (r: Row): ChangeRequest => ({
  id: r.id,
  customerId: r.customerId,
  customerName: r.customerName ?? null,
  changes: json.read(r.changes, []),
  reason: r.reason,
  state: r.state,
  requestedBy: r.requestedBy,
  requestedByName: r.requestedByName ?? null,
  requestedAt: r.requestedAt,
  decidedBy: r.decidedBy,
  decidedByName: r.decidedByName ?? null,
  decidedAt: r.decidedAt,
  comment: r.comment,
});

/**
 * Approval of changes to sensitive customer fields (credit limit, tax and invoice info, …):
 * the requester's patch is stored with the diff it would make; an approver (customers:approve,
 * within data scope) applies or rejects it; requester and owner are told either way.
 */
export function createChangeRequests(db: Db, publicUrl: string, load: Load) {
  async function approvers(q: Q, ownerId: string): Promise<string[]> {
    const owner = await q.selectFrom('appUser').select(['teamId', 'managerId']).where('id', '=', ownerId).executeTakeFirst();
    const rows = await q
      .selectFrom('appUser')
      .innerJoin('userRole', 'userRole.userId', 'appUser.id')
      .innerJoin('role', 'role.key', 'userRole.roleKey')
      .select(['appUser.id', 'appUser.teamId', 'role.dataScope', 'role.permissions'])
      .where('appUser.active', '=', 1)
      .where('role.permissions', 'like', '%"customers:approve"%')
      .execute();
    const ids = rows.filter((r) => r.dataScope === 'all' || (r.dataScope === 'team' && owner?.teamId && r.teamId === owner.teamId)).map((r) => r.id);
    return [...new Set([...(owner?.managerId ? [owner.managerId] : []), ...ids])];
  }

  async function decide(actor: Actor, id: string, approve: boolean, comment: string | null) {
    assertCan(actor, 'customers:approve');
    await inTransaction(db, async (tx) => {
      const r = await select(tx).where('r.id', '=', id).where(scopeCondition(actor, 'customer.ownerId')).executeTakeFirst();
      if (!r) throw notFound();
      if (r.state !== 'pending') throw new AppError('INVALID_STATE', { state: r.state });
      const at = nowIso();
      await tx.updateTable('customerChangeRequest').set({ state: approve ? 'approved' : 'rejected', decidedBy: actor.id, decidedAt: at, comment }).where('id', '=', id).execute();
      if (approve) {
        const before = await load(tx, actor, r.customerId);
        await applyPatch(tx, actor, before, json.read<PatchFields>(r.patch, {}), { reason: r.reason, publicUrl, data: { changeRequestId: id, requestedBy: r.requestedBy } });
      }
      const type = approve ? 'customer.change_approved' : 'customer.change_rejected';
      await appendEvent(tx, { entityType: 'customer', entityId: r.customerId, type, actor, stage: 'requirement', data: { changeRequestId: id, comment, changes: json.read(r.changes, []) } });
      await notify(tx, {
        userIds: [...new Set([r.requestedBy, r.ownerId])].filter((u) => u !== actor.id),
        kind: type,
        title: `客户资料变更${approve ? '已批准' : '被驳回'}：${r.customerName}`,
        body: comment ?? '',
        link: `${publicUrl}/customers/${r.customerId}`,
      });
    });
    return toDto((await select(db).where('r.id', '=', id).executeTakeFirst())!);
  }

  return {
    /** Stores the gated part of a patch as a pending request (nothing when it would change nothing). */
    async request(tx: Tx, actor: Actor, current: Customer, gated: PatchFields, reason: string | null) {
      if (Object.keys(gated).length === 0) return;
      const changes = diffCustomer(current, previewPatch(current, gated));
      if (changes.length === 0) return;
      const id = newId();
      await tx
        .insertInto('customerChangeRequest')
        .values({ id, customerId: current.id, patch: json.write(gated), changes: json.write(changes), reason, state: 'pending', requestedBy: actor.id, requestedAt: nowIso(), decidedBy: null, decidedAt: null, comment: null })
        .execute();
      await appendEvent(tx, { entityType: 'customer', entityId: current.id, type: 'customer.change_requested', actor, stage: 'requirement', data: { changeRequestId: id, changes, reason } });
      await notify(tx, {
        userIds: [current.ownerId, ...(await approvers(tx, current.ownerId))].filter((u) => u !== actor.id),
        kind: 'customer.change_requested',
        title: `客户资料变更待审批：${current.name}`,
        body: `${actor.displayName} 申请修改 ${changes.map((c) => c.field).join('、')}${reason ? `，原因：${reason}` : ''}`,
        link: `${publicUrl}/customers/${current.id}`,
      });
    },

    async pendingFor(q: Q, customerId: string) {
      return (await select(q).where('r.customerId', '=', customerId).where('r.state', '=', 'pending').orderBy('r.id').execute()).map(toDto);
    },

    /** The approver's inbox (or a customer's requests), within the caller's data scope. */
    async list(actor: Actor, query: { state?: ChangeRequest['state']; customerId?: string }) {
      let qb = select(db).where(scopeCondition(actor, 'customer.ownerId')).orderBy('r.id', 'desc').limit(200);
      if (query.state) qb = qb.where('r.state', '=', query.state);
      if (query.customerId) qb = qb.where('r.customerId', '=', query.customerId);
      return (await qb.execute()).map(toDto);
    },

    approve: (actor: Actor, id: string, comment: string | null) => decide(actor, id, true, comment),
    reject: (actor: Actor, id: string, comment: string) => decide(actor, id, false, comment),
  };
}
