import { sql, type Expression, type SqlBool } from 'kysely';
import type { DataScope, Permission, RestrictableField } from '../../../contracts/permissions.ts';
import { AppError } from './errors.ts';

/** Who is acting: resolved once per request from the session cookie or the bearer token. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: ReadonlySet<Permission>;
  dataScope: DataScope;
  hiddenFields: ReadonlySet<RestrictableField>;
  teamId: string | null;
  locale: string;
  via: 'session' | 'token' | 'system';
  sessionId?: string;
  csrfToken?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
  interface FastifyContextConfig {
    /** The one place a route declares who may call it. */
    permission?: Permission;
    /** No authentication at all (login, health, customer portal). */
    public?: boolean;
  }
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN', { permission });
}

/**
 * Data scope as a WHERE condition on a record's owner column, so lists and reads of
 * out-of-scope records behave as if they did not exist (404, absent from lists).
 * own: owned by the actor; team: owned by anyone in the actor's team; all: no condition.
 */
export function scopeCondition(actor: Actor, ownerColumn: string): Expression<SqlBool> {
  if (actor.dataScope === 'all') return sql<SqlBool>`1 = 1`;
  if (actor.dataScope === 'team' && actor.teamId) {
    return sql<SqlBool>`(${sql.ref(ownerColumn)} = ${actor.id} or ${sql.ref(ownerColumn)} in (select id from app_user where team_id = ${actor.teamId}))`;
  }
  return sql<SqlBool>`${sql.ref(ownerColumn)} = ${actor.id}`;
}

/** Field rules: drop the fields this actor may not see (e.g. cost from sales). */
export function redact<T extends Record<string, unknown>>(actor: Actor, entity: string, row: T): T {
  if (actor.hiddenFields.size === 0) return row;
  const out: Record<string, unknown> = { ...row };
  for (const f of actor.hiddenFields) {
    const [e, field] = f.split('.');
    if (e === entity && field in out) delete out[field];
  }
  return out as T;
}

export const systemActor: Actor = {
  id: 'system',
  username: 'system',
  displayName: 'System',
  roles: [],
  permissions: new Set(),
  dataScope: 'all',
  hiddenFields: new Set(),
  teamId: null,
  locale: 'zh-CN',
  via: 'system',
};
