import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors.ts';
import { assertCan } from '../../platform/http/actor.ts';
import type { App } from '../../platform/http/types.ts';
import type { AuthService } from './auth.service.ts';

export const SESSION_COOKIE = 'gendan_sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before body parsing on every route: resolves the actor (bearer token or session
 * cookie), requires the CSRF header on state-changing cookie requests, and checks the
 * route's declared permission. Routes opt out with `config.public`.
 */
export function registerAuthHook(app: App, auth: AuthService): void {
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const cfg = req.routeOptions.config;
    // Only the API is guarded here; the SPA shell, assets and /api/docs are public.
    if (!req.routeOptions.url || cfg?.public || !req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      req.actor = await auth.resolveToken(header.slice(7).trim());
    } else {
      const cookie = req.cookies?.[SESSION_COOKIE];
      if (!cookie) throw new AppError('UNAUTHENTICATED');
      req.actor = await auth.resolveSession(cookie);
      if (!SAFE_METHODS.has(req.method)) auth.checkCsrf(req.actor, req.headers['x-csrf-token'] as string | undefined);
    }
    if (cfg?.permission) assertCan(req.actor, cfg.permission);
  });
}
