import type { Db, Tx } from '../../platform/db/database.ts';
import { enqueue } from '../../platform/outbox/outbox.ts';
import type { OutboxJob } from '../../platform/outbox/worker.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { LiveHub } from '../../platform/live.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { countUnread, insertNotificationOnce, listNotifications, markNotificationsRead, type NotificationRow } from './notifications.repository.ts';

export interface NotifyInput {
  userIds: string[];
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  /** Also email the users who have an address (logged instead when SMTP is not configured). */
  email?: boolean;
  /** In-app notification (default on); rules that choose email only turn it off. */
  inapp?: boolean;
}

/** Everything other modules need to tell people something: rows in the caller's transaction. */
export async function notify(tx: Tx, input: NotifyInput): Promise<void> {
  for (const userId of new Set(input.userIds)) {
    if (input.inapp !== false) await enqueue(tx, { channel: 'inapp', topic: input.kind, payload: { userId, kind: input.kind, title: input.title, body: input.body, link: input.link ?? null } });
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
      const row: NotificationRow = { id: newId(), userId: p.userId, outboxId: job.id, kind: p.kind, title: p.title, body: p.body, link: p.link, createdAt: nowIso(), readAt: null };
      // A retry after the insert (the push failed, or the attempt wasn't recorded) stores
      // nothing new and pushes nothing: the client has it or will load it.
      if (!(await insertNotificationOnce(db, row))) return;
      const { userId, outboxId, ...notification } = row;
      await live.publish({ userId, type: 'notification', data: notification });
    },

    async list(userId: string, query: { limit: number; cursor?: string; unread?: boolean }) {
      const after = decodeCursor(query.cursor);
      const rows = await listNotifications(db, userId, { limit: query.limit + 1, beforeId: after ? String(after[0]) : undefined, unread: query.unread });
      const page = toPage(rows, query.limit, (r) => [r.id]);
      return { ...page, unreadCount: await countUnread(db, userId) };
    },

    markRead: (userId: string, ids: string[] | 'all') => markNotificationsRead(db, userId, ids),
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
