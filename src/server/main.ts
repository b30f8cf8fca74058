import { buildApp } from './app.ts';
import { ensureAdmin, openAndMigrate } from './bootstrap.ts';
import type { Config } from './config.ts';
import { createNotificationHandlers } from './modules/notifications/index.ts';
import { createShippingHandlers, startShippingScans } from './modules/shipping/index.ts';
import { createProductionHandlers } from './modules/production/index.ts';
import { startDigest } from './modules/workbench/index.ts';
import { registerAttribution } from './modules/responsibility/index.ts';
import { registerStageEngine } from './modules/stages/index.ts';
import { createStageAlertHandler, scanStageAlerts, setCompanyTimeZone, STAGE_ALERT_CHANNEL } from './modules/sla/index.ts';
import { purgeIdempotencyKeys } from './platform/http/idempotency.ts';
import { LiveHub } from './platform/live.ts';
import { OutboxWorker } from './platform/outbox/worker.ts';
import type { AppContext } from './platform/http/types.ts';

/** The worker: outbox delivery plus housekeeping. Inline in `serve`, or alone in `gendan worker`. */
export function startWorker(ctx: AppContext) {
  const worker = new OutboxWorker(ctx.handle, {
    handlers: { ...createNotificationHandlers(ctx), ...createShippingHandlers(ctx), ...createProductionHandlers(ctx), [STAGE_ALERT_CHANNEL]: createStageAlertHandler(ctx.handle, ctx.config) },
    backoffMs: ctx.config.outboxBackoffMs,
    pollMs: ctx.config.outboxPollMs,
    leaseMs: ctx.config.outboxLeaseMs,
    log: ctx.log as any,
  });
  worker.start();
  // Stage reminders and escalations: each scan records what has come due exactly once.
  setCompanyTimeZone(ctx.config.timeZone);
  let scanning: Promise<unknown> = Promise.resolve();
  const slaScan = setInterval(() => {
    scanning = scanStageAlerts(ctx.handle).catch((err) => ctx.log.error({ err }, 'stage alert scan failed'));
  }, ctx.config.slaScanMs);
  slaScan.unref();
  const housekeeping = setInterval(() => void purgeIdempotencyKeys(ctx.handle.db).catch(() => {}), 3_600_000);
  housekeeping.unref();
  // A worker on its own (`gendan worker`) appends order events too (tracking, scans): the stage
  // track and its attribution follow them there as in the server (same names, same order).
  registerStageEngine();
  registerAttribution(ctx.config.timeZone);
  const stopDigest = startDigest(ctx);
  const stopShippingScans = startShippingScans(ctx);
  return {
    worker,
    async stop() {
      clearInterval(housekeeping);
      stopDigest();
      await stopShippingScans();
      clearInterval(slaScan);
      await scanning;
      await worker.stop();
    },
  };
}

export async function serve(config: Config, hooks: { afterMigrate?: (ctx: Omit<AppContext, 'log' | 'live'>) => Promise<void> } = {}) {
  const handle = await openAndMigrate(config);
  const live = new LiveHub();
  if (handle.pool) await live.connectPostgres(config.databaseUrl, handle.pool);
  const admin = await ensureAdmin(handle, config.adminPassword);
  await hooks.afterMigrate?.({ config, handle });
  const { app, ctx, services } = await buildApp({ config, handle, live });
  const worker = config.worker === 'inline' ? startWorker(ctx) : null;
  const purge = setInterval(() => void services.auth.purgeExpiredSessions().catch(() => {}), 600_000);
  purge.unref();

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  // Links in notifications and customer links use the real port when none was configured (PORT=0).
  if (!process.env.GENDAN_PUBLIC_URL && config.port === 0) config.publicUrl = url;

  const shutdown = async () => {
    clearInterval(purge);
    await worker?.stop();
    await app.close();
    await live.close();
    await handle.close();
  };
  return { app, url, admin, shutdown, handle };
}
