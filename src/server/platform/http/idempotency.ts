import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/dialect.ts';
import { nowIso, sha256 } from '../ids.ts';
import { AppError, fieldError } from './errors.ts';
import type { App } from './types.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { userId: string; key: string; settled: boolean };
  }
}

/** JSON bodies by their text; uploaded files (streamed to disk) by their content. */
async function bodyFingerprint(body: unknown): Promise<string> {
  const b = body as { path?: unknown; size?: unknown } | null;
  if (b && typeof b === 'object' && typeof b.path === 'string' && typeof b.size === 'number') {
    const h = createHash('sha256');
    for await (const chunk of createReadStream(b.path)) h.update(chunk as Buffer);
    return `file:${h.digest('hex')}`;
  }
  return JSON.stringify(body ?? null);
}

/** Keys live at least this long (API.md: ≥ 24 h). */
export const IDEMPOTENCY_TTL_MS = 48 * 3_600_000;

/**
 * `Idempotency-Key` on POST (API.md): the first request claims the key (`in_flight`), its
 * response is stored byte for byte; a replay with the same body gets that response again,
 * a different body 422, and a replay while the first still runs 409. A 5xx frees the key
 * so the client may retry. Runs after authentication and validation.
 */
export function registerIdempotency(app: App, db: Db): void {
  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || typeof key !== 'string' || !req.actor) return;
    if (key.length === 0 || key.length > 255) {
      throw new AppError('VALIDATION_FAILED', [fieldError('Idempotency-Key', 'too_long')]);
    }
    const userId = req.actor.id;
    const requestHash = sha256(`${req.method} ${req.url}\n${await bodyFingerprint(req.body)}`);
    try {
      await db.insertInto('idempotencyKey').values({ userId, key, requestHash, state: 'in_flight', statusCode: null, responseBody: null, createdAt: nowIso() }).execute();
      req.idempotency = { userId, key, settled: false };
      return;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const prior = await db.selectFrom('idempotencyKey').selectAll().where('userId', '=', userId).where('key', '=', key).executeTakeFirst();
    if (!prior) throw new AppError('IDEMPOTENCY_IN_FLIGHT');
    if (prior.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (prior.state === 'in_flight') throw new AppError('IDEMPOTENCY_IN_FLIGHT');
    reply.code(prior.statusCode!).header('content-type', 'application/json; charset=utf-8').header('idempotent-replayed', 'true');
    return reply.send(prior.responseBody);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const idem = req.idempotency;
    if (!idem || idem.settled) return payload;
    idem.settled = true;
    const where = db.updateTable('idempotencyKey').where('userId', '=', idem.userId).where('key', '=', idem.key);
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      await db.deleteFrom('idempotencyKey').where('userId', '=', idem.userId).where('key', '=', idem.key).execute();
    } else {
      await where.set({ state: 'done', statusCode: reply.statusCode, responseBody: payload }).execute();
    }
    return payload;
  });

  // A request that died before sending (client gone, crash in a hook) must not pin its key.
  app.addHook('onResponse', async (req) => {
    const idem = req.idempotency;
    if (idem && !idem.settled) {
      await db.deleteFrom('idempotencyKey').where('userId', '=', idem.userId).where('key', '=', idem.key).where('state', '=', 'in_flight').execute();
    }
  });
}

export async function purgeIdempotencyKeys(db: Db): Promise<void> {
  await db
    .deleteFrom('idempotencyKey')
    .where('createdAt', '<', new Date(Date.now() - IDEMPOTENCY_TTL_MS).toISOString())
    .execute();
}
