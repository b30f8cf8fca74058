import type { Webhook, WebhookCreate, WebhookDelivery, WebhookPatch } from '../../../contracts/admin.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { inTransaction, onCommit } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { enqueue, loadDeliveries } from '../../platform/outbox/outbox.ts';
import { invalidateWebhookCache, markWebhooksChanging, type WebhookJobPayload } from './webhook.fanout.ts';
import { deleteWebhook, findWebhook, insertWebhook, listWebhooks, recentDeliveryIds, updateWebhook, type WebhookRecord } from './webhooks.repository.ts';

/** How far back the delivery log looks. */
const DELIVERY_LOG_DAYS = 30;

/** The smallest UUIDv7 of a given millisecond: ids compare like their creation times. */
function lowestIdAt(ms: number): string {
  const h = ms.toString(16).padStart(12, '0');
  return `${h.slice(0, 8)}-${h.slice(8)}-0000-0000-000000000000`;
}

/** The API shape: the secret never leaves the server, only whether there is one. */
function toWebhook(r: WebhookRecord): Webhook {
  const { secret, ...rest } = r;
  return { ...rest, hasSecret: secret !== null && secret !== '' };
}

/** What the audit trail records of a webhook: everything but the secret itself. */
function auditView(r: Partial<WebhookRecord>) {
  const { secret, ...rest } = r;
  return secret === undefined ? rest : { ...rest, hasSecret: secret !== null };
}

/**
 * Admin management of outgoing webhooks. Every change is one transaction with an audit
 * event; the in-process fan-out cache is dropped after commit (other processes follow
 * within the cache TTL).
 */
export function createWebhooksService(db: Db) {
  /** Opens a transaction that changes webhooks: see `markWebhooksChanging`. */
  function changing<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return inTransaction(db, async (tx) => {
      markWebhooksChanging(tx);
      onCommit(tx, () => invalidateWebhookCache(db));
      return fn(tx);
    });
  }

  async function get(id: string): Promise<Webhook> {
    const row = await findWebhook(db, id);
    if (!row) throw notFound();
    return toWebhook(row);
  }

  return {
    get,

    async list(): Promise<{ items: Webhook[]; nextCursor: null }> {
      return { items: (await listWebhooks(db)).map(toWebhook), nextCursor: null };
    },

    async create(actor: Actor, input: WebhookCreate): Promise<Webhook> {
      const record = { name: input.name, url: input.url, preset: input.preset, secret: input.secret ?? null, topics: [...new Set(input.topics)], active: input.active, createdAt: nowIso() };
      const id = await changing(async (tx) => {
        const id = await insertWebhook(tx, record);
        await appendEvent(tx, { entityType: 'webhook', entityId: id, type: 'webhook.created', actor, after: auditView(record) });
        return id;
      });
      return get(id);
    },

    async update(actor: Actor, id: string, input: WebhookPatch): Promise<Webhook> {
      await changing(async (tx) => {
        const before = await findWebhook(tx, id);
        if (!before) throw notFound();
        const patch = { ...input, ...(input.topics ? { topics: [...new Set(input.topics)] } : {}) };
        await updateWebhook(tx, id, patch);
        const changed = Object.keys(patch) as (keyof WebhookPatch)[];
        const pick = (r: Partial<WebhookRecord>) => Object.fromEntries(changed.map((k) => [k, r[k]]));
        await appendEvent(tx, { entityType: 'webhook', entityId: id, type: 'webhook.updated', actor, before: auditView(pick(before)), after: auditView(pick(patch)) });
      });
      return get(id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      await changing(async (tx) => {
        const before = await findWebhook(tx, id);
        if (!before) throw notFound();
        await deleteWebhook(tx, id);
        await appendEvent(tx, { entityType: 'webhook', entityId: id, type: 'webhook.deleted', actor, before: auditView(before) });
      });
    },

    /** Queues a `webhook.test` delivery to this webhook (active or not) and returns its outbox id. */
    async sendTest(actor: Actor, id: string): Promise<{ deliveryId: string }> {
      return inTransaction(db, async (tx) => {
        const hook = await findWebhook(tx, id);
        if (!hook) throw notFound();
        const eventId = newId();
        const payload: WebhookJobPayload = {
          webhookId: id,
          event: { id: eventId, type: 'webhook.test', entityType: 'webhook', entityId: id, actorId: actor.id, at: nowIso(), stage: null, data: { message: `Test delivery for "${hook.name}"` } },
        };
        const deliveryId = await enqueue(tx, { channel: 'webhook', topic: 'webhook.test', payload, dedupeKey: `test-${eventId}:${id}` });
        return { deliveryId };
      });
    },

    /** The webhook's recent deliveries (newest first) with each attempt's time, result and error. */
    async deliveries(id: string, limit: number): Promise<{ items: WebhookDelivery[] }> {
      if (!(await findWebhook(db, id))) throw notFound();
      const ids = await recentDeliveryIds(db, id, { limit, sinceId: lowestIdAt(Date.now() - DELIVERY_LOG_DAYS * 86_400_000) });
      const rows = await loadDeliveries(db, ids);
      return { items: rows.map(({ channel: _c, ...r }) => r) };
    },
  };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
