import type { Insertable, Updateable } from 'kysely';
import type { Webhook } from '../../../contracts/admin.ts';
import type { WebhookTable } from '../../db/schema.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { newId } from '../../platform/ids.ts';

type Q = Db | Tx;

const columns = ['id', 'name', 'url', 'preset', 'secret', 'topics', 'active', 'createdAt'] as const;

/** A webhook as the channel needs it (with its secret); never sent to clients as is. */
export interface WebhookRecord {
  id: string;
  name: string;
  url: string;
  preset: Webhook['preset'];
  secret: string | null;
  topics: string[];
  active: boolean;
  createdAt: string;
}

function toRecord(r: { [K in (typeof columns)[number]]: WebhookTable[K] }): WebhookRecord {
  return { ...r, topics: json.read<string[]>(r.topics, []), active: r.active === 1 };
}

export async function listWebhooks(q: Q, opts: { activeOnly?: boolean } = {}): Promise<WebhookRecord[]> {
  let qb = q.selectFrom('webhook').select(columns).orderBy('createdAt').orderBy('id');
  if (opts.activeOnly) qb = qb.where('active', '=', 1);
  return (await qb.execute()).map(toRecord);
}

export async function findWebhook(q: Q, id: string): Promise<WebhookRecord | undefined> {
  const row = await q.selectFrom('webhook').select(columns).where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export async function insertWebhook(q: Q, w: Omit<WebhookRecord, 'id'>): Promise<string> {
  const id = newId();
  const row: Insertable<WebhookTable> = { ...w, id, topics: json.write(w.topics), active: w.active ? 1 : 0 };
  await q.insertInto('webhook').values(row).execute();
  return id;
}

export async function updateWebhook(q: Q, id: string, patch: Partial<Omit<WebhookRecord, 'id' | 'createdAt'>>): Promise<void> {
  const { topics, active, ...rest } = patch;
  const set: Updateable<WebhookTable> = {
    ...rest,
    ...(topics !== undefined ? { topics: json.write(topics) } : {}),
    ...(active !== undefined ? { active: active ? 1 : 0 } : {}),
  };
  if (Object.keys(set).length === 0) return;
  await q.updateTable('webhook').set(set).where('id', '=', id).execute();
}

export async function deleteWebhook(q: Q, id: string): Promise<void> {
  await q.deleteFrom('webhook').where('id', '=', id).execute();
}

/**
 * Ids of a webhook's recent outbox rows, newest first. Rows carry the webhook id as the
 * suffix of their dedupe key (`<eventId>:<webhookId>`, `test-<id>:<webhookId>`); the
 * outbox has no webhook column, so the scan is bounded by time through the UUIDv7 ids,
 * which sort by creation (ids.ts).
 */
export async function recentDeliveryIds(q: Q, webhookId: string, opts: { limit: number; sinceId: string }): Promise<string[]> {
  const rows = await q
    .selectFrom('outbox')
    .select('id')
    .where('channel', '=', 'webhook')
    .where('id', '>=', opts.sinceId)
    .where('dedupeKey', 'like', `%:${webhookId}`)
    .orderBy('id', 'desc')
    .limit(opts.limit)
    .execute();
  return rows.map((r) => r.id);
}
