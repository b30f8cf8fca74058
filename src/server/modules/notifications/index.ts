/**
 * notifications — in-app notifications (stored + pushed over SSE), email, webhooks.
 * Other modules call `notify(tx, …)` inside their transaction; delivery happens in the
 * worker. Webhooks learn of every appended event through the events subscriber
 * `notifications.webhooks` and never import the modules that emit them.
 */
import type { OutboxHandler } from '../../platform/outbox/worker.ts';
import type { App, AppContext } from '../../platform/http/types.ts';
import { createEmailHandler } from './email.channel.ts';
import { notificationRoutes } from './notifications.routes.ts';
import { createNotificationsService } from './notifications.service.ts';
import { createWebhookHandler } from './webhook.channel.ts';
import { registerWebhookFanOut } from './webhook.fanout.ts';
import { webhookRoutes } from './webhooks.routes.ts';
import { createWebhooksService } from './webhooks.service.ts';

export { notify, type NotifyInput } from './notifications.service.ts';
export { createEmailHandler, type EmailPayload } from './email.channel.ts';
/** For processes that append events without building the app or a worker (CLI imports). */
export { registerWebhookFanOut, topicMatches } from './webhook.fanout.ts';

/**
 * The outbox channels this module delivers: `inapp`, `email`, `webhook`. Also registers the
 * webhook fan-out, so a worker-only process that appends events fans them out too.
 */
export function createNotificationHandlers(ctx: AppContext): Record<string, OutboxHandler> {
  registerWebhookFanOut();
  const svc = createNotificationsService(ctx.handle.db, ctx.live);
  return {
    inapp: (job) => svc.deliverInApp(job),
    email: createEmailHandler(ctx.handle.db, ctx.config, ctx.log),
    webhook: createWebhookHandler(ctx.handle.db, ctx.log),
  };
}

export function registerNotifications(app: App, ctx: AppContext) {
  registerWebhookFanOut();
  const svc = createNotificationsService(ctx.handle.db, ctx.live);
  const webhooks = createWebhooksService(ctx.handle.db);
  notificationRoutes(app, ctx, svc);
  webhookRoutes(app, webhooks);
  return { ...svc, webhooks };
}
