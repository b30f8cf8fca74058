import type { Locale } from '../../../contracts/errors.ts';
import { carriers, type NoticeChannel, type NoticeKey, type Shipment } from '../../../contracts/shipping.ts';
import { normalizeMobile } from '../../../contracts/cn.ts';
import type { Config } from '../../config.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { createLink } from '../../platform/links.ts';
import { enqueue, loadDeliveries } from '../../platform/outbox/outbox.ts';
import type { OutboxHandler } from '../../platform/outbox/worker.ts';
import { getSetting } from '../../platform/settings.ts';
import type { NoticeTemplates } from './notice-templates.ts';

/** Outbox channel of customer notices: one row per medium, delivered by `createNoticeHandler`. */
export const NOTICE_CHANNEL = 'customer.notice';
const TIMEOUT_MS = 10_000;

export interface NoticePayload {
  medium: NoticeChannel;
  orderId: string;
  shipmentId: string;
  to: string;
  subject: string | null;
  text: string;
}

/**
 * Queues customer notices (`key`: the dispatch notice, or a delay notice sent from an
 * exception) in the caller's transaction — email to the customer's primary
 * contact, SMS to that contact's mobile when an SMS gateway is set, the WeCom robot when its
 * webhook is set — each from its template in the company's customer language, each recorded
 * on the order timeline as `customer.notified` with its outbox id (delivery follows as
 * `customer.notice_delivered` / `customer.notice_failed`).
 */
export async function queueCustomerNotices(tx: Tx, templates: NoticeTemplates, config: Pick<Config, 'publicUrl'>, actor: Actor, s: Shipment, key: NoticeKey = 'shipment.dispatched', extra: { note?: string | null; ref?: string } = {}) {
  const contact = await tx
    .selectFrom('customerContact')
    .select(['name', 'email', 'phone'])
    .where('customerId', '=', s.customerId)
    .orderBy('isPrimary', 'desc')
    .orderBy('sort')
    .execute();
  const mailTo = contact.find((c) => c.email);
  const smsTo = contact.map((c) => ({ name: c.name, mobile: c.phone ? normalizeMobile(c.phone) : null })).find((c) => c.mobile);
  const sms = await getSetting(tx, 'notice.smsGateway');
  const wecom = await getSetting(tx, 'notice.wecomWebhook');
  const targets: { medium: NoticeChannel; to: string; name: string | null }[] = [
    ...(mailTo?.email ? [{ medium: 'email' as const, to: mailTo.email, name: mailTo.name }] : []),
    ...(sms.url && smsTo?.mobile ? [{ medium: 'sms' as const, to: smsTo.mobile, name: smsTo.name }] : []),
    ...(wecom ? [{ medium: 'wecom' as const, to: 'wecom', name: null }] : []),
  ];
  if (targets.length === 0) {
    await appendEvent(tx, { entityType: 'order', entityId: s.orderId, type: 'customer.notice_skipped', actor, stage: 'shipping', data: { shipmentId: s.id, key, reason: 'no_contact_email' } });
    return 0;
  }
  const locale: Locale = await getSetting(tx, 'notice.customerLocale');
  // The notice carries a link to the customer's own order page (tracking, proof of delivery).
  const page = await createLink(tx, { kind: 'order', entityId: s.orderId, createdBy: actor.id, expiresInDays: 60 });
  const carrier = s.carrier ? (carriers[s.carrier as keyof typeof carriers]?.[locale === 'en-US' ? 'en' : 'zh'] ?? s.carrier) : '';
  for (const target of targets) {
    const values = {
      orderNumber: s.orderNumber ?? '',
      shipmentNumber: s.number,
      customerName: s.customerName ?? '',
      contactName: target.name ?? s.customerName ?? '',
      carrier,
      trackingNumber: s.trackingNumber ?? '',
      eta: s.eta ?? (locale === 'en-US' ? 'to be confirmed by the carrier' : '待承运商更新'),
      link: `${config.publicUrl}/c/${page.token}`,
      note: extra.note ?? '',
    };
    const text = await templates.render(tx, key, target.medium, locale, values);
    const payload: NoticePayload = { medium: target.medium, orderId: s.orderId, shipmentId: s.id, to: target.to, subject: text.subject, text: text.body };
    const dedupeKey = key === 'shipment.dispatched' ? (target.medium === 'email' ? `shipment-notice:${s.id}` : `shipment-notice:${s.id}:${target.medium}`) : `shipment-notice:${s.id}:${key}:${extra.ref ?? ''}:${target.medium}`;
    const outboxId = await enqueue(tx, { channel: NOTICE_CHANNEL, topic: key, payload, dedupeKey });
    await appendEvent(tx, { entityType: 'order', entityId: s.orderId, type: 'customer.notified', actor, stage: 'shipping', data: { shipmentId: s.id, key, channel: target.medium, to: target.to, outboxId, trackingNumber: s.trackingNumber, locale, delivery: 'queued' } });
  }
  return targets.length;
}

