/**
 * workbench — 我的跟单: the caller's orders at risk today, most urgent first, each with the
 * stage it is about, the reasons and the next action; bulk nudges; the daily digest.
 * Composed from the orders and shipping doors and the stage track.
 */
import { z } from 'zod';
import { nudgeBody, nudgeReply } from '../../../contracts/responsibility.ts';
import { stageNames, stageSchema } from '../../../contracts/stages.ts';
import { workbenchQuery, workbenchReply } from '../../../contracts/workbench.ts';
import type { App, AppContext } from '../../platform/http/types.ts';
import { createExceptionsService } from '../shipping/index.ts';
import { createClaims } from './claim.service.ts';
import { runDigest } from './digest.job.ts';
import { createNudges } from './nudge.service.ts';
import { createWorkbench, type ExceptionSource } from './workbench.service.ts';

export { runDigest, createWorkbench };

export function registerWorkbench(app: App, ctx: AppContext, deps: { exceptions: ExceptionSource }) {
  const build = createWorkbench(ctx.handle.db, ctx.config, deps.exceptions);
  const nudge = createNudges(ctx.handle.db, ctx.config);
  const tags = ['workbench'];
  app.get('/api/v1/workbench', { config: { permission: 'orders:read' }, schema: { tags, querystring: workbenchQuery, response: { 200: workbenchReply } } }, (req) => build(req.actor!, req.query));
  app.post(
    '/api/v1/workbench/nudge',
    { config: { permission: 'orders:read' }, schema: { tags, description: 'Nudges the owners of many (order, stage) pairs: each logged on its timeline, one notification per owner; per-item results.', body: nudgeBody, response: { 200: nudgeReply } } },
    (req) => nudge(req.actor!, req.body),
  );
  const claim = createClaims(ctx.handle.db);
  app.post(
    '/api/v1/orders/:id/stages/:stage/claim',
    {
      config: { permission: 'orders:read' },
      schema: { tags, description: 'Claim a stage waiting in a role queue (no named owner): only a holder of that role; a stage already taken answers 409.', params: z.strictObject({ id: z.string().max(64), stage: z.enum(stageNames) }), response: { 200: z.object({ items: z.array(stageSchema) }) } },
    },
    async (req) => ({ items: await claim(req.actor!, req.params.id, req.params.stage) }),
  );
  return { build };
}

/** The digest timer for the worker: checks every minute (and at start) whether the digest hour has come. */
export function startDigest(ctx: AppContext, everyMs = 60_000) {
  const build = createWorkbench(ctx.handle.db, ctx.config, createExceptionsService(ctx.handle.db, ctx.config));
  const tick = () => void runDigest(ctx.handle.db, ctx.config, build).catch((err) => ctx.log.error({ err }, 'daily digest failed'));
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
