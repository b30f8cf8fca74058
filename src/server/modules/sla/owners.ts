import type { StageName } from '../../../contracts/stages.ts';
import type { Tx } from '../../platform/db/database.ts';
import { appendEvent, subscribe, type StoredEvent } from '../../platform/events.ts';
import { notify } from '../notifications/index.ts';
import { slaConfig } from './sla.config.ts';

/**
 * A disabled user keeps no stages: in the transaction that disables them, each of their open
 * stages goes to its rule's queue role (on the order's timeline) and their manager is told
 * how many, so nothing waits on someone who can no longer act. The alert handler checks
 * again at send time for a user disabled some other way.
 */
async function onUserDisabled(tx: Tx, e: StoredEvent): Promise<void> {
  if (e.type !== 'user.disabled') return;
  const userId = e.entityId;
  const stages = await tx
    .selectFrom('orderStage')
    .innerJoin('salesOrder', 'salesOrder.id', 'orderStage.orderId')
    .select(['orderStage.orderId', 'orderStage.stage', 'salesOrder.number'])
    .where('orderStage.ownerId', '=', userId)
    .where('orderStage.completedAt', 'is', null)
    .where('orderStage.skipped', '=', 0)
    .where('salesOrder.status', 'not in', ['cancelled', 'completed'])
    .execute();
  if (!stages.length) return;
  const { rules } = await slaConfig(tx);
  const queueOf = (stage: StageName) => rules.get(stage)?.queueRole ?? 'coordinator';
  const user = await tx.selectFrom('appUser').select(['displayName', 'managerId']).where('id', '=', userId).executeTakeFirst();
  for (const s of stages) {
    const toRole = queueOf(s.stage);
    await tx.updateTable('orderStage').set({ ownerId: null, ownerRole: toRole }).where('orderId', '=', s.orderId).where('stage', '=', s.stage).where('ownerId', '=', userId).execute();
    await appendEvent(tx, { entityType: 'order', entityId: s.orderId, type: 'stage.reassigned', actor: e.actorId ? { id: e.actorId, via: 'session' } : null, stage: s.stage, data: { from: userId, fromName: user?.displayName ?? null, to: null, toRole, reason: 'owner_disabled' } });
  }
  if (!user?.managerId) return;
  const manager = await tx.selectFrom('appUser').select(['id', 'locale', 'active']).where('id', '=', user.managerId).executeTakeFirst();
  if (!manager || manager.active !== 1) return;
  const numbers = stages.map((s) => s.number).filter(Boolean).slice(0, 10).join('、');
  const en = manager.locale === 'en-US';
  await notify(tx, {
    userIds: [manager.id],
    kind: 'stage.owner_disabled',
    title: en ? `${user.displayName} is disabled: ${stages.length} open stage(s) went to the role queues` : `${user.displayName} 已停用：其负责的 ${stages.length} 个未完成环节已转入角色队列`,
    body: en ? `Orders: ${numbers}. Please assign someone.` : `涉及订单：${numbers}。请重新指派负责人。`,
  });
}

export function registerOwnerHandOver(): void {
  subscribe('sla.owner_hand_over', onUserDisabled);
}
