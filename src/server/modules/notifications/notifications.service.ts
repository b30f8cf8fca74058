import type { Notification } from '../../../contracts/admin.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { enqueue } from '../../platform/outbox/outbox.ts';
import type { OutboxJob } from '../../platform/outbox/worker.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { LiveHub } from '../../platform/live.ts';
import { newId, nowIso } from '../../platform/ids.ts';

export interface NotifyInput {
  userIds: string[];
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  /** Also send an email to users with an address (when SMTP is configured). */
  email?: boolean;
}

/** Everything other modules need to tell people something: rows in the caller's transaction. */
export async function notify(tx: Tx, input: NotifyInput): Promise<void> {
  for (const userId of new Set(input.userIds)) {
    await enqueue(tx, { channel: 'inapp', topic: input.kind, payload: { userId, kind: input.kind, title: input.title, body: input.body, link: input.link ?? null } });
    if (input.email) {
      await enqueue(tx, { channel: 'email', topic: input.kind, payload: { userId, subject: input.title, text: `${input.body}${input.link ? `\n\n${input.link}` : ''}` } });
    }
  }
}

export function createNotificationsService(db: Db, live: LiveHub) {
  return {
    /** Outbox handler for `inapp`: one notification per outbox row (unique outbox_id), then a live push. */
    async deliverInApp(job: OutboxJob): Promise<void> {
      const p = job.payload as { userId: string; kind: string; title: string; body: string; link: string | null };
      const row: Notification & { userId: string; outboxId: string } = {
        id: newId(),
        userId: p.userId,
        outboxId: job.id,
        kind: p.kind,
        title: p.title,
        body: p.body,
        link: p.link,
        createdAt: nowIso(),
        readAt: null,
      };
      const inserted = await db
        .insertInto('notification')
        .values(row)
        .onConflict((oc) => oc.column('outboxId').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
      const { userId, outboxId, ...notification } = row;
      await live.publish({ userId, type: 'notification', data: notification });
    },

    async list(userId: string, query: { limit: number; cursor?: string; unread?: boolean }) {
      const after = decodeCursor(query.cursor);
      let qb = db
        .selectFrom('notification')
        .select(['id', 'kind', 'title', 'body', 'link', 'createdAt', 'readAt'])
        .where('userId', '=', userId)
        .orderBy('id', 'desc')
        .limit(query.limit + 1);
      if (after) qb = qb.where('id', '<', String(after[0]));
      if (query.unread) qb = qb.where('readAt', 'is', null);
      const page = toPage(await qb.execute(), query.limit, (r) => [r.id]);
      const unread = await db
        .selectFrom('notification')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('userId', '=', userId)
        .where('readAt', 'is', null)
        .executeTakeFirstOrThrow();
      return { ...page, unreadCount: Number(unread.n) };
    },

    async markRead(userId: string, ids: string[] | 'all') {
      let qb = db.updateTable('notification').set({ readAt: nowIso() }).where('userId', '=', userId).where('readAt', 'is', null);
      if (ids !== 'all') {
        if (ids.length === 0) return;
        qb = qb.where('id', 'in', ids);
      }
      await qb.execute();
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
