import { z } from 'zod';
import { notificationSchema } from '../../../contracts/admin.ts';
import { okBody } from '../../../contracts/common.ts';
import type { App, AppContext } from '../../platform/http/types.ts';
import type { NotificationsService } from './notifications.service.ts';

const tags = ['notifications'];

export function notificationRoutes(app: App, ctx: AppContext, svc: NotificationsService): void {
  // Open SSE streams never end on their own; the server's close waits for them, so they
  // are ended before it (the browser's EventSource reconnects to another server).
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of streams) end();
  });

  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20), cursor: z.string().max(500).optional(), unread: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(notificationSchema), nextCursor: z.string().nullable(), unreadCount: z.number() }) },
      },
    },
    (req) => svc.list(req.actor!.id, { ...req.query, unread: req.query.unread === 'true' }),
  );

  app.post('/api/v1/notifications/read', { schema: { tags, body: z.strictObject({ ids: z.union([z.array(z.string().max(64)).max(500), z.literal('all')]) }), response: { 200: okBody } } }, async (req) => {
    await svc.markRead(req.actor!.id, req.body.ids);
    return { ok: true as const };
  });

  /** Server-Sent Events: the caller's notifications and live updates, with a heartbeat. */
  app.get('/api/v1/events', { schema: { tags, description: 'Server-Sent Events stream (text/event-stream)' } }, (req, reply) => {
    const userId = req.actor!.id;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 3000\nevent: ready\ndata: {}\n\n`);
    const unsubscribe = ctx.live.subscribe(userId, (m) => {
      res.write(`event: ${m.type}\ndata: ${JSON.stringify(m.data)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(`: ping\n\n`), 25_000);
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(end);
    };
    // On shutdown: end the stream and the connection, which would otherwise idle on as
    // keep-alive and hold the server's close() open.
    const end = () => {
      close();
      res.end(() => res.socket?.destroy());
    };
    streams.add(end);
    req.raw.on('close', close);
    res.on('error', close);
  });
}
