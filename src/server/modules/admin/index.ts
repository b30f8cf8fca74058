/**
 * admin — users, roles and permissions, teams. The door other modules use: `loadActor`
 * (auth), `findUserByUsername` and `verifyPassword` (login), `seedRoles` (start-up).
 */
import type { App, AppContext } from '../../platform/http/types.ts';
import { adminRoutes } from './admin.routes.ts';
import { customFieldRoutes } from './custom-fields.routes.ts';
import { settingsRoutes } from './settings.routes.ts';
import { createSettingsService } from './settings.service.ts';
import { createCustomFieldsService } from './custom-fields.service.ts';
import { createRolesService } from './roles.service.ts';
import { createUsersService } from './users.service.ts';

export { loadActor } from './actor.ts';
export { findUserById, findUserByUsername } from './accounts.repository.ts';
export { verifyPassword, dummyHash, hashPassword, assertPasswordPolicy } from './password.ts';
export { seedRoles } from './roles.service.ts';
export { assertCustomFields, loadCustomFields } from './custom-fields.service.ts';
export { createUsersService, type UsersService } from './users.service.ts';

export function registerAdmin(app: App, ctx: AppContext) {
  const users = createUsersService(ctx.handle.db);
  const roles = createRolesService(ctx.handle.db);
  const customFields = createCustomFieldsService(ctx.handle.db);
  adminRoutes(app, users, roles);
  customFieldRoutes(app, customFields);
  settingsRoutes(app, createSettingsService(ctx.handle.db));
  return { users, roles, customFields };
}