/** The notices of a shipment (as the order timeline recorded them) with their delivery state from the outbox. */
export async function shipmentNotices(db: Db, s: { id: string; orderId: string }) {
  const events = await db.selectFrom('event').select('data').where('entityType', '=', 'order').where('entityId', '=', s.orderId).where('type', '=', 'customer.notified').execute();
  const sent = events.map((e) => JSON.parse(e.data) as { shipmentId?: string; key?: NoticeKey; channel: NoticeChannel; to: string; outboxId: string }).filter((d) => d.shipmentId === s.id && d.outboxId);
  const byId = new Map(sent.map((d) => [d.outboxId, d]));
  const deliveries = await loadDeliveries(db, [...byId.keys()]);
  return deliveries
    .map((d) => {
      const n = byId.get(d.id)!;
      return { outboxId: d.id, key: n.key ?? ('shipment.dispatched' as const), channel: n.channel, to: n.to, state: d.state as 'pending' | 'done' | 'dead', attempts: Number(d.attempts), lastError: d.lastError, createdAt: d.createdAt, doneAt: d.doneAt };
    })
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.channel.localeCompare(b.channel));
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    throw new Error(e.name === 'TimeoutError' ? `timeout after ${TIMEOUT_MS} ms` : `request failed: ${e.cause?.code ?? e.message}`);
  }
  const text = (await res.text()).slice(0, 2000);
  if (res.status < 200 || res.status > 299) throw new Error(`HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
  return text;
}

/**
 * Delivers a customer notice: email through the notifications module's email channel, SMS
 * as `POST {to, text}` to the gateway (Bearer token when set), WeCom as a robot text message
 * (its `errcode` must be 0). The order timeline learns the outcome: delivered, or the first
 * failure (the worker keeps retrying with backoff; the state is on GET /shipments/:id/notices).
 */
export function createNoticeHandler(db: Db, email: OutboxHandler): OutboxHandler {
  const record = (p: NoticePayload, type: string, data: Record<string, unknown>) =>
    inTransaction(db, (tx) => appendEvent(tx, { entityType: 'order', entityId: p.orderId, type, actor: null, stage: 'shipping', data: { shipmentId: p.shipmentId, channel: p.medium, to: p.to, ...data } }));
  return async (job) => {
    const p = job.payload as NoticePayload;
    try {
      if (p.medium === 'email') {
        await email({ ...job, payload: { to: p.to, subject: p.subject ?? '', text: p.text } });
      } else if (p.medium === 'sms') {
        const gw = await getSetting(db, 'notice.smsGateway');
        if (!gw.url) throw new Error('SMS gateway not configured');
        await post(gw.url, { to: p.to, text: p.text }, gw.token ? { authorization: `Bearer ${gw.token}` } : {});
      } else {
        const url = await getSetting(db, 'notice.wecomWebhook');
        if (!url) throw new Error('WeCom webhook not configured');
        const reply = await post(url, { msgtype: 'text', text: { content: p.text } });
        const code = (JSON.parse(reply || '{}') as { errcode?: number; errmsg?: string }).errcode;
        if (code !== undefined && Number(code) !== 0) throw new Error(`robot error ${code}: ${reply.slice(0, 200)}`);
      }
    } catch (err) {
      if (job.attempt === 1) await record(p, 'customer.notice_failed', { outboxId: job.id, attempt: job.attempt, error: (err as Error).message.slice(0, 300), delivery: 'retrying' });
      throw err;
    }
    await record(p, 'customer.notice_delivered', { outboxId: job.id, attempt: job.attempt, delivery: 'delivered' });
  };
}
