import { createHmac } from 'node:crypto';
import type { WebhookPreset } from '../../../contracts/admin.ts';

/** What a webhook delivery carries: the event as the generic JSON body sends it. */
export interface WebhookEventBody {
  id: string;
  type: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  at: string;
  stage: string | null;
  data: Record<string, unknown>;
}

export interface WebhookTarget {
  url: string;
  preset: WebhookPreset;
  secret: string | null;
}

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** `sha256=<hex>` over the exact bytes sent: receivers verify before parsing. */
export function genericSignature(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/** DingTalk robot "加签": base64(HMAC-SHA256(key = secret, msg = `${timestampMs}\n${secret}`)), sent URL-encoded in the query. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** Feishu robot "签名校验": base64(HMAC-SHA256(key = `${timestampSec}\n${secret}`, empty message)), sent in the body. */
export function feishuSign(secret: string, timestampSec: number): string {
  return createHmac('sha256', `${timestampSec}\n${secret}`).update(Buffer.alloc(0)).digest('base64');
}

/** The one-paragraph text group robots show. Robots with keyword security need "Gendan"/"跟单" in it. */
export function eventText(e: WebhookEventBody): string {
  const number = typeof e.data.number === 'string' ? ` ${e.data.number}` : '';
  const title = typeof e.data.title === 'string' ? e.data.title : typeof e.data.message === 'string' ? e.data.message : null;
  return [`【跟单 Gendan】${e.type}`, `${e.entityType}${number} (${e.entityId})`, title, e.at].filter(Boolean).join('\n');
}

/**
 * Builds the HTTP request for one delivery. `deliveryId` (the outbox id) is stable across
 * retries, so receivers dedupe on `X-Gendan-Delivery`.
 */
export function buildWebhookRequest(hook: WebhookTarget, event: WebhookEventBody, deliveryId: string, now = Date.now()): WebhookRequest {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'Gendan-Webhook/1',
    'x-gendan-delivery': deliveryId,
    'x-gendan-topic': event.type,
  };
  switch (hook.preset) {
    case 'wecom':
      return { url: hook.url, headers, body: JSON.stringify({ msgtype: 'text', text: { content: eventText(event) } }) };
    case 'dingtalk': {
      const url = new URL(hook.url);
      if (hook.secret) {
        url.searchParams.set('timestamp', String(now));
        url.searchParams.set('sign', dingtalkSign(hook.secret, now));
      }
      return { url: url.toString(), headers, body: JSON.stringify({ msgtype: 'text', text: { content: eventText(event) } }) };
    }
    case 'feishu': {
      const ts = Math.floor(now / 1000);
      const signed = hook.secret ? { timestamp: String(ts), sign: feishuSign(hook.secret, ts) } : {};
      return { url: hook.url, headers, body: JSON.stringify({ ...signed, msg_type: 'text', content: { text: eventText(event) } }) };
    }
    case 'generic': {
      const body = JSON.stringify(event);
      if (hook.secret) headers['x-gendan-signature'] = genericSignature(hook.secret, body);
      return { url: hook.url, headers, body };
    }
  }
}

/**
 * Robot APIs answer HTTP 200 with an error in the body (bad sign, keyword missing, rate
 * limit): WeCom/DingTalk `errcode`, Feishu `code` (older replies `StatusCode`). Returns the
 * error text, or null when the reply means delivered.
 */
export function robotReplyError(preset: WebhookPreset, text: string): string | null {
  if (preset === 'generic') return null;
  let reply: Record<string, unknown>;
  try {
    reply = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return `robot reply is not JSON: ${text.slice(0, 200)}`;
  }
  const code = preset === 'feishu' ? (reply.code ?? reply.StatusCode) : reply.errcode;
  if (code === undefined || Number(code) === 0) return null;
  const msg = reply.errmsg ?? reply.msg ?? reply.StatusMessage ?? '';
  return `robot error ${String(code)}: ${String(msg).slice(0, 200)}`;
}
