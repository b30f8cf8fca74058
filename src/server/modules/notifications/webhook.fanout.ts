import type { Db, Tx } from '../../platform/db/database.ts';
import { subscribe, type StoredEvent } from '../../platform/events.ts';
import { enqueue } from '../../platform/outbox/outbox.ts';
import type { WebhookEventBody } from './webhook.presets.ts';
import { listWebhooks } from './webhooks.repository.ts';

/** Other processes' webhook changes show up here within this time. */
export const WEBHOOK_CACHE_TTL_MS = 5_000;

interface Active {
  id: string;
  topics: string[];
}

/** Payload of a `webhook` outbox row: which hook, and the event as sent. */
export interface WebhookJobPayload {
  webhookId: string;
  event: WebhookEventBody;
}

/** `*` matches everything, `order.*` every type under `order.`, anything else exactly. */
export function topicMatches(topics: readonly string[], type: string): boolean {
  return topics.some((t) => t === '*' || t === type || (t.endsWith('.*') && type.startsWith(t.slice(0, -1))));
}

// Keyed per database, not global: one process may hold several databases (tests run both
// dialects side by side). A transaction shares its Kysely instance's dialect adapter, and
// the subscriber only receives the transaction, so the adapter is the database's identity.
const cache = new WeakMap<object, { at: number; hooks: Active[] }>();
const dbKey = (q: Db | Tx): object => q.getExecutor().adapter;

// Transactions that change webhooks: their own events must see the uncommitted change, but
// what they read must not be cached — the transaction may still roll back.
const changing = new WeakSet<Tx>();

/** Called by the webhooks service inside a transaction that changes the webhook table. */
export function markWebhooksChanging(tx: Tx): void {
  changing.add(tx);
}

/** Forgets the cached list (after a commit that changed webhooks in this process). */
export function invalidateWebhookCache(q: Db | Tx): void {
  cache.delete(dbKey(q));
}

async function activeWebhooks(tx: Tx): Promise<Active[]> {
  if (changing.has(tx)) return (await listWebhooks(tx, { activeOnly: true })).map(({ id, topics }) => ({ id, topics }));
  const key = dbKey(tx);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < WEBHOOK_CACHE_TTL_MS) return hit.hooks;
  const hooks = (await listWebhooks(tx, { activeOnly: true })).map(({ id, topics }) => ({ id, topics }));
  cache.set(key, { at: Date.now(), hooks });
  return hooks;
}

export function toEventBody(e: StoredEvent): WebhookEventBody {
  return { id: e.id, type: e.type, entityType: e.entityType, entityId: e.entityId, actorId: e.actorId, at: e.at, stage: e.stage, data: e.data };
}

/**
 * For every appended event, one `webhook` outbox row per active webhook whose topics
 * match, in the event's transaction. The dedupe key makes a replayed fan-out harmless.
 * With a warm cache, an event no webhook wants costs no query.
 */
async function fanOut(tx: Tx, event: StoredEvent): Promise<void> {
  // The emitter chose the channels and left webhooks out (an SLA rule without the webhook channel).
  if (event.data.webhook === false) return;
  const hooks = await activeWebhooks(tx);
  for (const hook of hooks) {
    if (!topicMatches(hook.topics, event.type)) continue;
    const payload: WebhookJobPayload = { webhookId: hook.id, event: toEventBody(event) };
    await enqueue(tx, { channel: 'webhook', topic: event.type, payload, dedupeKey: `${event.id}:${hook.id}` });
  }
}

/** Idempotent: the events registry keeps one subscriber per name. */
export function registerWebhookFanOut(): void {
  subscribe('notifications.webhooks', fanOut);
}
