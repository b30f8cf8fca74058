/** auth — login, sessions, CSRF, API tokens, login throttling; the request authentication hook. */
import type { App, AppContext } from '../../platform/http/types.ts';
import { registerAuthHook } from './auth.hook.ts';
import { authRoutes } from './auth.routes.ts';
import { createAuthService } from './auth.service.ts';

export { createAuthService, type AuthService, THROTTLE } from './auth.service.ts';
export { SESSION_COOKIE } from './auth.hook.ts';

export function registerAuth(app: App, ctx: AppContext, demoAccounts: { username: string; password: string; role: string }[] = []) {
  const auth = createAuthService(ctx.handle.db, ctx.config);
  registerAuthHook(app, auth);
  authRoutes(app, ctx, auth, demoAccounts);
  return auth;
}
