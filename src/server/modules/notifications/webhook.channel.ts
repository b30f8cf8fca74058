import type { Db } from '../../platform/db/database.ts';
import type { OutboxHandler } from '../../platform/outbox/worker.ts';
import type { ChannelLog } from './email.channel.ts';
import type { WebhookJobPayload } from './webhook.fanout.ts';
import { buildWebhookRequest, robotReplyError } from './webhook.presets.ts';
import { findWebhook } from './webhooks.repository.ts';

export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * The `webhook` channel: one POST per outbox row, with the webhook's current URL, preset
 * and secret. Anything but a 2xx (or a robot's error code in a 200) throws, and the worker
 * retries with backoff; redirects are not followed, so a moved endpoint fails visibly.
 * Deliveries of a deleted webhook are dropped. Pausing a webhook (active = false) stops
 * new fan-out; rows already queued still go out — they were committed while it was active.
 */
export function createWebhookHandler(db: Db, log: ChannelLog, opts: { timeoutMs?: number } = {}): OutboxHandler {
  const timeoutMs = opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return async (job) => {
    const p = job.payload as WebhookJobPayload;
    const hook = await findWebhook(db, p.webhookId);
    if (!hook) {
      log.warn({ outboxId: job.id, webhookId: p.webhookId }, 'webhook delivery dropped: webhook deleted');
      return;
    }
    const req = buildWebhookRequest(hook, p.event, job.id);
    let res: Response;
    try {
      res = await fetch(req.url, { method: 'POST', headers: req.headers, body: req.body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      if (e.name === 'TimeoutError') throw new Error(`timeout after ${timeoutMs} ms`);
      throw new Error(`request failed: ${e.cause?.code ?? e.cause?.message ?? e.message}`);
    }
    const text = await readCapped(res, 64 * 1024);
    if (res.status < 200 || res.status > 299) throw new Error(`HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
    const robotError = robotReplyError(hook.preset, text);
    if (robotError) throw new Error(robotError);
  };
}

/** Reads at most `max` bytes of a reply: only robots' short JSON matters, a huge reply must not. */
async function readCapped(res: Response, max: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < max) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    /* a reply cut short still has a status */
  } finally {
    reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, max);
}
