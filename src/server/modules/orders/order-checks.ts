import type { CheckResult, checkSeverities, OrderCheckCode } from '../../../contracts/orders.ts';
import { fromMilli } from '../../../contracts/quantity.ts';
import { json } from '../../platform/db/dialect.ts';
import type { ProductTable } from '../../db/schema.ts';

type Severity = (typeof checkSeverities)[number];

export interface CheckInput {
  promisedDate: string;
  gross: number;
  lines: { lineNo: number; productId: string; qty: number; unitPrice: number; spec: Record<string, string> }[];
  products: Map<string, ProductTable>;
  customer: { status: string; creditLimit: number };
  lastPrices: Map<string, number>;
  /** Gross of the customer's open (confirmed, not yet completed) orders. */
  exposure: number;
  duplicates: { id: string; number: string | null; reason: 'same_lines' | 'same_po' }[];
  today: string;
  severities: Partial<Record<OrderCheckCode, Severity>>;
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The automatic checks at submit (DOMAIN.md stage 2). Pure: the caller loads the data;
 * each finding carries its stable code, line and the severity the admin configured.
 */
export function runChecks(input: CheckInput): CheckResult[] {
  const out: CheckResult[] = [];
  const add = (code: OrderCheckCode, lineNo: number | null, details: Record<string, unknown>) => {
    const severity = input.severities[code] ?? 'soft';
    if (severity !== 'off') out.push({ code, severity, lineNo, details, ...(severity === 'reason' ? { needsReason: true } : {}) });
  };
  if (input.customer.status === 'on_hold') add('CUSTOMER_ON_HOLD', null, {});
  for (const l of input.lines) {
    const p = input.products.get(l.productId)!;
    if (p.active !== 1) add('PRODUCT_INACTIVE', l.lineNo, { sku: p.sku });
    if (l.unitPrice < Number(p.floorPrice)) add('PRICE_BELOW_FLOOR', l.lineNo, { sku: p.sku, unitPrice: l.unitPrice, floorPrice: Number(p.floorPrice) });
    else if (l.unitPrice < Number(p.listPrice)) add('PRICE_BELOW_LIST', l.lineNo, { sku: p.sku, unitPrice: l.unitPrice, listPrice: Number(p.listPrice) });
    const last = input.lastPrices.get(l.productId);
    if (last !== undefined && l.unitPrice < last) add('PRICE_BELOW_LAST', l.lineNo, { sku: p.sku, unitPrice: l.unitPrice, lastPrice: last });
    const options = json.read<Record<string, string[]>>(p.specOptions, {});
    const bad = Object.entries(l.spec).filter(([k, v]) => !options[k]?.includes(v));
    if (bad.length) add('SPEC_INVALID', l.lineNo, { sku: p.sku, invalid: Object.fromEntries(bad), allowed: options });
    if ((p.minQty != null && l.qty < Number(p.minQty)) || (p.maxQty != null && l.qty > Number(p.maxQty))) {
      add('QTY_OUT_OF_RANGE', l.lineNo, { sku: p.sku, qty: fromMilli(l.qty), minQty: p.minQty == null ? null : fromMilli(Number(p.minQty)), maxQty: p.maxQty == null ? null : fromMilli(Number(p.maxQty)) });
    }
    if (p.leadTimeDays > 0 && input.promisedDate < addDays(input.today, p.leadTimeDays)) {
      add('LEAD_TIME_TOO_SHORT', l.lineNo, { sku: p.sku, leadTimeDays: p.leadTimeDays, earliest: addDays(input.today, p.leadTimeDays) });
    }
  }
  // A credit limit of 0 means none was set (cash customers are put on hold instead).
  if (input.customer.creditLimit > 0 && input.exposure + input.gross > input.customer.creditLimit) {
    add('CREDIT_LIMIT_EXCEEDED', null, { creditLimit: input.customer.creditLimit, openAmount: input.exposure, orderAmount: input.gross });
  }
  if (input.duplicates.length) add('POSSIBLE_DUPLICATE_ORDER', null, { orders: input.duplicates });
  return out;
}
