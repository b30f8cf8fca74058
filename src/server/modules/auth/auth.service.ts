import { timingSafeEqual } from 'node:crypto';
import type { ApiToken, MeUser } from '../../../contracts/auth.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, subscribe } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { newId, newSecret, nowIso, sha256 } from '../../platform/ids.ts';
import { dummyHash, findUserByUsername, loadActor, verifyPassword } from '../admin/index.ts';
import { sessions, throttle, tokens } from './auth.repository.ts';

/** Failures allowed per window before a lock, per account name and per client IP. */
export const THROTTLE = { windowMs: 15 * 60_000, lockMs: 15 * 60_000, perAccount: 5, perIp: 20 };
const TOUCH_EVERY_MS = 60_000;
export const TOKEN_PREFIX = 'gd_';

export function toMeUser(actor: Actor, email: string | null = null, mobile: string | null = null): MeUser {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    email,
    mobile,
    teamId: actor.teamId,
    roles: actor.roles,
    permissions: [...actor.permissions],
    dataScope: actor.dataScope,
    hiddenFields: [...actor.hiddenFields],
    locale: actor.locale === 'en-US' ? 'en-US' : 'zh-CN',
  };
}

const safeEqual = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function createAuthService(db: Db, config: Config) {
  // Disabling a user ends every session they have, in the same transaction.
  subscribe('auth.kill-sessions-on-disable', async (tx, e) => {
    if (e.type === 'user.disabled') await sessions.deleteForUser(tx, e.entityId);
  });

  const idleMs = config.sessionIdleMinutes * 60_000;

  async function recordFailure(keys: { key: string; limit: number }[]) {
    await inTransaction(db, async (tx) => {
      const now = Date.now();
      const rows = new Map((await throttle.find(tx, keys.map((k) => k.key))).map((r) => [r.key, r]));
      for (const { key, limit } of keys) {
        const r = rows.get(key);
        const fresh = !r || now - Date.parse(r.windowStart) > THROTTLE.windowMs;
        const failures = fresh ? 1 : r!.failures + 1;
        await throttle.upsert(tx, {
          key,
          failures,
          windowStart: fresh ? new Date(now).toISOString() : r!.windowStart,
          lockedUntil: failures >= limit ? new Date(now + THROTTLE.lockMs).toISOString() : null,
        });
      }
    });
  }

  return {
    /**
     * Checks the throttle first (same answer whether or not the user exists), then the
     * password; an unknown user costs the same argon2 work as a wrong password.
     */
    async login(input: { username: string; password: string; ip: string; userAgent?: string; previousSessionToken?: string }) {
      const accountKey = `user:${input.username.toLowerCase()}`;
      const ipKey = `ip:${input.ip}`;
      const now = nowIso();
      const locks = await throttle.find(db, [accountKey, ipKey]);
      if (locks.some((l) => l.lockedUntil && l.lockedUntil > now)) throw new AppError('LOGIN_THROTTLED');

      const user = await findUserByUsername(db, input.username);
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
      if (!user || !ok || user.active !== 1) {
        await recordFailure([
          { key: accountKey, limit: THROTTLE.perAccount },
          { key: ipKey, limit: THROTTLE.perIp },
        ]);
        throw new AppError('INVALID_CREDENTIALS');
      }
      const actor = (await loadActor(db, user.id, 'session'))!;
      const token = newSecret(32);
      const csrfToken = newSecret(24);
      await inTransaction(db, async (tx) => {
        await throttle.clear(tx, accountKey);
        // Rotation: the cookie presented at login (if any) never survives it.
        if (input.previousSessionToken) await sessions.delete(tx, sha256(input.previousSessionToken));
        await sessions.insert(tx, {
          id: sha256(token),
          userId: user.id,
          csrfToken,
          createdAt: now,
          lastSeenAt: now,
          expiresAt: new Date(Date.now() + config.sessionAbsoluteHours * 3_600_000).toISOString(),
          ip: input.ip,
          userAgent: input.userAgent?.slice(0, 500) ?? null,
        });
        await appendEvent(tx, { entityType: 'user', entityId: user.id, type: 'user.login', actor, data: { ip: input.ip } });
      });
      return { token, csrfToken, user: toMeUser(actor, user.email, user.mobile) };
    },

    async logout(sessionId: string) {
      await sessions.delete(db, sessionId);
    },

    /** Resolves a session cookie to an actor, enforcing idle and absolute timeouts. */
    async resolveSession(cookie: string): Promise<Actor> {
      const id = sha256(cookie);
      const s = await sessions.find(db, id);
      if (!s) throw new AppError('SESSION_EXPIRED');
      const now = Date.now();
      if (Date.parse(s.expiresAt) <= now || Date.parse(s.lastSeenAt) + idleMs <= now) {
        await sessions.delete(db, id);
        throw new AppError('SESSION_EXPIRED');
      }
      const actor = await loadActor(db, s.userId, 'session');
      if (!actor) {
        await sessions.deleteForUser(db, s.userId);
        throw new AppError('SESSION_EXPIRED');
      }
      if (now - Date.parse(s.lastSeenAt) > TOUCH_EVERY_MS) await sessions.touch(db, id, new Date(now).toISOString());
      return { ...actor, sessionId: id, csrfToken: s.csrfToken };
    },

    checkCsrf(actor: Actor, header: string | undefined) {
      if (!header || !actor.csrfToken || !safeEqual(header, actor.csrfToken)) throw new AppError('CSRF_INVALID');
    },

    async resolveToken(bearer: string): Promise<Actor> {
      const t = await tokens.findByHash(db, sha256(bearer));
      const now = Date.now();
      if (!t || t.revokedAt || (t.expiresAt && Date.parse(t.expiresAt) <= now)) throw new AppError('INVALID_TOKEN');
      const actor = await loadActor(db, t.userId, 'token');
      if (!actor) throw new AppError('INVALID_TOKEN');
      if (!t.lastUsedAt || now - Date.parse(t.lastUsedAt) > TOUCH_EVERY_MS) await tokens.touch(db, t.id, new Date(now).toISOString());
      return actor;
    },

    /** The secret is returned once; only its hash is stored. */
    async createToken(actor: Actor, userId: string, name: string, expiresInDays?: number): Promise<{ token: ApiToken; secret: string }> {
      const secret = TOKEN_PREFIX + newSecret(32);
      const id = newId();
      await inTransaction(db, async (tx) => {
        await tokens.insert(tx, {
          id,
          userId,
          name,
          tokenHash: sha256(secret),
          prefix: secret.slice(0, 10),
          createdAt: nowIso(),
          expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000).toISOString() : null,
        });
        await appendEvent(tx, { entityType: 'user', entityId: userId, type: 'token.created', actor, data: { tokenId: id, name } });
      });
      return { token: (await tokens.findById(db, id))!, secret };
    },

    listTokens: (userId?: string) => tokens.list(db, userId),

    async revokeToken(actor: Actor, id: string, mayRevokeOthers: boolean) {
      const t = await tokens.findById(db, id);
      if (!t || (t.userId !== actor.id && !mayRevokeOthers)) throw notFound();
      await inTransaction(db, async (tx) => {
        await tokens.revoke(tx, id, nowIso());
        await appendEvent(tx, { entityType: 'user', entityId: t.userId, type: 'token.revoked', actor, data: { tokenId: id, name: t.name } });
      });
      return (await tokens.findById(db, id))!;
    },

    async purgeExpiredSessions() {
      const now = Date.now();
      await sessions.deleteExpired(db, new Date(now).toISOString(), new Date(now - idleMs).toISOString());
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
