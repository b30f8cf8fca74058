import { z } from 'zod';
import {
  directoryEntry,
  directoryQuery,
  roleCreateBody,
  rolePatchBody,
  roleSchema,
  teamCreateBody,
  teamPatchBody,
  teamSchema,
  userCreateBody,
  userListQuery,
  userPatchBody,
  userSchema,
} from '../../../contracts/admin.ts';
import { idParams, page } from '../../../contracts/common.ts';
import type { App } from '../../platform/http/types.ts';
import type { RolesService } from './roles.service.ts';
import type { UsersService } from './users.service.ts';

const tags = ['admin'];

export function adminRoutes(app: App, users: UsersService, roles: RolesService): void {
  const asUsers = { config: { permission: 'admin:users' as const } };
  const asRoles = { config: { permission: 'admin:roles' as const } };

  app.get('/api/v1/admin/users', { ...asUsers, schema: { tags, querystring: userListQuery, response: { 200: page(userSchema) } } }, (req) => users.list(req.query));
  app.post('/api/v1/admin/users', { ...asUsers, schema: { tags, body: userCreateBody, response: { 201: userSchema } } }, async (req, reply) =>
    reply.code(201).send(await users.create(req.actor!, req.body)),
  );
  app.get('/api/v1/admin/users/:id', { ...asUsers, schema: { tags, params: idParams, response: { 200: userSchema } } }, (req) => users.get(req.params.id));
  app.patch('/api/v1/admin/users/:id', { ...asUsers, schema: { tags, params: idParams, body: userPatchBody, response: { 200: userSchema } } }, (req) =>
    users.update(req.actor!, req.params.id, req.body),
  );

  app.get('/api/v1/users', { schema: { tags, querystring: directoryQuery, response: { 200: z.object({ items: z.array(directoryEntry) }) } } }, async (req) => ({ items: await users.directory(req.actor!, req.query) }));

  app.get('/api/v1/admin/roles', { ...asRoles, schema: { tags, response: { 200: z.object({ items: z.array(roleSchema) }) } } }, async () => ({ items: await roles.listRoles() }));
  app.post('/api/v1/admin/roles', { ...asRoles, schema: { tags, body: roleCreateBody, response: { 201: roleSchema } } }, async (req, reply) =>
    reply.code(201).send(await roles.createRole(req.actor!, req.body)),
  );
  app.patch('/api/v1/admin/roles/:key', { ...asRoles, schema: { tags, params: z.strictObject({ key: z.string().max(64) }), body: rolePatchBody, response: { 200: roleSchema } } }, (req) =>
    roles.updateRole(req.actor!, req.params.key, req.body),
  );

  app.get('/api/v1/admin/teams', { ...asUsers, schema: { tags, response: { 200: z.object({ items: z.array(teamSchema) }) } } }, async () => ({ items: await roles.listTeams() }));
  app.post('/api/v1/admin/teams', { ...asUsers, schema: { tags, body: teamCreateBody, response: { 201: teamSchema } } }, async (req, reply) =>
    reply.code(201).send(await roles.createTeam(req.actor!, req.body)),
  );
  app.patch('/api/v1/admin/teams/:id', { ...asUsers, schema: { tags, params: idParams, body: teamPatchBody, response: { 200: teamSchema } } }, (req) =>
    roles.updateTeam(req.actor!, req.params.id, req.body),
  );
}
