import type { z } from 'zod';
import type { Locale } from '../../../contracts/errors.ts';
import { noticeChannels, noticeKeys, noticeLocales, type NoticeChannel, type NoticeKey, type noticeTemplatesBody } from '../../../contracts/shipping.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { nowIso } from '../../platform/ids.ts';

type Text = { subject: string | null; body: string };

/** The built-in texts, used until an admin edits them (and again after a reset). */
const builtIn: Record<NoticeKey, Record<NoticeChannel, Record<Locale, Text>>> = {
  'shipment.dispatched': {
    email: {
      'zh-CN': {
        subject: '您的订单 {orderNumber} 已发货（{carrier} {trackingNumber}）',
        body: '{contactName} 您好：\n\n订单 {orderNumber} 已发货。\n承运商：{carrier}\n物流单号：{trackingNumber}\n预计到达：{eta}\n\n查看物流进度并确认签收：{link}\n\n如有疑问请联系您的销售代表。',
      },
      'en-US': {
        subject: 'Your order {orderNumber} has shipped ({carrier} {trackingNumber})',
        body: 'Dear {contactName},\n\nYour order {orderNumber} has shipped.\nCarrier: {carrier}\nTracking number: {trackingNumber}\nEstimated arrival: {eta}\n\nTrack it and confirm receipt: {link}\n\nQuestions? Contact your sales representative.',
      },
    },
    sms: {
      'zh-CN': { subject: null, body: '您的订单{orderNumber}已发货，{carrier} {trackingNumber}，预计{eta}送达。查看物流：{link}' },
      'en-US': { subject: null, body: 'Order {orderNumber} shipped: {carrier} {trackingNumber}, ETA {eta}. Track: {link}' },
    },
    wecom: {
      'zh-CN': { subject: null, body: '【发货通知】{customerName} 的订单 {orderNumber} 已发货\n承运商：{carrier}\n物流单号：{trackingNumber}\n预计到达：{eta}\n物流进度：{link}' },
      'en-US': { subject: null, body: '[Shipped] Order {orderNumber} of {customerName}\nCarrier: {carrier}\nTracking: {trackingNumber}\nETA: {eta}\nTrack: {link}' },
    },
  },
  'shipment.delayed': {
    email: {
      'zh-CN': {
        subject: '您的订单 {orderNumber} 配送有延误（{carrier} {trackingNumber}）',
        body: '{contactName} 您好：\n\n订单 {orderNumber} 的货物（{carrier} {trackingNumber}）配送出现延误，我们正在跟进。\n{note}\n\n查看最新物流：{link}\n\n给您带来不便，敬请谅解。',
      },
      'en-US': {
        subject: 'Delivery of your order {orderNumber} is delayed ({carrier} {trackingNumber})',
        body: 'Dear {contactName},\n\nThe delivery of order {orderNumber} ({carrier} {trackingNumber}) is delayed; we are on it.\n{note}\n\nLatest tracking: {link}\n\nWe apologize for the inconvenience.',
      },
    },
    sms: {
      'zh-CN': { subject: null, body: '您的订单{orderNumber}（{carrier}{trackingNumber}）配送延误，我们正在跟进。{note} 查看：{link}' },
      'en-US': { subject: null, body: 'Order {orderNumber} ({carrier} {trackingNumber}) is delayed; we are on it. {note} Track: {link}' },
    },
    wecom: {
      'zh-CN': { subject: null, body: '【配送延误】{customerName} 的订单 {orderNumber}（{carrier} {trackingNumber}）\n{note}\n物流进度：{link}' },
      'en-US': { subject: null, body: '[Delayed] Order {orderNumber} of {customerName} ({carrier} {trackingNumber})\n{note}\nTrack: {link}' },
    },
  },
};

const PLACEHOLDER = /\{([^{}\s]*)\}/g;

/** The placeholders a text uses that its key does not offer. */
export function unknownPlaceholders(key: NoticeKey, text: string): string[] {
  const known = new Set<string>(noticeKeys[key]);
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((p) => !known.has(p));
}

