import type { CheckResult, Order } from '../../../contracts/orders.ts';
import { fromMilli } from '../../../contracts/quantity.ts';
import { json } from '../../platform/db/dialect.ts';
import type { OrderRow, orderLines } from './orders.repository.ts';

type LineRow = Awaited<ReturnType<typeof orderLines.of>>[number];

export function toOrder(r: OrderRow, lines: LineRow[]): Order {
  return {
    id: r.id,
    number: r.number,
    customerId: r.customerId,
    customerName: r.customerName ?? null,
    requirementId: r.requirementId,
    customerPo: r.customerPo,
    currency: r.currency,
    promisedDate: r.promisedDate,
    priority: r.priority,
    nonStandard: r.nonStandard === 1,
    nonStandardReason: r.nonStandardReason,
    shipToAddress: json.read(r.shipTo, null),
    status: r.status,
    ownerId: r.ownerId,
    ownerName: r.ownerName ?? null,
    lines: lines.map((l) => ({
      id: l.id,
      lineNo: l.lineNo,
      productId: l.productId,
      sku: l.sku,
      name: l.name,
      unit: l.unit,
      qty: fromMilli(Number(l.qty)),
      unitPrice: Number(l.unitPrice),
      listPrice: Number(l.listPrice),
      discountPct: l.discountBp / 100,
      taxRate: l.taxRateBp / 100,
      net: Number(l.net),
      tax: Number(l.tax),
      gross: Number(l.net) + Number(l.tax),
      spec: json.read(l.spec, {}),
      warehouseId: l.warehouseId,
      reservedQty: fromMilli(Number(l.reservedQty)),
      shortQty: fromMilli(Number(l.shortQty)),
      plannedCompletion: l.plannedCompletion ?? null,
      atRisk: Number(l.atRisk ?? 0) === 1,
      note: l.note,
    })),
    totals: { net: Number(r.net), tax: Number(r.tax), gross: Number(r.gross) },
    warnings: json.read<CheckResult[]>(r.warnings, []),
    note: r.note,
    customFields: json.read(r.customFields, {}),
    version: r.version,
    submittedAt: r.submittedAt,
    confirmedAt: r.confirmedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    copiedFromId: r.copiedFromId ?? null,
  };
}
