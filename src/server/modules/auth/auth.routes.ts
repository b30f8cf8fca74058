import { z } from 'zod';
import { apiToken, apiTokenCreateBody, apiTokenCreated, demoAccounts, loginBody, loginReply, meReply } from '../../../contracts/auth.ts';
import { idParams, okBody } from '../../../contracts/common.ts';
import { can } from '../../platform/http/actor.ts';
import type { App, AppContext } from '../../platform/http/types.ts';
import { SESSION_COOKIE } from './auth.hook.ts';
import { toMeUser, type AuthService } from './auth.service.ts';

const tags = ['auth'];

export function authRoutes(app: App, ctx: AppContext, auth: AuthService, demo: { username: string; password: string; role: string }[]): void {
  const secure = ctx.config.publicUrl.startsWith('https://');

  app.post('/api/auth/login', { config: { public: true }, schema: { tags, body: loginBody, response: { 200: loginReply } } }, async (req, reply) => {
    const result = await auth.login({
      ...req.body,
      ip: req.ip,
      userAgent: req.headers['user-agent'],
      previousSessionToken: req.cookies[SESSION_COOKIE],
    });
    reply.setCookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: ctx.config.sessionAbsoluteHours * 3600,
    });
    return { user: result.user, csrfToken: result.csrfToken };
  });

  app.post('/api/auth/logout', { schema: { tags, response: { 200: okBody } } }, async (req, reply) => {
    if (req.actor?.sessionId) await auth.logout(req.actor.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/auth/me', { schema: { tags, response: { 200: meReply } } }, async (req) => ({
    user: toMeUser(req.actor!),
    csrfToken: req.actor!.csrfToken ?? null,
    demo: ctx.config.demo,
  }));

  // Demo accounts are shown on the login page only when the server runs in demo mode.
  app.get('/api/auth/demo-accounts', { config: { public: true }, schema: { tags, response: { 200: demoAccounts } } }, async () => ({
    items: ctx.config.demo ? demo : [],
  }));

  app.get('/api/v1/tokens', { schema: { tags, querystring: z.object({ all: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ items: z.array(apiToken) }) } } }, async (req) => {
    const all = req.query.all === 'true' && can(req.actor!, 'admin:users');
    return { items: await auth.listTokens(all ? undefined : req.actor!.id) };
  });
  app.post('/api/v1/tokens', { schema: { tags, body: apiTokenCreateBody, response: { 201: apiTokenCreated } } }, async (req, reply) =>
    reply.code(201).send(await auth.createToken(req.actor!, req.actor!.id, req.body.name, req.body.expiresInDays)),
  );
  app.delete('/api/v1/tokens/:id', { schema: { tags, params: idParams, response: { 200: apiToken } } }, (req) =>
    auth.revokeToken(req.actor!, req.params.id, can(req.actor!, 'admin:users')),
  );
}
