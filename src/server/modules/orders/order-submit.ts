import type { z } from 'zod';
import type { acknowledgement, CheckResult } from '../../../contracts/orders.ts';
import type { Config } from '../../config.ts';
import type { Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { localDate } from '../../platform/dates.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { nextSequence, numberPattern } from '../../platform/numbering.ts';
import { getSetting } from '../../platform/settings.ts';
import type { ApprovalsService } from '../approvals/index.ts';
import { productsRepository } from '../catalog/index.ts';
import { reserveForOrder } from '../inventory/index.ts';
import { notify } from '../notifications/index.ts';
import type { OrderLineTable, ProductTable } from '../../db/schema.ts';
import { runChecks } from './order-checks.ts';
import { orderMachine } from './order.machine.ts';
import { lastPrices, openExposure, orderLines, orders, possibleDuplicates, rememberPrices, type OrderRow } from './orders.repository.ts';

/** What submitting reads of a line (a stored line, or one just built for a new order). */
type Line = Pick<OrderLineTable, 'id' | 'lineNo' | 'productId' | 'qty' | 'unitPrice' | 'spec' | 'discountBp' | 'warehouseId'>;

/** Which role an `approval`-severity check is routed to. */
const checkApprover: Partial<Record<CheckResult['code'], string>> = { CREDIT_LIMIT_EXCEEDED: 'finance', CUSTOMER_ON_HOLD: 'finance' };

export function createSubmit(config: Pick<Config, 'publicUrl' | 'timeZone'>, approvals: ApprovalsService) {
  const link = (id: string) => `${config.publicUrl}/orders/${id}`;
  const money = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

  /** Reserves stock and confirms; short lines stay confirmed with their shortage (backorder). */
  async function confirm(tx: Tx, actor: Actor, o: OrderRow, from: 'submitted' | 'pending_approval', known?: Line[]) {
    const lines = known ?? (await orderLines.of(tx, [o.id]));
    const results = await reserveForOrder(tx, { orderId: o.id, actor, lines: lines.map((l) => ({ orderLineId: l.id, productId: l.productId, warehouseId: l.warehouseId, qty: Number(l.qty) })) });
    await orderLines.setReservations(tx, results);
    const at = nowIso();
    if (!(await orders.transition(tx, o.id, from, { status: orderMachine.next(from, 'confirm'), confirmedAt: at, updatedAt: at }))) throw new AppError('INVALID_STATE', { action: 'confirm' });
    await rememberPrices(tx, o.customerId, o.id, lines.map((l) => ({ productId: l.productId, unitPrice: Number(l.unitPrice) })), at);
    const shortages = results.filter((r) => r.short > 0).map((r) => ({ lineNo: lines.find((l) => l.id === r.orderLineId)!.lineNo, shortQty: r.short / 1000 }));
    await appendEvent(tx, { entityType: 'order', entityId: o.id, type: 'order.confirmed', actor, stage: 'review', data: { number: o.number, shortages } });
    if (o.ownerId !== actor.id) {
      await notify(tx, { userIds: [o.ownerId], kind: 'order.confirmed', title: `订单已确认：${o.number}`, body: shortages.length ? `${shortages.length} 行缺货，已转为欠交/生产需求` : '库存已全部预留', link: link(o.id) });
    }
  }

  return {
    confirm,

    /**
     * Submit: the status guard first (a double click submits once), then every check, the
     * number as late as possible, then approval or confirmation — all in the caller's transaction.
     * `known`: the lines and products the caller just wrote (create and submit in one request).
     */
    async submit(tx: Tx, actor: Actor, o: OrderRow, acks: z.infer<typeof acknowledgement>[], known?: { lines: Line[]; products: Map<string, ProductTable> }) {
      const now = nowIso();
      if (!(await orders.transition(tx, o.id, 'draft', { status: orderMachine.next('draft', 'submit'), version: o.version + 1, submittedAt: now, submittedBy: actor.id, updatedAt: now }))) {
        throw new AppError('INVALID_STATE', { action: 'submit', state: o.status });
      }
      if (!o.shipTo) throw new AppError('VALIDATION_FAILED', [fieldError('shipToAddress', 'address_required')]);
      const lines = known?.lines ?? (await orderLines.of(tx, [o.id]));
      const products = known?.products ?? new Map((await productsRepository.byIds(tx, lines.map((l) => l.productId))).map((p) => [p.id, p as ProductTable]));
      const customer = await tx.selectFrom('customer').select(['status', 'creditLimit', 'tier']).where('id', '=', o.customerId).executeTakeFirstOrThrow();
      const windowDays = await getSetting(tx, 'order.duplicateWindowDays');
      const checks = runChecks({
        promisedDate: o.promisedDate,
        gross: Number(o.gross),
        lines: lines.map((l) => ({ lineNo: l.lineNo, productId: l.productId, qty: Number(l.qty), unitPrice: Number(l.unitPrice), spec: json.read(l.spec, {}) })),
        products,
        customer: { status: customer.status, creditLimit: Number(customer.creditLimit) },
        lastPrices: await lastPrices(tx, o.customerId, [...products.keys()]),
        // Exposure only matters when a limit is set (0 = none).
        exposure: Number(customer.creditLimit) > 0 ? await openExposure(tx, o.customerId, o.id) : 0,
        duplicates: await possibleDuplicates(tx, { id: o.id, customerId: o.customerId, linesHash: o.linesHash, customerPo: o.customerPo }, new Date(Date.now() - windowDays * 86_400_000).toISOString()),
        today: localDate(new Date(), config.timeZone),
        severities: await getSetting(tx, 'order.checks'),
      });
      const hard = checks.find((c) => c.severity === 'hard');
      if (hard) throw new AppError(hard.code, { checks });
      const unacknowledged = checks.find((c) => c.severity === 'reason' && !acks.some((a) => a.code === c.code));
      if (unacknowledged) throw new AppError(unacknowledged.code, { needsReason: true, checks });

      const cost = lines.reduce((s, l) => s + (Number(products.get(l.productId)!.cost) * Number(l.qty)) / 1000, 0);
      const facts = {
        amount: Number(o.gross),
        discountPct: Math.max(0, ...lines.map((l) => l.discountBp / 100)),
        marginPct: Number(o.net) > 0 ? Math.round(((Number(o.net) - cost) / Number(o.net)) * 10_000) / 100 : 0,
        customerTier: customer.tier,
        nonStandard: o.nonStandard === 1,
        creditExceeded: checks.some((c) => c.code === 'CREDIT_LIMIT_EXCEEDED'),
        lineCount: lines.length,
        priority: o.priority,
        customFields: json.read(o.customFields, {}),
      };
      const numbering = await getSetting(tx, 'order.numbering');
      const n = numberPattern(numbering.pattern, numbering.reset, localDate(new Date(), config.timeZone), 'SO');
      const number = o.number ?? n.format(await nextSequence(tx, n.key));
      const warnings = checks.filter((c) => c.severity !== 'hard');
      await orders.update(tx, o.id, { number, facts: json.write(facts), warnings: json.write(warnings) });
      await appendEvent(tx, {
        entityType: 'order',
        entityId: o.id,
        type: 'order.submitted',
        actor,
        stage: 'review',
        data: { number, amount: Number(o.gross), warnings: warnings.map((w) => w.code), acknowledged: acks.filter((a) => checks.some((c) => c.code === a.code)) },
      });

      const routed = checks.filter((c) => c.severity === 'approval').map((c) => ({ approverRole: checkApprover[c.code] ?? 'sales_manager', reason: c.code }));
      const chain = await approvals.request(tx, {
        documentType: 'order',
        documentId: o.id,
        documentVersion: o.version + 1,
        requestedBy: actor.id,
        facts,
        summary: { number, customerName: o.customerName, amount: Number(o.gross), amountText: money(Number(o.gross)), warnings: warnings.map((w) => w.code) },
        extraLevels: routed,
      });
      const current = { ...o, number, status: 'submitted' as const, version: o.version + 1 };
      if (chain.required) {
        await orders.transition(tx, o.id, 'submitted', { status: orderMachine.next('submitted', 'requestApproval') });
        await appendEvent(tx, { entityType: 'order', entityId: o.id, type: 'order.pending_approval', actor, stage: 'review', data: { rules: chain.rules } });
      } else {
        await confirm(tx, actor, current, 'submitted', lines);
      }
      return warnings;
    },
  };
}
export type Submit = ReturnType<typeof createSubmit>;
