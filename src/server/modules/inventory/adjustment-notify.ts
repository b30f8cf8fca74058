/**
 * Who hears about an adjustment request: on submit every active user who may decide it
 * (a role granting inventory:approve, not the requester) — the same in-app + email outbox
 * rows order approvals write; on the decision the requester. Rows are written in the
 * request's (or decision's) transaction, so a rolled-back request tells nobody.
 */
import type { AdjustmentRequest } from '../../../contracts/inventory.ts';
import type { Permission } from '../../../contracts/permissions.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { notify } from '../notifications/index.ts';

const APPROVE: Permission = 'inventory:approve';

/** Roles granting inventory:approve. Few roles and a JSON column: filtered here, not in SQL, so both dialects read it alike. */
async function approverRoles(q: Db | Tx): Promise<string[]> {
  const roles = await q.selectFrom('role').select(['key', 'permissions']).execute();
  return roles.filter((r) => json.read<string[]>(r.permissions, []).includes(APPROVE)).map((r) => r.key);
}

/** Active users who may decide a request by `requestedBy` (never the requester), with their language. */
export async function approversOf(q: Db | Tx, requestedBy: string | null): Promise<{ id: string; locale: string }[]> {
  const roles = await approverRoles(q);
  if (!roles.length) return [];
  let qb = q.selectFrom('appUser').innerJoin('userRole', 'userRole.userId', 'appUser.id').select(['appUser.id', 'appUser.locale']).distinct().where('userRole.roleKey', 'in', roles).where('appUser.active', '=', 1);
  if (requestedBy) qb = qb.where('appUser.id', '!=', requestedBy);
  return qb.orderBy('appUser.id').execute();
}

const qtyText = (r: AdjustmentRequest) => `${r.qty > 0 ? '+' : ''}${r.qty} ${r.unit}`;
const link = (id: string) => `/approvals?focus=${encodeURIComponent(id)}`;

/** Tells every possible approver that the request waits for them (their 审批 page, focused on it). */
export async function tellApprovers(tx: Tx, r: AdjustmentRequest): Promise<void> {
  const users = await approversOf(tx, r.requestedBy);
  for (const en of [false, true]) {
    const who = r.requestedByName ?? (en ? 'the system' : '系统');
    const userIds = users.filter((u) => (u.locale === 'en-US') === en).map((u) => u.id);
    if (!userIds.length) continue;
    await notify(tx, {
      userIds,
      kind: 'stock.adjustment_requested',
      title: en ? `Stock adjustment to approve: ${r.sku} ${qtyText(r)}` : `待审批库存调整：${r.sku} ${qtyText(r)}`,
      body: en ? `${r.productName} in ${r.warehouseCode}, asked by ${who}. Reason: ${r.reason}` : `${r.productName}（仓库 ${r.warehouseCode}），${who} 提交。原因：${r.reason}`,
      link: link(r.id),
      email: true,
    });
  }
}

/** Tells the requester how their request was decided, with the approver's note. */
export async function tellRequester(tx: Tx, r: AdjustmentRequest, deciderName: string): Promise<void> {
  if (!r.requestedBy || r.status === 'pending') return;
  const user = await tx.selectFrom('appUser').select(['locale', 'active']).where('id', '=', r.requestedBy).executeTakeFirst();
  if (!user || user.active !== 1) return;
  const en = user.locale === 'en-US';
  const approved = r.status === 'approved';
  const note = r.decisionNote ? (en ? ` Note: ${r.decisionNote}` : `意见：${r.decisionNote}`) : '';
  await notify(tx, {
    userIds: [r.requestedBy],
    kind: approved ? 'stock.adjustment_approved' : 'stock.adjustment_rejected',
    title: en ? `Stock adjustment ${approved ? 'approved' : 'rejected'}: ${r.sku} ${qtyText(r)}` : `库存调整${approved ? '已批准' : '被驳回'}：${r.sku} ${qtyText(r)}`,
    body: en
      ? `${deciderName} ${approved ? 'approved it; the stock is booked' : 'rejected it; nothing was booked'}.${note}`
      : `${deciderName}${approved ? '已批准，库存已记账' : '已驳回，库存未变动'}。${note}`,
    link: '/inventory/adjustments',
  });
}