/** Fills `{name}` placeholders; validation guarantees each one is known. */
export const fill = (text: string, values: Record<string, string>) => text.replace(PLACEHOLDER, (m, name: string) => values[name] ?? m);

/**
 * Customer notice templates per key, channel and language: the built-in text until an admin
 * edits it. Every placeholder is checked against the key's list when saved, so a typo never
 * reaches a customer as a literal `{ordernumber}`.
 */
export function createNoticeTemplates(db: Db) {
  const stored = (q: Db | Tx, key: NoticeKey) => q.selectFrom('noticeTemplate').selectAll().where('key', '=', key).execute();

  async function get(key: NoticeKey) {
    const rows = await stored(db, key);
    const templates = noticeChannels.flatMap((channel) =>
      noticeLocales.map((locale) => {
        const row = rows.find((r) => r.channel === channel && r.locale === locale);
        const base = builtIn[key][channel][locale];
        return row
          ? { channel, locale, subject: channel === 'email' ? (row.subject ?? base.subject) : null, body: row.body, isDefault: false, updatedAt: row.updatedAt }
          : { channel, locale, subject: base.subject, body: base.body, isDefault: true, updatedAt: null };
      }),
    );
    return { key, placeholders: [...noticeKeys[key]], templates };
  }

  return {
    keys: () => Object.keys(noticeKeys) as NoticeKey[],
    get,

    async put(actor: Actor, key: NoticeKey, input: z.infer<typeof noticeTemplatesBody>) {
      const problems = input.templates.flatMap((t, i) => [
        ...unknownPlaceholders(key, t.body).map((p) => fieldError(`templates.${i}.body`, 'unknown_placeholder', { placeholder: p })),
        ...unknownPlaceholders(key, t.subject ?? '').map((p) => fieldError(`templates.${i}.subject`, 'unknown_placeholder', { placeholder: p })),
        ...(t.channel === 'email' && !t.reset && !t.subject ? [fieldError(`templates.${i}.subject`, 'required')] : []),
      ]);
      const seen = new Set<string>();
      input.templates.forEach((t, i) => {
        const k = `${t.channel}:${t.locale}`;
        if (seen.has(k)) problems.push(fieldError(`templates.${i}.locale`, 'duplicate_template'));
        seen.add(k);
      });
      if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
      await inTransaction(db, async (tx) => {
        const before = await stored(tx, key);
        const at = nowIso();
        for (const t of input.templates) {
          const where = tx.deleteFrom('noticeTemplate').where('key', '=', key).where('channel', '=', t.channel).where('locale', '=', t.locale);
          if (t.reset) {
            await where.execute();
            continue;
          }
          const row = { key, channel: t.channel, locale: t.locale, subject: t.channel === 'email' ? (t.subject ?? null) : null, body: t.body, updatedBy: actor.id, updatedAt: at };
          await tx
            .insertInto('noticeTemplate')
            .values(row)
            .onConflict((oc) => oc.columns(['key', 'channel', 'locale']).doUpdateSet({ subject: row.subject, body: row.body, updatedBy: row.updatedBy, updatedAt: row.updatedAt }))
            .execute();
        }
        await appendEvent(tx, { entityType: 'notice_template', entityId: key, type: 'notice_template.updated', actor, before: before.map(({ updatedBy: _u, ...r }) => r), after: input.templates });
      });
      return get(key);
    },

    /** The text to send: the edited template or the built-in one, placeholders filled. */
    async render(q: Db | Tx, key: NoticeKey, channel: NoticeChannel, locale: Locale, values: Record<string, string>): Promise<Text> {
      const row = await q.selectFrom('noticeTemplate').select(['subject', 'body']).where('key', '=', key).where('channel', '=', channel).where('locale', '=', locale).executeTakeFirst();
      const base = builtIn[key][channel][locale];
      const subject = channel === 'email' ? (row?.subject ?? base.subject) : null;
      return { subject: subject === null ? null : fill(subject, values), body: fill(row?.body ?? base.body, values) };
    },
  };
}
export type NoticeTemplates = ReturnType<typeof createNoticeTemplates>;
