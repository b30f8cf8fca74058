/**
 * notifications — in-app notifications (stored + pushed over SSE), email, webhooks.
 * Other modules call `notify(tx, …)` inside their transaction; delivery happens in the worker.
 */
import type { OutboxHandler } from '../../platform/outbox/worker.ts';
import type { App, AppContext } from '../../platform/http/types.ts';
import { notificationRoutes } from './notifications.routes.ts';
import { createNotificationsService } from './notifications.service.ts';

export { notify, type NotifyInput } from './notifications.service.ts';

export function createNotificationHandlers(ctx: AppContext): Record<string, OutboxHandler> {
  const svc = createNotificationsService(ctx.handle.db, ctx.live);
  return { inapp: (job) => svc.deliverInApp(job) };
}

export function registerNotifications(app: App, ctx: AppContext) {
  const svc = createNotificationsService(ctx.handle.db, ctx.live);
  notificationRoutes(app, ctx, svc);
  return svc;
}
