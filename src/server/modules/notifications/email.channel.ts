import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import type { OutboxHandler } from '../../platform/outbox/worker.ts';
import { findUserById } from '../admin/index.ts';

/** Payload of an `email` outbox row: a user (address looked up at send time) or an address. */
export interface EmailPayload {
  userId?: string;
  to?: string;
  subject: string;
  text: string;
  html?: string;
}

export interface ChannelLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** The host part of the From address: Message-IDs should name the sending domain. */
function messageIdDomain(from: string): string {
  const m = /@([^>\s]+)/.exec(from);
  return m ? m[1] : 'gendan.local';
}

/**
 * The `email` channel. The Message-ID is derived from the outbox id, so a retry after a
 * lost reply (mail accepted, acknowledgement not) carries the same id and mail systems and
 * people can recognize the duplicate. Without SMTP_URL the message is logged, not sent
 * (API.md "email disabled, logged"), and counts as delivered.
 */
export function createEmailHandler(db: Db, config: Pick<Config, 'smtpUrl' | 'smtpFrom'>, log: ChannelLog): OutboxHandler {
  // Not pooled: a worker sends mail in bursts and must not hold SMTP connections open
  // between them (nor need closing on shutdown).
  const transport = config.smtpUrl
    ? nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
    : null;
  const domain = messageIdDomain(config.smtpFrom);

  return async (job) => {
    const p = job.payload as EmailPayload;
    let to = p.to ?? null;
    if (!to && p.userId) {
      const user = await findUserById(db, p.userId);
      // A user without an address (or gone) cannot be mailed; retrying will not change that.
      if (!user || user.active !== 1 || !user.email) {
        log.info({ outboxId: job.id, userId: p.userId }, 'email skipped: user has no active address');
        return;
      }
      to = user.email;
    }
    if (!to) {
      log.warn({ outboxId: job.id }, 'email skipped: no recipient');
      return;
    }
    if (!transport) {
      log.info({ outboxId: job.id, to, subject: p.subject, text: p.text.slice(0, 2000) }, 'email disabled (SMTP_URL unset): message logged, not sent');
      return;
    }
    await transport.sendMail({
      from: config.smtpFrom,
      to,
      subject: p.subject,
      text: p.text,
      ...(p.html ? { html: p.html } : {}),
      messageId: `<${job.id}@${domain}>`,
      headers: { 'X-Gendan-Delivery': job.id },
    });
  };
}
