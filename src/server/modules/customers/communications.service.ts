import type { z } from 'zod';
import type { communicationCreateBody } from '../../../contracts/customers.ts';
import type { Db } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import { scopeCondition, type Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { enqueue } from '../../platform/outbox/outbox.ts';

const channelNames = { call: '电话', visit: '拜访', email: '邮件', wechat: '微信', meeting: '会议', other: '其他' } as const;

/**
 * The communication log: no verbal promise without a record. A follow-up date schedules a
 * reminder to the customer's owner (an outbox row due at that time).
 */
export function createCommunicationsService(db: Db, publicUrl: string) {
  const select = (actor: Actor) =>
    db
      .selectFrom('communication')
      .innerJoin('customer', 'customer.id', 'communication.customerId')
      .leftJoin('appUser', 'appUser.id', 'communication.createdBy')
      .selectAll('communication')
      .select(['customer.name as customerName', 'appUser.displayName as createdByName'])
      .where(scopeCondition(actor, 'customer.ownerId'));

  const toDto = (r: Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>) => ({
    ...r,
    customerName: r.customerName ?? null,
    createdByName: r.createdByName ?? null,
    participants: json.read<string[]>(r.participants, []),
    attachments: json.read<{ name: string; url: string }[]>(r.attachments, []),
  });

  return {
    async list(actor: Actor, q: { limit: number; cursor?: string; customerId?: string; orderId?: string; requirementId?: string }) {
      const after = decodeCursor(q.cursor);
      let qb = select(actor).orderBy('communication.occurredAt', 'desc').orderBy('communication.id', 'desc').limit(q.limit + 1);
      if (after) {
        const [at, id] = after as [string, string];
        qb = qb.where((eb) => eb.or([eb('communication.occurredAt', '<', at), eb.and([eb('communication.occurredAt', '=', at), eb('communication.id', '<', id)])]));
      }
      if (q.customerId) qb = qb.where('communication.customerId', '=', q.customerId);
      if (q.orderId) qb = qb.where('communication.orderId', '=', q.orderId);
      if (q.requirementId) qb = qb.where('communication.requirementId', '=', q.requirementId);
      const page = toPage(await qb.execute(), q.limit, (r) => [r.occurredAt, r.id]);
      return { items: page.items.map(toDto), nextCursor: page.nextCursor };
    },

    async create(actor: Actor, input: z.infer<typeof communicationCreateBody>) {
      const id = newId();
      await inTransaction(db, async (tx) => {
        const customer = await tx
          .selectFrom('customer')
          .select(['id', 'name', 'ownerId'])
          .where('id', '=', input.customerId)
          .where(scopeCondition(actor, 'customer.ownerId'))
          .executeTakeFirst();
        if (!customer) throw new AppError('VALIDATION_FAILED', [fieldError('customerId', 'not_found')]);
        const occurredAt = new Date(input.occurredAt).toISOString();
        const followUpAt = input.followUpAt ? new Date(input.followUpAt).toISOString() : null;
        await tx
          .insertInto('communication')
          .values({
            id,
            customerId: input.customerId,
            orderId: input.orderId ?? null,
            requirementId: input.requirementId ?? null,
            channel: input.channel,
            summary: input.summary,
            occurredAt,
            participants: json.write(input.participants),
            followUpAt,
            attachments: json.write(input.attachments),
            createdBy: actor.id,
            createdAt: nowIso(),
          })
          .execute();
        await appendEvent(tx, {
          entityType: 'customer',
          entityId: input.customerId,
          type: 'communication.logged',
          actor,
          data: { communicationId: id, channel: input.channel, summary: input.summary.slice(0, 200), followUpAt, orderId: input.orderId ?? null, requirementId: input.requirementId ?? null },
        });
        if (followUpAt) {
          await enqueue(tx, {
            channel: 'inapp',
            topic: 'communication.follow_up',
            payload: {
              userId: customer.ownerId,
              kind: 'communication.follow_up',
              title: `跟进提醒：${customer.name}`,
              body: `${channelNames[input.channel]}记录的跟进时间到了：${input.summary.slice(0, 80)}`,
              link: `${publicUrl}/customers/${customer.id}`,
            },
            delayMs: Math.max(0, Date.parse(followUpAt) - Date.now()),
          });
        }
      });
      const row = await select(actor).where('communication.id', '=', id).executeTakeFirst();
      if (!row) throw notFound();
      return toDto(row);
    },
  };
}

export type CommunicationsService = ReturnType<typeof createCommunicationsService>;
