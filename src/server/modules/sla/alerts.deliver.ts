import { stageLabels, type StageName } from '../../../contracts/stages.ts';
import type { AlertChannel } from '../../../contracts/sla.ts';
import type { DbHandle, Tx } from '../../platform/db/database.ts';
import { forUpdate, json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import { nowIso } from '../../platform/ids.ts';
import type { OutboxHandler } from '../../platform/outbox/worker.ts';
import { notify } from '../notifications/index.ts';
import { companyTimeZone, slaConfig } from './sla.config.ts';

type Locale = 'zh-CN' | 'en-US';
interface Person {
  id: string;
  active: number;
  managerId: string | null;
  locale: string;
  displayName: string;
}

const person = (q: Tx, id: string) => q.selectFrom('appUser').select(['id', 'active', 'managerId', 'locale', 'displayName']).where('id', '=', id).executeTakeFirst() as Promise<Person | undefined>;
const roleQueue = async (q: Tx, role: string) =>
  (await q.selectFrom('userRole').innerJoin('appUser', 'appUser.id', 'userRole.userId').select('appUser.id').where('userRole.roleKey', '=', role).where('appUser.active', '=', 1).orderBy('appUser.id').execute()).map((r) => r.id);
/**
 * "The owner's manager" of a stage nobody has claimed yet: the managers of the people who
 * could claim it (active holders of the queue role) — as a team leader in Odoo or a
 * department head in Jiandaoyun answers for their team's queue — and, when none of them has
 * an active manager, the sales managers.
 */
async function queueManagers(q: Tx, role: string): Promise<{ ids: string[]; fallback: boolean }> {
  const rows = await q
    .selectFrom('userRole')
    .innerJoin('appUser as member', 'member.id', 'userRole.userId')
    .innerJoin('appUser as boss', 'boss.id', 'member.managerId')
    .select('boss.id')
    .distinct()
    .where('userRole.roleKey', '=', role)
    .where('member.active', '=', 1)
    .where('boss.active', '=', 1)
    .orderBy('boss.id')
    .execute();
  if (rows.length) return { ids: rows.map((r) => r.id), fallback: false };
  return { ids: await roleQueue(q, 'sales_manager'), fallback: true };
}
const activeIds = async (q: Tx, ids: (string | null | undefined)[]) => {
  const list = ids.filter((x): x is string => !!x);
  if (!list.length) return [];
  return (await q.selectFrom('appUser').select('id').where('id', 'in', list).where('active', '=', 1).execute()).map((r) => r.id);
};

const when = (iso: string) => {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: companyTimeZone(), hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
};

function wording(locale: Locale, kind: 'reminder' | 'escalation' | 'owner_disabled', a: { number: string; stage: StageName; level: number; dueAt: string; owner: string }) {
  const zh = locale !== 'en-US';
  const label = zh ? stageLabels[a.stage].zh : stageLabels[a.stage].en;
  if (kind === 'reminder')
    return zh
      ? { title: `提醒：订单 ${a.number} 的「${label}」环节将于 ${when(a.dueAt)} 到期`, body: `请在到期前完成该环节。负责人：${a.owner}` }
      : { title: `Reminder: order ${a.number} — ${label} is due ${when(a.dueAt)}`, body: `Please finish this stage before it is due. Owner: ${a.owner}` };
  if (kind === 'escalation')
    return zh
      ? { title: `超期升级（第 ${a.level} 级）：订单 ${a.number} 的「${label}」环节已超期`, body: `应于 ${when(a.dueAt)} 完成，尚未完成。负责人：${a.owner}` }
      : { title: `Escalation (level ${a.level}): order ${a.number} — ${label} is overdue`, body: `It was due ${when(a.dueAt)} and is not done. Owner: ${a.owner}` };
  return zh
    ? { title: `订单 ${a.number} 的「${label}」环节负责人已停用`, body: `${a.owner} 已停用，该环节已转入角色队列，请重新指派。` }
    : { title: `Order ${a.number} — the owner of ${label} is disabled`, body: `${a.owner} is disabled; the stage went to the role queue. Please assign someone.` };
}

/** Notifies each recipient in their own language, through the rule's channels. */
async function tell(tx: Tx, userIds: string[], kind: 'reminder' | 'escalation' | 'owner_disabled', channels: readonly AlertChannel[], a: Parameters<typeof wording>[2], link: string) {
  if (!userIds.length) return;
  const rows = await tx.selectFrom('appUser').select(['id', 'locale']).where('id', 'in', userIds).execute();
  for (const locale of ['zh-CN', 'en-US'] as const) {
    const ids = rows.filter((r) => (r.locale === 'en-US' ? 'en-US' : 'zh-CN') === locale).map((r) => r.id);
    if (!ids.length) continue;
    const w = wording(locale, kind, a);
    await notify(tx, { userIds: ids, kind: `stage.${kind}`, title: w.title, body: w.body, link, inapp: channels.includes('inapp'), email: channels.includes('email') });
  }
}

/**
 * The `stage_alert` outbox channel. Recipients are read now, not when the scan found the
 * alert: a stage reassigned while its reminder waited in the queue reaches the new owner. A
 * disabled owner hands the stage to the rule's queue role and their manager is told. The
 * alert row is claimed (state queued → sent) in the transaction that queues the
 * notifications, so a retried job sends nothing twice.
 */
export function createStageAlertHandler(handle: DbHandle, opts: { publicUrl: string }): OutboxHandler {
  return async (job) => {
    const { alertId } = job.payload as { alertId: string };
    await inTransaction(handle.db, (tx) => deliverAlert(handle, tx, alertId, opts.publicUrl));
  };
}

async function deliverAlert(handle: DbHandle, tx: Tx, alertId: string, publicUrl: string): Promise<void> {
  const alert = await forUpdate(handle.dialect, tx.selectFrom('stageAlert').selectAll().where('id', '=', alertId)).executeTakeFirst();
  if (!alert || alert.state !== 'queued') return;
  const finish = (state: 'sent' | 'dropped', recipients: string[], note: string | null) =>
    tx.updateTable('stageAlert').set({ state, sentAt: nowIso(), recipients: json.write(recipients), note }).where('id', '=', alertId).execute();
  const stageName = alert.stage as StageName;
  const s = await forUpdate(
    handle.dialect,
    tx
      .selectFrom('orderStage')
      .innerJoin('salesOrder', 'salesOrder.id', 'orderStage.orderId')
      .select(['orderStage.ownerId', 'orderStage.ownerRole', 'orderStage.dueAt', 'orderStage.completedAt', 'orderStage.skipped', 'salesOrder.number'])
      .where('orderStage.orderId', '=', alert.orderId)
      .where('orderStage.stage', '=', stageName),
  ).executeTakeFirst();
  if (!s || s.completedAt || s.skipped) return void (await finish('dropped', [], 'stage_closed'));
  if (s.dueAt !== alert.dueAt) return void (await finish('dropped', [], 'due_moved'));
  const rule = (await slaConfig(tx, { fresh: true })).rules.get(stageName);
  const def = alert.kind === 'reminder' ? rule?.reminders[alert.level - 1] : rule?.escalations.find((e) => e.level === alert.level);
  if (!rule?.active || !def) return void (await finish('dropped', [], 'rule_changed'));

  const link = `${publicUrl}/orders/${alert.orderId}`;
  let owner = s.ownerId ? await person(tx, s.ownerId) : undefined;
  let ownerRole = s.ownerRole ?? null;
  const text = { number: s.number ?? '', stage: stageName, level: alert.level, dueAt: alert.dueAt, owner: owner?.displayName ?? ownerRole ?? '-' };
  const notes: string[] = [];
  // The owner at send time may have been disabled since the stage was assigned.
  const disabled = owner && owner.active !== 1 ? owner : undefined;
  if (disabled) {
    ownerRole = rule.queueRole;
    owner = undefined;
    await tx.updateTable('orderStage').set({ ownerId: null, ownerRole }).where('orderId', '=', alert.orderId).where('stage', '=', stageName).execute();
    await appendEvent(tx, { entityType: 'order', entityId: alert.orderId, type: 'stage.reassigned', actor: null, stage: stageName, data: { from: disabled.id, fromName: disabled.displayName, to: null, toRole: ownerRole, reason: 'owner_disabled' } });
    const managers = await activeIds(tx, [disabled.managerId]);
    await tell(tx, managers, 'owner_disabled', ['inapp'], text, link);
    notes.push('owner_disabled');
  }
  const ownerRecipients = owner ? [owner.id] : ownerRole ? await roleQueue(tx, ownerRole) : [];
  let recipients: string[];
  if (alert.kind === 'reminder' || !('to' in def)) recipients = ownerRecipients;
  else if (def.to.type === 'manager') {
    const named = owner ?? disabled;
    if (named) recipients = await activeIds(tx, [named.managerId]);
    else if (ownerRole) {
      const q = await queueManagers(tx, ownerRole);
      recipients = q.ids;
      notes.push(q.fallback ? 'queue_no_manager' : 'queue_managers');
    } else recipients = [];
    if (!recipients.length) notes.push('no_manager');
  } else if (def.to.type === 'role') recipients = await roleQueue(tx, def.to.role);
  else recipients = await activeIds(tx, [def.to.userId]);
  if (!recipients.length && !notes.includes('no_manager')) notes.push('no_recipient');

  await tell(tx, recipients, alert.kind, def.channels, text, link);
  const recipientNames = recipients.length ? (await tx.selectFrom('appUser').select(['id', 'displayName']).where('id', 'in', recipients).execute()).sort((x, y) => recipients.indexOf(x.id) - recipients.indexOf(y.id)).map((r) => r.displayName) : [];
  await appendEvent(tx, {
    entityType: 'order',
    entityId: alert.orderId,
    type: alert.kind === 'reminder' ? 'stage.reminded' : 'stage.escalated',
    actor: null,
    stage: stageName,
    data: { number: s.number, level: alert.level, dueAt: alert.dueAt, recipients, recipientNames: recipientNames.slice(0, 20), channels: def.channels, title: wording('zh-CN', alert.kind, text).title, webhook: def.channels.includes('webhook') },
  });
  await finish('sent', recipients, notes.length ? notes.join(',') : null);
}


