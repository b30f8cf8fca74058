import { stageLabels } from '../../../contracts/stages.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { localDate } from '../../platform/dates.ts';
import { nowIso } from '../../platform/ids.ts';
import { getSetting } from '../../platform/settings.ts';
import { loadActor } from '../admin/index.ts';
import { notify } from '../notifications/index.ts';
import type { Workbench } from './workbench.service.ts';

const DIGEST_ROLES = ['sales', 'coordinator', 'sales_manager'];
const hourIn = (at: Date, timeZone: string) => Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(at));

/**
 * The daily digest (我的跟单 at a configurable hour, setting `workbench.digestHour`): once the
 * hour has come in China time, each sales/coordinator/manager user not yet served today gets
 * one notification listing their at-risk orders. `digest_sent (user_id, day)` is the
 * exactly-once guard: its insert and the notification commit together, so any number of
 * workers, restarts or late runs send it once per user and day. Returns how many were sent.
 */
export async function runDigest(db: Db, config: Pick<Config, 'timeZone' | 'publicUrl'>, build: Workbench, now = new Date()): Promise<number> {
  const hour = await getSetting(db, 'workbench.digestHour');
  if (hour === null || hourIn(now, config.timeZone) < hour) return 0;
  const day = localDate(now, config.timeZone);
  const users = await db
    .selectFrom('appUser')
    .innerJoin('userRole', 'userRole.userId', 'appUser.id')
    .select('appUser.id')
    .distinct()
    .where('appUser.active', '=', 1)
    .where('userRole.roleKey', 'in', DIGEST_ROLES)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('digestSent').select('digestSent.userId').whereRef('digestSent.userId', '=', 'appUser.id').where('digestSent.day', '=', day))))
    .execute();
  let sent = 0;
  for (const { id } of users) {
    const actor = await loadActor(db, id, 'system');
    if (!actor) continue;
    const { items } = await build(actor, {}, now);
    const done = await inTransaction(db, async (tx) => {
      const r = await tx.insertInto('digestSent').values({ userId: id, day, sentAt: nowIso(), orderCount: items.length }).onConflict((oc) => oc.columns(['userId', 'day']).doNothing()).executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0 || items.length === 0) return false;
      const top = items.slice(0, 10).map((i) => `${i.number ?? i.orderId} ${i.customerName ?? ''}：${i.nextAction}${i.stage ? `（${stageLabels[i.stage.stage].zh}${i.stage.ownerName ? ` · ${i.stage.ownerName}` : ''}）` : ''}`);
      await notify(tx, {
        userIds: [id],
        kind: 'workbench.digest',
        title: `今日跟单提醒：${items.length} 个订单需要关注`,
        body: [...top, ...(items.length > 10 ? [`……另有 ${items.length - 10} 个`] : [])].join('\n'),
        link: `${config.publicUrl}/workbench`,
        email: true,
      });
      return true;
    });
    if (done) sent += 1;
  }
  return sent;
}
