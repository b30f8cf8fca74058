import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig, type Config } from '../../src/server/config.ts';
import { createUsersService } from '../../src/server/modules/admin/index.ts';
import { systemActor } from '../../src/server/platform/http/actor.ts';
import type { DialectName } from '../../src/server/platform/db/dialect.ts';
import { createTestDb, type TestDb } from './db.ts';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

/** A full app (all modules, real DB) driven with `app.inject`, plus small factories. */
export async function createTestApp(dialect: DialectName, overrides: Partial<Config> = {}) {
  const db: TestDb = await createTestDb(dialect);
  const config = loadConfig({}, { databaseUrl: db.url, logLevel: 'silent', outboxBackoffMs: 20, outboxPollMs: 50, ...overrides });
  const built = await buildApp({ config, handle: db.handle, logger: false });
  await built.app.ready();
  const users = createUsersService(db.handle.db);
  let seq = 0;
  type UserExtra = { teamId?: string | null; managerId?: string | null; username?: string; email?: string };

  const t = {
    ...built,
    db,
    config,
    /** Creates a user with the given roles (default password `passw0rd!`). */
    async user(roles: string[] = ['sales'], extra: UserExtra = {}) {
      seq += 1;
      return users.create(systemActor, {
        username: extra.username ?? `u${seq}_${roles[0]}`,
        displayName: `用户${seq}`,
        password: 'passw0rd!',
        roles,
        teamId: extra.teamId ?? null,
        managerId: extra.managerId ?? null,
        email: extra.email ?? null,
      });
    },
    async login(username: string, password = 'passw0rd!'): Promise<Session> {
      const res = await built.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'gendan_sid')!;
      return { cookie: `gendan_sid=${cookie.value}`, csrf: res.json().csrfToken, userId: res.json().user.id };
    },
    /** A logged-in user with the given roles. */
    async as(roles: string[] = ['admin'], extra: UserExtra = {}) {
      const u = await t.user(roles, extra);
      return { user: u, session: await t.login(u.username) };
    },
    req(session: Session | null, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
      return built.app.inject({
        method: method as any,
        url,
        payload: payload as any,
        headers: { ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}), ...headers },
      });
    },
    async close() {
      await built.app.close();
      await db.drop();
    },
  };
  return t;
}
